import Agents
import Foundation

/// The live training line on standard error: episode, mean return, success rate, ε, loss, steps/s, progress and
/// ETA; also says when training was stopped and where the checkpoint went.
///
/// On a terminal the line is rewritten in place several times a second; otherwise (CI, pipes) a line is printed at
/// every tenth of the budget.
public final class ProgressLine: TrainingObserver {
    private var budget = TrainingBudget.episodes(1)
    private let clock = ContinuousClock()
    private var start: ContinuousClock.Instant
    private var lastDraw: ContinuousClock.Instant
    private var nextTenth = 1
    private var recentReturns: [Double] = []
    private var recentSuccesses: [Bool] = []
    private var lastEvent: EpisodeEvent?

    /// A progress line on standard error.
    public init() {
        start = clock.now
        lastDraw = start
    }

    public func trainingStarted(_ start: TrainingStart) {
        budget = start.budget
        self.start = clock.now
        lastDraw = self.start
    }

    public func episodeFinished(_ event: EpisodeEvent) {
        lastEvent = event
        recentReturns.append(event.episode.totalReward)
        if recentReturns.count > Trainer.movingAverageWindow { recentReturns.removeFirst() }
        if let success = event.success {
            recentSuccesses.append(success)
            if recentSuccesses.count > Trainer.movingAverageWindow { recentSuccesses.removeFirst() }
        }
        let done = elapsed(event)
        if TerminalOutput.isTerminal {
            guard clock.now - lastDraw >= .milliseconds(100) else { return }
            lastDraw = clock.now
            TerminalOutput.write("\r\u{1B}[K" + line(event, done: done))
        } else if done * 10 >= nextTenth * budget.amount {
            nextTenth = done * 10 / budget.amount + 1
            TerminalOutput.write(line(event, done: done) + "\n")
        }
    }

    public func trainingFinished(_ result: TrainingResult) {
        if TerminalOutput.isTerminal, let lastEvent {
            TerminalOutput.write("\r\u{1B}[K" + line(lastEvent, done: elapsed(lastEvent)) + "\n")
        }
        if result.interrupted {
            TerminalOutput.write("interrupted: stopping training after \(result.episodes) episodes, \(result.steps) steps\n")
        }
    }

    public func checkpointSaved(to url: URL, lastGood: Bool) {
        TerminalOutput.write(lastGood ? "\nsaved the last good agent to \(url.path)\n" : "saved the agent to \(url.path)\n")
    }

    private func elapsed(_ event: EpisodeEvent) -> Int {
        budget.elapsed(episodes: event.episode.index, steps: event.episode.totalSteps)
    }

    private func line(_ event: EpisodeEvent, done: Int) -> String {
        let episode = event.episode
        let elapsed = max(seconds(clock.now - start), 1e-9)
        let percent = min(100, 100 * done / max(budget.amount, 1))
        var parts = [
            "episode \(episode.index)",
            "steps \(formatCount(Double(episode.totalSteps)))",
            "return(\(recentReturns.count)) \(formatNumber(recentReturns.reduce(0, +) / Double(recentReturns.count)))",
        ]
        if !recentSuccesses.isEmpty {
            let rate = Double(recentSuccesses.filter { $0 }.count) / Double(recentSuccesses.count)
            parts.append("success \(Int((rate * 100).rounded()))%")
        }
        if let epsilon = event.figures.epsilon { parts.append("ε \(String(format: "%.3f", epsilon))") }
        if let loss = event.figures.loss { parts.append("loss \(String(format: "%.4g", loss))") }
        parts.append("\(formatCount(Double(episode.totalSteps) / elapsed)) steps/s")
        parts.append("\(percent)%")
        if done > 0 && done < budget.amount {
            let remaining = elapsed * Double(budget.amount - done) / Double(done)
            parts.append("ETA \(formatDuration(remaining))")
        }
        return parts.joined(separator: "  ")
    }
}
