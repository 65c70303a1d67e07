import Foundation
import Gym
import Viewer

/// How episodes are rendered.
public enum RenderMode: String, CaseIterable, Sendable {
    /// An SDL window with the HUD; falls back to `ansi` when SDL or a display is missing.
    case window
    /// Text frames in the terminal.
    case ansi
}

/// What a run asks to see of its episodes: a window or terminal frames, a GIF recording, and how often.
public struct DisplayRequest: Sendable {
    /// The window or the terminal; `nil` shows nothing (a recording may still be made).
    public var render: RenderMode?
    /// Show every Nth episode in the window (the others run at full speed).
    public var renderEvery = 1
    /// Frames per second when rendering; `nil` uses the environment's.
    public var framesPerSecond: Double?
    /// An animated GIF file to record to.
    public var record: String?
    /// Record every Nth episode.
    public var recordEvery = 1
    /// The window's title.
    public var title: String

    public init(render: RenderMode? = nil, renderEvery: Int = 1, framesPerSecond: Double? = nil, record: String? = nil,
                recordEvery: Int = 1, title: String) {
        self.render = render
        self.renderEvery = renderEvery
        self.framesPerSecond = framesPerSecond
        self.record = record
        self.recordEvery = recordEvery
        self.title = title
    }
}

extension EpisodeDisplay {
    /// Opens what `request` asks for on `environment` (built from `spec`), or `nil` when nothing was asked for.
    ///
    /// When a window cannot open (no SDL, no display, or an environment that draws only text) the reason is printed
    /// and the episodes go to the terminal instead, for environments that draw text. With `keysDriveTheGame` (human
    /// play) Space and the arrows act in the game, and a window that cannot open is an error.
    public static func open<E: Environment>(_ request: DisplayRequest, for environment: E, spec: EnvironmentSpec,
                                            keysDriveTheGame: Bool = false) throws -> EpisodeDisplay? {
        let fps = request.framesPerSecond ?? spec.renderFPS
        let sample = environment.capability(FrameRendering.self)?.frame()
        let composedSize = sample.map { HUD.compose($0, status: HUDStatus(episode: 0, step: 0, episodeReturn: 0)) }
        let drawsText = environment.capability(TextRendering.self) != nil
        var view: LiveView?
        var terminal: TerminalRenderer?
        switch request.render {
        case nil:
            break
        case .ansi:
            guard drawsText else {
                throw GymError("'\(spec.name)' does not draw itself as text (TextRendering), so it cannot be shown in the terminal")
            }
            terminal = TerminalRenderer(fps: fps)
        case .window:
            do {
                guard let composedSize else {
                    throw GymError("'\(spec.name)' draws only text, not frames (FrameRendering)")
                }
                let library = try SDLLibrary.load()
                try SDLLibrary.checkDisplay()
                view = try LiveView(title: request.title, width: composedSize.width, height: composedSize.height,
                                    framesPerSecond: fps, library: library, keysDriveTheGame: keysDriveTheGame)
            } catch {
                guard !keysDriveTheGame else { throw GymError("cannot open a window to play in: \(error)") }
                let fallback = drawsText ? "showing the episodes in the terminal instead" : "continuing without showing the episodes"
                TerminalOutput.write("cannot open a window: \(error)\n\(fallback)\n")
                if drawsText { terminal = TerminalRenderer(fps: fps) }
            }
        }
        var recorder: GIFWriter?
        if let path = request.record {
            guard let composedSize else {
                throw GymError("recording needs an environment that draws frames (FrameRendering); '\(spec.name)' draws only text")
            }
            recorder = try GIFWriter(path: path, width: composedSize.width, height: composedSize.height,
                                     framesPerSecond: fps)
        }
        guard view != nil || recorder != nil || terminal != nil else { return nil }
        let display = EpisodeDisplay(view: view, recorder: recorder, terminal: terminal,
                                     showing: .every(request.renderEvery), recording: .every(request.recordEvery))
        display.title = request.title
        return display
    }

    /// Closes the window and the recording, and says on standard error where the recording went.
    public func close() throws {
        if let line = try finish() { TerminalOutput.write(line + "\n") }
    }
}
