import Foundation
import Gym
import Viewer

/// Shows episodes in a window and records them to a GIF as they run, step by step, with the HUD strip.
///
/// Environments report to it through ``Watched``: each reset starts an episode, each step adds a frame. Which
/// episodes are drawn and which are recorded is chosen by number (every Nth, only the first, none), and changes
/// between training and evaluation.
final class EpisodeDisplay {
    /// Which episodes, by number from 1.
    enum Selection {
        case every(Int)
        case first
        case none

        func includes(_ episode: Int) -> Bool {
            switch self {
            case let .every(interval): (episode - 1) % interval == 0
            case .first: episode == 1
            case .none: false
            }
        }
    }

    /// The window, until it is closed.
    private(set) var view: LiveView?
    private let recorder: GIFWriter?
    /// Episodes drawn in the window.
    var showing: Selection
    /// Episodes added to the recording.
    var recording: Selection
    /// The word before the episode number in the HUD (`EPISODE`, `EVAL EPISODE`).
    var episodeLabel = "EPISODE"
    /// The agent's figures for the HUD (ε, loss), read at every drawn step.
    var detail: () -> String? = { nil }
    /// State values and a greedy policy to paint over environments that can (`--show-values`).
    var valueMap: (values: [Double], policy: [Int])?
    /// Called once when the window is closed or `q` pressed (training runs then stop as on Ctrl-C).
    var onQuit: () -> Void = {}

    private(set) var episode = 0
    private var step = 0
    private var episodeReturn = 0.0
    private var totalSteps = 0
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    /// An error from drawing the first frame of an episode (reset cannot throw), raised at the next step.
    private var pendingError: Error?

    /// A display with a window (`view`), a recording (`recorder`), or both.
    init(view: LiveView?, recorder: GIFWriter?, showing: Selection, recording: Selection) {
        self.view = view
        self.recorder = recorder
        self.showing = showing
        self.recording = recording
        start = clock.now
    }

    /// A new episode began in `environment`: draws its first frame when the episode is shown or recorded.
    func episodeStarted<E: Environment>(_ environment: E) {
        episode += 1
        step = 0
        episodeReturn = 0
        do {
            try draw(environment)
        } catch {
            pendingError = error
        }
    }

    /// `environment` took a step that earned `reward`: draws it when the episode is shown or recorded.
    func stepped<E: Environment>(_ environment: E, reward: Double) throws {
        if let pendingError {
            self.pendingError = nil
            throw pendingError
        }
        step += 1
        totalSteps += 1
        episodeReturn += reward
        try draw(environment)
    }

    /// Switches to the evaluation episodes: numbered from 1 again, labelled `EVAL EPISODE`, without the agent's
    /// training figures, with their own selections.
    func beginEvaluation(showing: Selection, recording: Selection) {
        self.showing = showing
        self.recording = recording
        episode = 0
        episodeLabel = "EVAL EPISODE"
        detail = { nil }
    }

    /// Whether ``showStill(_:caption:)`` would draw or record now.
    var takesStills: Bool { view?.isDrawing == true || recorder != nil }

    /// Shows a still picture with `caption` in place of the agent's figures (planning sweeps) in the window, at the
    /// display's frame rate, and adds it to the recording.
    func showStill(_ frame: Frame, caption: String) throws {
        func status(playback: String?) -> HUDStatus {
            HUDStatus(episode: episode, step: step, episodeReturn: episodeReturn, detail: caption, playback: playback)
        }
        if let recorder { try recorder.append(HUD.compose(frame, status: status(playback: nil))) }
        guard let view, view.isDrawing else { return }
        try view.show { HUD.compose(frame, status: status(playback: view.controls.label)) }
        closeIfQuit()
    }

    /// Closes the window and the recording; returns a line about the recording, if there is one.
    func finish() throws -> String? {
        view?.close()
        view = nil
        guard let recorder else { return nil }
        try recorder.finish()
        guard recorder.frameCount > 0 else {
            return "nothing was recorded (the run stopped before the first recorded frame), so \(recorder.path) was not written"
        }
        var line = "recorded \(recorder.frameCount) frames (\(formatBytes(recorder.byteCount))) to \(recorder.path)"
        if recorder.quantizedFrameCount > 0 { line += "; \(recorder.quantizedFrameCount) frames had more than 256 colours and were reduced" }
        return line
    }

    /// The picture of `environment`: with the value map when one is set and the environment can paint it.
    func frame<E: Environment>(of environment: E) -> Frame? {
        if let valueMap, let painter = environment.capability(ValueMapRendering.self) {
            return painter.frame(values: valueMap.values, policy: valueMap.policy)
        }
        return environment.capability(FrameRendering.self)?.frame()
    }

    private func draw<E: Environment>(_ environment: E) throws {
        let shown = view?.isDrawing == true && showing.includes(episode)
        let recorded = recorder != nil && recording.includes(episode)
        guard shown || recorded, let picture = frame(of: environment) else {
            view?.keepAlive()
            closeIfQuit()
            return
        }
        if recorded, let recorder { try recorder.append(HUD.compose(picture, status: status(playback: nil))) }
        if shown, let view {
            try view.show { HUD.compose(picture, status: status(playback: view.controls.label)) }
        }
        closeIfQuit()
    }

    private func status(playback: String?) -> HUDStatus {
        let elapsed = seconds(clock.now - start)
        var status = HUDStatus(episode: episode, step: step, episodeReturn: episodeReturn, detail: detail(),
                               stepsPerSecond: elapsed > 0.5 ? Double(totalSteps) / elapsed : nil, playback: playback)
        status.episodeLabel = episodeLabel
        return status
    }

    private func closeIfQuit() {
        guard let view, view.quitRequested else { return }
        view.close()
        self.view = nil
        onQuit()
    }
}

/// A byte count as `812 B`, `41.3 KB` or `2.4 MB`.
func formatBytes(_ count: Int) -> String {
    switch count {
    case ..<1_000: "\(count) B"
    case ..<1_000_000: String(format: "%.1f KB", Double(count) / 1_000)
    default: String(format: "%.1f MB", Double(count) / 1_000_000)
    }
}
