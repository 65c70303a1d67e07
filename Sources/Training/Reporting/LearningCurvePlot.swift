import Foundation
import Gym
import TensorCore

/// A learning curve as a standalone SVG: the return of every training episode (thin, light) and its 100-episode
/// moving average (thick), with labelled axes, ticks and a legend. Opens in any browser.
public struct LearningCurvePlot {
    /// The title above the plot (agent, environment, seed).
    public var title: String
    /// Training returns in episode order.
    public var returns: [Double]
    /// The reward threshold drawn as a dashed line, when the environment has one.
    public var threshold: Double?
    /// Episodes in the moving average.
    public var window = Trainer.movingAverageWindow

    /// A plot of `returns` titled `title`, with `threshold` drawn when given.
    public init(title: String, returns: [Double], threshold: Double? = nil) {
        self.title = title
        self.returns = returns
        self.threshold = threshold
    }

    private static let width = 860.0, height = 440.0
    private static let left = 70.0, right = 20.0, top = 40.0, bottom = 60.0
    /// Most points drawn per line; longer runs are averaged into this many buckets.
    private static let maxPoints = 1500

    /// Writes the SVG to `path` atomically.
    public func write(to path: String) throws {
        do {
            try AtomicFile.write(Data(svg.utf8), to: URL(fileURLWithPath: path))
        } catch {
            throw GymError("cannot write the plot '\(path)': \(error.localizedDescription)")
        }
    }

    /// The SVG document.
    public var svg: String {
        let (w, h) = (Self.width, Self.height)
        let plotWidth = w - Self.left - Self.right, plotHeight = h - Self.top - Self.bottom
        let averages = movingAverages()
        var low = min(returns.min() ?? 0, threshold ?? .infinity), high = max(returns.max() ?? 1, threshold ?? -.infinity)
        if high - low < 1e-9 { low -= 1; high += 1 }
        let yTicks = Self.ticks(low, high)
        low = min(low, yTicks.first ?? low); high = max(high, yTicks.last ?? high)
        let episodes = max(returns.count, 2)
        let x = { (episode: Double) in Self.left + (episode - 1) / Double(episodes - 1) * plotWidth }
        let y = { (value: Double) in Self.top + (high - value) / (high - low) * plotHeight }
        var parts = [
            #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(Int(w))" height="\#(Int(h))" viewBox="0 0 \#(Int(w)) \#(Int(h))" font-family="sans-serif" font-size="12">"#,
            #"<rect width="100%" height="100%" fill="white"/>"#,
            #"<text x="\#(Int(w / 2))" y="22" text-anchor="middle" font-size="15">\#(Self.escaped(title))</text>"#,
        ]
        for tick in yTicks {
            parts.append(#"<line x1="\#(f(Self.left))" x2="\#(f(w - Self.right))" y1="\#(f(y(tick)))" y2="\#(f(y(tick)))" stroke="rgb(228,228,228)"/>"#)
            parts.append(#"<text x="\#(f(Self.left - 6))" y="\#(f(y(tick) + 4))" text-anchor="end">\#(Self.label(tick))</text>"#)
        }
        for tick in Self.ticks(1, Double(episodes)) where tick >= 1 {
            parts.append(#"<line x1="\#(f(x(tick)))" x2="\#(f(x(tick)))" y1="\#(f(h - Self.bottom))" y2="\#(f(h - Self.bottom + 5))" stroke="black"/>"#)
            parts.append(#"<text x="\#(f(x(tick)))" y="\#(f(h - Self.bottom + 18))" text-anchor="middle">\#(Self.label(tick))</text>"#)
        }
        parts.append(#"<rect x="\#(f(Self.left))" y="\#(f(Self.top))" width="\#(f(plotWidth))" height="\#(f(plotHeight))" fill="none" stroke="black"/>"#)
        parts.append(#"<text x="\#(f(Self.left + plotWidth / 2))" y="\#(f(h - 16))" text-anchor="middle">training episode</text>"#)
        parts.append(#"<text transform="translate(18 \#(f(Self.top + plotHeight / 2))) rotate(-90)" text-anchor="middle">episode return</text>"#)
        if let threshold {
            parts.append(#"<line x1="\#(f(Self.left))" x2="\#(f(w - Self.right))" y1="\#(f(y(threshold)))" y2="\#(f(y(threshold)))" stroke="rgb(42,157,58)" stroke-dasharray="6 4"/>"#)
        }
        parts.append(polyline(Self.bucketed(returns.enumerated().map { (Double($0.offset + 1), $0.element) }),
                              x: x, y: y, color: "#9ab8e0", width: 1))
        parts.append(polyline(Self.bucketed(averages), x: x, y: y, color: "#d0443e", width: 2.5))
        var legend = [("#9ab8e0", "return"), ("#d0443e", "\(window)-episode moving average")]
        if threshold != nil { legend.append(("#2a9d3a", "reward threshold")) }
        for (index, (color, text)) in legend.enumerated() {
            let legendY = Self.top + 16 + Double(index) * 16
            parts.append(#"<line x1="\#(f(Self.left + 10))" x2="\#(f(Self.left + 34))" y1="\#(f(legendY - 4))" y2="\#(f(legendY - 4))" stroke="\#(color)" stroke-width="2.5"/>"#)
            parts.append(#"<text x="\#(f(Self.left + 40))" y="\#(f(legendY))">\#(text)</text>"#)
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n") + "\n"
    }

    /// (episode, mean of the latest `window` returns) once `window` episodes are in (the running mean before).
    private func movingAverages() -> [(Double, Double)] {
        var sum = 0.0
        return returns.indices.map { index in
            sum += returns[index]
            if index >= window { sum -= returns[index - window] }
            return (Double(index + 1), sum / Double(min(index + 1, window)))
        }
    }

    private func polyline(_ points: [(Double, Double)], x: (Double) -> Double, y: (Double) -> Double,
                          color: String, width: Double) -> String {
        let coordinates = points.map { "\(f(x($0.0))),\(f(y($0.1)))" }.joined(separator: " ")
        return #"<polyline fill="none" stroke="\#(color)" stroke-width="\#(width)" stroke-linejoin="round" points="\#(coordinates)"/>"#
    }

    /// At most `maxPoints` points: consecutive points averaged in equal buckets.
    private static func bucketed(_ points: [(Double, Double)]) -> [(Double, Double)] {
        guard points.count > maxPoints else { return points }
        return (0..<maxPoints).map { bucket in
            let slice = points[bucket * points.count / maxPoints ..< (bucket + 1) * points.count / maxPoints]
            let count = Double(slice.count)
            return (slice.reduce(0) { $0 + $1.0 } / count, slice.reduce(0) { $0 + $1.1 } / count)
        }
    }

    /// Round tick values (steps of 1, 2 or 5 × 10ⁿ) covering `low...high`, about five of them.
    static func ticks(_ low: Double, _ high: Double) -> [Double] {
        let rough = (high - low) / 5
        guard rough > 0, rough.isFinite else { return [low] }
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        let first = (low / step).rounded(.down) * step
        return stride(from: first, through: high + step * 0.999, by: step).map { ($0 / step).rounded() * step }
    }

    private static func label(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : formatNumber(value)
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
}

/// A coordinate with two decimals.
private func f(_ value: Double) -> String { String(format: "%.2f", value) }

/// `--plot FILE`: writes the learning curve when training ends (also when it diverged or was stopped). It keeps
/// every training return (8 bytes an episode) until then.
public final class LearningCurveWriter: TrainingObserver {
    /// The SVG file.
    public let path: String
    /// The plot's title.
    public let title: String
    /// The reward threshold drawn as a dashed line.
    public let threshold: Double?
    private var returns: [Double] = []

    /// A writer of the curve to `path`.
    public init(path: String, title: String, threshold: Double?) {
        self.path = path
        self.title = title
        self.threshold = threshold
    }

    public func episodeFinished(_ event: EpisodeEvent) {
        returns.append(event.episode.totalReward)
    }

    public func trainingFinished(_ result: TrainingResult) throws {
        try LearningCurvePlot(title: title, returns: returns, threshold: threshold).write(to: path)
    }
}
