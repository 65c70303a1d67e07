import Agents
import Foundation
import Gym
import Viewer

/// Shows episodes as they run, in a window with the HUD strip, in a GIF recording and as terminal text: a
/// ``Trainer``'s watcher and observer.
///
/// Which episodes are drawn and recorded is chosen by number (every Nth, only the first, none) for training and,
/// separately, for the evaluation that follows. The terminal shows a greedy demonstration at every tenth of the
/// training budget and the first evaluation episode.
public final class EpisodeDisplay: EpisodeWatcher, TrainingObserver {
    /// Which episodes, by number from 1.
    public enum Selection: Sendable {
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
    public private(set) var view: LiveView?
    private let recorder: GIFWriter?
    private let terminal: TerminalRenderer?
    /// Episodes drawn in the window now.
    public var showing: Selection
    /// Episodes added to the recording now.
    public var recording: Selection
    /// What ``showing`` and ``recording`` become when an evaluation starts.
    public var evaluationSelection: (showing: Selection, recording: Selection) = (.first, .none)
    /// Whether state values and the greedy policy are painted over environments that can (`--show-values`).
    public var showsValues = false
    /// Called once when the window is closed or `q` pressed (training then stops as on Ctrl-C).
    public var onQuit: () -> Void = {}
    /// The caption of terminal demonstrations (the agent and environment).
    public var title = ""

    private var episodeLabel = "EPISODE"
    private var detail: String?
    private var valueMap: ValueTable?
    private var episode = 0
    private var step = 0
    private var episodeReturn = 0.0
    private var totalSteps = 0
    private var budget: TrainingBudget?
    private var nextDemonstration = 1
    private var evaluating = false
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant

    /// A display with a window (`view`), a recording (`recorder`), terminal frames (`terminal`), or several.
    public init(view: LiveView?, recorder: GIFWriter?, terminal: TerminalRenderer?, showing: Selection,
                recording: Selection) {
        self.view = view
        self.recorder = recorder
        self.terminal = terminal
        self.showing = showing
        self.recording = recording
        start = clock.now
    }

    // MARK: - Steps

    public func episodeStarted<E: Environment>(_ environment: E) throws {
        episode += 1
        step = 0
        episodeReturn = 0
        try draw(environment)
    }

    public func stepped<E: Environment>(_ environment: E, reward: Double) throws {
        step += 1
        totalSteps += 1
        episodeReturn += reward
        try draw(environment)
    }

    public func sweepFinished<E: Environment>(_ sweep: PlanningSweep, environment: E) throws {
        guard showsValues, takesStills else { return }
        valueMap = ValueTable(values: sweep.values, policy: sweep.policy)
        guard let frame = frame(of: environment) else { return }
        try showStill(frame, caption: "SWEEP \(sweep.iteration)  RESIDUAL \(String(format: "%.3g", sweep.residual))")
    }

    public func demonstration(after event: EpisodeEvent) -> Demonstration? {
        guard let terminal, let budget, !evaluating else { return nil }
        let done = budget.elapsed(episodes: event.episode.index, steps: event.episode.totalSteps)
        guard done * 10 >= nextDemonstration * budget.amount else { return nil }
        nextDemonstration = done * 10 / budget.amount + 1
        let epsilon = event.figures.epsilon.map { " (ε \(String(format: "%.3f", $0)))" } ?? ""
        return Demonstration(caption: "\(title): greedy policy after \(event.episode.index) episodes\(epsilon)",
                             renderer: terminal)
    }

    // MARK: - Events

    public func trainingStarted(_ start: TrainingStart) {
        budget = start.budget
    }

    public func episodeFinished(_ event: EpisodeEvent) {
        detail = Self.describe(event.figures)
        if let table = event.valueTable { valueMap = table }
    }

    public var wantsValueTable: Bool { showsValues }

    public func updateFinished(_ event: UpdateEvent) {
        detail = Self.describe(event.figures)
    }

    public func evaluationStarted() {
        (showing, recording) = evaluationSelection
        evaluating = true
        episode = 0
        episodeLabel = "EVAL EPISODE"
        detail = nil
    }

    /// Paints `table` over the environment from now on (a planner's solution).
    public func paint(_ table: ValueTable) {
        if showsValues { valueMap = table }
    }

    // MARK: - Drawing

    /// Whether a still picture would be drawn or recorded now.
    private var takesStills: Bool { view?.isDrawing == true || recorder != nil }

    /// Shows a still picture with `caption` in place of the agent's figures in the window, and records it.
    private func showStill(_ frame: Frame, caption: String) throws {
        func status(playback: String?) -> HUDStatus {
            HUDStatus(episode: episode, step: step, episodeReturn: episodeReturn, detail: caption, playback: playback)
        }
        if let recorder { try recorder.append(HUD.compose(frame, status: status(playback: nil))) }
        guard let view, view.isDrawing else { return }
        try view.show { HUD.compose(frame, status: status(playback: view.controls.label)) }
        closeIfQuit()
    }

    /// Closes the window and the recording; returns a line about the recording, if there is one.
    public func finish() throws -> String? {
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
    private func frame<E: Environment>(of environment: E) -> Frame? {
        if let valueMap, let painter = environment.capability(ValueMapRendering.self) {
            return painter.frame(values: valueMap.values, policy: valueMap.policy)
        }
        return environment.capability(FrameRendering.self)?.frame()
    }

    private func draw<E: Environment>(_ environment: E) throws {
        if let terminal, evaluating, episode == 1, let text = environment.capability(TextRendering.self)?.text() {
            terminal.draw(text, caption: "evaluation episode 1, step \(step), reward \(formatNumber(episodeReturn))")
        }
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
        var status = HUDStatus(episode: episode, step: step, episodeReturn: episodeReturn, detail: detail,
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

    /// The HUD's figures: ε and the latest loss.
    private static func describe(_ figures: LearningFigures) -> String? {
        let parts = [figures.epsilon.map { "ε \(String(format: "%.3f", $0))" },
                     figures.loss.map { "LOSS \(String(format: "%.4g", $0))" }].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "  ")
    }
}
