import Foundation
import Gym
import Viewer

/// What shows the episodes of one command: a window and a recording (``EpisodeDisplay``), or the terminal.
struct Viewing {
    /// The window and GIF recording, when either was asked for and could be opened.
    var display: EpisodeDisplay?
    /// Terminal frames: `--render ansi`, or the fallback when a window cannot open.
    var terminal: TerminalRenderer?

    /// Opens what `options` ask for on `environment`, titled `title`.
    ///
    /// When a window cannot open (no SDL, no display, or an environment that draws only text) the reason is printed
    /// and the episodes go to the terminal instead, for environments that draw text. `keysDriveTheGame` is for human
    /// play, where Space and the arrows act in the game.
    init<E: Environment>(_ options: ViewingOptions, environment: E, spec: EnvironmentSpec, title: String,
                         keysDriveTheGame: Bool = false) throws {
        let fps = options.framesPerSecond(for: spec)
        let sample = environment.capability(FrameRendering.self)?.frame()
        let composedSize = sample.map { HUD.compose($0, status: HUDStatus(episode: 0, step: 0, episodeReturn: 0)) }
        var view: LiveView?
        switch options.render {
        case nil:
            break
        case .ansi:
            terminal = try terminalRenderer(for: environment, fps: fps)
        case .window:
            do {
                guard let composedSize else {
                    throw GymError("'\(spec.name)' draws only text, not frames (FrameRendering)")
                }
                try SDLLibrary.checkDisplay()
                view = try LiveView(title: title, width: composedSize.width, height: composedSize.height,
                                    framesPerSecond: fps, library: try SDLLibrary.load(), keysDriveTheGame: keysDriveTheGame)
            } catch {
                guard !keysDriveTheGame else { throw GymError("cannot open a window to play in: \(error)") }
                if environment.capability(TextRendering.self) != nil {
                    TerminalOutput.write("cannot open a window: \(error)\nshowing the episodes in the terminal instead\n")
                    terminal = TerminalRenderer(fps: fps)
                } else {
                    TerminalOutput.write("cannot open a window: \(error)\ncontinuing without showing the episodes\n")
                }
            }
        }
        var recorder: GIFWriter?
        if let path = options.record {
            guard let composedSize else {
                throw GymError("--record needs an environment that draws frames (FrameRendering); '\(spec.name)' draws only text")
            }
            recorder = try GIFWriter(path: path, width: composedSize.width, height: composedSize.height, framesPerSecond: fps)
        }
        if view != nil || recorder != nil {
            display = EpisodeDisplay(view: view, recorder: recorder, showing: .every(options.renderEvery),
                                     recording: .every(options.recordEvery))
        }
    }

    /// Closes the window and the recording, and says where the recording went.
    func finish() throws {
        if let line = try display?.finish() { TerminalOutput.write(line + "\n") }
    }
}
