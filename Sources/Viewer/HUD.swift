import Gym

/// What the status strip under a shown frame says.
public struct HUDStatus: Equatable, Sendable {
    /// The word before the episode number, such as `EPISODE` or `EVAL EPISODE`.
    public var episodeLabel = "EPISODE"
    /// The episode being shown (from 1).
    public var episode: Int
    /// Steps taken in it.
    public var step: Int
    /// Its return so far.
    public var episodeReturn: Double
    /// The agent's figure of the moment, such as `ε 0.531` or `loss 0.0042` (`nil` when it has none).
    public var detail: String?
    /// Environment steps per second, measured over all steps (shown or not).
    public var stepsPerSecond: Double?
    /// The playback state, such as `PAUSED` or `SPEED 4×`.
    public var playback: String?

    /// Creates a status.
    public init(episode: Int, step: Int, episodeReturn: Double, detail: String? = nil, stepsPerSecond: Double? = nil,
                playback: String? = nil) {
        self.episode = episode
        self.step = step
        self.episodeReturn = episodeReturn
        self.detail = detail
        self.stepsPerSecond = stepsPerSecond
        self.playback = playback
    }

    /// The strip's two lines of text.
    var lines: [String] {
        let first = "\(episodeLabel) \(episode)  STEP \(step)  RETURN \(HUD.format(episodeReturn))"
        let second = [detail, stepsPerSecond.map { "\(HUD.formatRate($0)) STEPS/S" }, playback]
            .compactMap { $0 }.joined(separator: "  ")
        return [first, second]
    }
}

/// Puts a frame and its status strip together: what the window shows and the GIF records.
///
/// Frames narrower than ``minimumWidth`` are first enlarged by a whole factor with nearest-neighbour sampling, so a
/// 4x4 FrozenLake or a 10x10 arcade board stays sharp and the 2x-scaled text fits.
public enum HUD {
    /// The narrowest composed image, in pixels.
    public static let minimumWidth = 480
    /// The strip's background.
    public static let background = RGB(hex: 0x1C2833)
    /// The strip's text.
    public static let foreground = RGB(hex: 0xF4F6F7)
    /// Text is drawn with each font pixel a block of this side.
    static let textScale = 2
    /// Height of one line of text, with its spacing.
    static let lineHeight = (BitmapFont.glyphHeight + 3) * textScale
    /// Height of the strip.
    public static let stripHeight = 2 * lineHeight + 2 * textScale * 2

    /// The whole factor ``compose(_:status:)`` enlarges a frame of `width` pixels by.
    public static func scaleFactor(forWidth width: Int) -> Int {
        max(1, (minimumWidth + width - 1) / width)
    }

    /// `frame` enlarged by ``scaleFactor(forWidth:)`` with the status strip below it.
    public static func compose(_ frame: Frame, status: HUDStatus) -> Frame {
        let scaled = frame.scaled(by: scaleFactor(forWidth: frame.width))
        var strip = Frame(width: scaled.width, height: stripHeight, fill: background)
        for (index, line) in status.lines.enumerated() {
            strip.drawText(line, x: 2 * textScale, y: 2 * textScale + index * lineHeight, scale: textScale, color: foreground)
        }
        return Frame(width: scaled.width, height: scaled.height + stripHeight, pixels: scaled.pixels + strip.pixels)
    }

    /// A return or loss with up to 4 significant digits.
    static func format(_ value: Double) -> String {
        let rounded = (value * 10_000).rounded() / 10_000
        if rounded == rounded.rounded() && abs(rounded) < 1e9 { return String(Int(rounded)) }
        var text = String(rounded)
        if text.count > 9 { text = String(format: "%.4g", value) }
        return text
    }

    /// A rate such as `950`, `12.3K` or `4.1M`.
    static func formatRate(_ value: Double) -> String {
        switch value {
        case ..<1_000: String(Int(value.rounded()))
        case ..<1_000_000: String(format: "%.1fK", value / 1_000)
        default: String(format: "%.1fM", value / 1_000_000)
        }
    }
}

extension Frame {
    /// The frame enlarged `factor` times in each direction, every pixel a `factor` x `factor` block
    /// (nearest-neighbour sampling).
    public func scaled(by factor: Int) -> Frame {
        precondition(factor >= 1, "the scale factor must be at least 1, got \(factor)")
        guard factor > 1 else { return self }
        let scaledWidth = width * factor
        var bytes = [UInt8](repeating: 0, count: scaledWidth * height * factor * 3)
        bytes.withUnsafeMutableBufferPointer { target in
            pixels.withUnsafeBufferPointer { source in
                for row in 0..<height {
                    let first = row * factor * scaledWidth * 3
                    for column in 0..<width {
                        let from = (row * width + column) * 3
                        for copy in 0..<factor {
                            let to = first + (column * factor + copy) * 3
                            target[to] = source[from]
                            target[to + 1] = source[from + 1]
                            target[to + 2] = source[from + 2]
                        }
                    }
                    // The remaining rows of the block repeat the first.
                    let base = UnsafeMutableRawPointer(target.baseAddress!)
                    for copy in 1..<factor {
                        (base + first + copy * scaledWidth * 3).copyMemory(from: base + first, byteCount: scaledWidth * 3)
                    }
                }
            }
        }
        return Frame(width: scaledWidth, height: height * factor, pixels: bytes)
    }
}
