import Agents
import Foundation

/// The live training line on stderr: episode, mean return, success rate, ε, loss, steps/s, progress and ETA.
///
/// On a terminal the line is rewritten in place several times a second; otherwise (CI, pipes) a line is printed at
/// every tenth of the budget.
final class ProgressReporter {
    private let budget: TrainingBudget
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var lastDraw: ContinuousClock.Instant
    private var nextTenth = 1
    private var recentReturns: [Double] = []
    private var recentSuccesses: [Bool] = []
    private let window = 100
    private var loss: Double?
    private let showsEpsilon: Bool

    /// A reporter for `budget`; `showsEpsilon` is false for agents that do not explore ε-greedily.
    init(budget: TrainingBudget, showsEpsilon: Bool = true) {
        self.budget = budget
        self.showsEpsilon = showsEpsilon
        start = clock.now
        lastDraw = start
    }

    /// Records an episode and redraws when due.
    func record(_ episode: TrainingEpisode, success: Bool?, loss: Double? = nil) {
        self.loss = loss
        recentReturns.append(episode.totalReward)
        if recentReturns.count > window { recentReturns.removeFirst() }
        if let success {
            recentSuccesses.append(success)
            if recentSuccesses.count > window { recentSuccesses.removeFirst() }
        }
        let done = budget.elapsed(episodes: episode.index, steps: episode.totalSteps)
        if TerminalOutput.isTerminal {
            guard clock.now - lastDraw >= .milliseconds(100) else { return }
            lastDraw = clock.now
            TerminalOutput.write("\r\u{1B}[K" + line(episode, done: done))
        } else if done * 10 >= nextTenth * budget.amount {
            nextTenth = done * 10 / budget.amount + 1
            TerminalOutput.write(line(episode, done: done) + "\n")
        }
    }

    /// Ends the in-place line with the final figures.
    func finish(_ episode: TrainingEpisode?) {
        guard TerminalOutput.isTerminal, let episode else { return }
        TerminalOutput.write("\r\u{1B}[K" + line(episode, done: budget.elapsed(episodes: episode.index, steps: episode.totalSteps)) + "\n")
    }

    private func line(_ episode: TrainingEpisode, done: Int) -> String {
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
        if showsEpsilon { parts.append("ε \(String(format: "%.3f", episode.epsilon))") }
        if let loss { parts.append("loss \(String(format: "%.4g", loss))") }
        parts.append("\(formatCount(Double(episode.totalSteps) / elapsed)) steps/s")
        parts.append("\(percent)%")
        if done > 0 && done < budget.amount {
            let remaining = elapsed * Double(budget.amount - done) / Double(done)
            parts.append("ETA \(formatDuration(remaining))")
        }
        return parts.joined(separator: "  ")
    }
}

/// A duration as `42s`, `3m05s` or `1h02m`.
func formatDuration(_ seconds: Double) -> String {
    let total = Int(seconds.rounded())
    if total < 60 { return "\(total)s" }
    if total < 3600 { return String(format: "%dm%02ds", total / 60, total % 60) }
    return String(format: "%dh%02dm", total / 3600, total % 3600 / 60)
}
