import Agents
import Foundation
import Gym

/// What `gym run` found: printed as a summary, or with `--json` as one JSON object.
struct RunReport: Encodable {
    var agent: String
    var env: String
    var seed: UInt64
    /// Training episodes (0 for planners).
    var episodes = 0
    /// Training environment steps (0 for planners).
    var steps = 0
    var interrupted = false
    var hyperparameters: [String: String] = [:]
    var iterations: Int?
    var residual: Double?
    var evalEpisodes = 0
    var evalMeanReturn = 0.0
    var evalReturnStd = 0.0
    var evalMeanLength = 0.0
    var evalSuccessRate: Double?
    var evalCutEpisodes = 0
    var rewardThreshold: Double?
    var solved: Bool?
    var trainSeconds = 0.0
    var wallSeconds = 0.0
    /// All environment steps (training and evaluation) per second of stepping them.
    var stepsPerSecond = 0.0
    /// Gradient steps of a deep agent.
    var updates: Int?
    /// The last training loss of a deep agent.
    var finalLoss: Double?
    /// The best mean return over 100 consecutive training episodes (neural agents).
    var bestMovingAverage: Double?
    /// The training episode at which the 100-episode mean return first reached the reward threshold.
    var solvedAtEpisode: Int?
    /// The checkpoint `gym eval` evaluated (no training happened in this run).
    var checkpoint: String?
    var values: [Double] = []
    var policy: [Int] = []
    /// The policy drawn over the environment (not part of the JSON).
    var policyPicture: String?

    enum CodingKeys: String, CodingKey {
        case agent, env, seed, episodes, steps, interrupted, hyperparameters, iterations, residual
        case evalEpisodes = "eval_episodes", evalMeanReturn = "eval_mean_return", evalReturnStd = "eval_return_std"
        case evalMeanLength = "eval_mean_length", evalSuccessRate = "eval_success_rate"
        case evalCutEpisodes = "eval_cut_episodes", rewardThreshold = "reward_threshold", solved
        case trainSeconds = "train_seconds", wallSeconds = "wall_seconds", stepsPerSecond = "steps_per_second"
        case updates, finalLoss = "final_loss", checkpoint, bestMovingAverage = "best_moving_average_100"
        case solvedAtEpisode = "solved_at_episode", values, policy
    }

    /// Fills in the evaluation figures.
    mutating func record(_ evaluation: Evaluation) {
        evalEpisodes = evaluation.episodes
        evalMeanReturn = evaluation.meanReturn
        evalReturnStd = evaluation.returnStandardDeviation
        evalMeanLength = evaluation.meanLength
        evalSuccessRate = evaluation.successRate
        evalCutEpisodes = evaluation.cutEpisodes
        if let rewardThreshold { solved = evaluation.meanReturn >= rewardThreshold }
    }

    /// Prints the report on stdout.
    func print(json: Bool) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            Swift.print(String(decoding: try encoder.encode(self), as: UTF8.self))
        } else {
            Swift.print(summary, terminator: "")
        }
    }

    /// The human-readable summary.
    var summary: String {
        var lines: [String] = []
        let training = checkpoint.map { "evaluated \($0) (trained \(episodes) episodes, \(formatCount(Double(steps))) steps)" }
            ?? (episodes > 0
            ? "trained \(episodes) episodes, \(formatCount(Double(steps))) steps in \(formatNumber(trainSeconds)) s"
            : "planned in \(formatNumber(trainSeconds)) s (\(iterations ?? 0) iterations, residual \(String(format: "%.2e", residual ?? 0)))")
        lines.append("\(agent) on \(env), seed \(seed)\(interrupted ? " (interrupted)" : ""): \(training)")
        if let updates {
            lines.append("  \(updates) gradient steps" + (finalLoss.map { ", final loss \(formatNumber($0))" } ?? ""))
        }
        if let bestMovingAverage, checkpoint == nil {
            var line = "  best 100-episode mean training return \(formatNumber(bestMovingAverage))"
            if let solvedAtEpisode { line += "; reached the threshold at episode \(solvedAtEpisode)" }
            lines.append(line)
        }
        if !hyperparameters.isEmpty {
            lines.append("  " + hyperparameters.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        var evaluation = "evaluation over \(evalEpisodes) greedy episodes: mean return \(formatNumber(evalMeanReturn)) ± \(formatNumber(evalReturnStd)), mean length \(formatNumber(evalMeanLength))"
        if let evalSuccessRate { evaluation += ", success rate \(String(format: "%.1f", evalSuccessRate * 100))%" }
        lines.append(evaluation)
        if evalCutEpisodes > 0 {
            lines.append("  \(evalCutEpisodes) episodes were cut at \(RunContext.evaluationStepCap) steps (the greedy policy loops)")
        }
        if let rewardThreshold, let solved {
            lines.append("reward threshold \(formatNumber(rewardThreshold)): \(solved ? "reached" : "not reached")")
        }
        lines.append("\(formatCount(stepsPerSecond)) environment steps/s, \(formatNumber(wallSeconds)) s in all")
        if let policyPicture {
            lines.append("greedy policy:")
            lines.append(policyPicture)
        }
        return lines.joined(separator: "\n") + (policyPicture == nil ? "\n" : "")
    }
}
