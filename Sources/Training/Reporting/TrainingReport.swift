import Agents
import Foundation
import Gym

/// What a run found: printed as a summary, or as one JSON object (`gym run --json`).
public struct TrainingReport: Encodable, Sendable {
    public var agent: String
    public var env: String
    public var seed: UInt64
    /// Training episodes (0 for planners).
    public var episodes = 0
    /// Training environment steps (0 for planners).
    public var steps = 0
    public var interrupted = false
    public var hyperparameters: [String: String] = [:]
    public var iterations: Int?
    public var residual: Double?
    public var evalEpisodes = 0
    public var evalMeanReturn = 0.0
    public var evalReturnStd = 0.0
    public var evalMeanLength = 0.0
    public var evalSuccessRate: Double?
    public var evalCutEpisodes = 0
    public var rewardThreshold: Double?
    public var solved: Bool?
    public var trainSeconds = 0.0
    public var wallSeconds = 0.0
    /// All environment steps (training and evaluation) per second of stepping them.
    public var stepsPerSecond = 0.0
    /// Gradient steps of a deep agent.
    public var updates: Int?
    /// The last training loss of a deep agent.
    public var finalLoss: Double?
    /// The best mean return over 100 consecutive training episodes (neural agents).
    public var bestMovingAverage: Double?
    /// The mean return of the last 100 training episodes (neural agents): the moving average where training ended,
    /// the figure learning curves such as the MinAtar paper's end on.
    public var finalMovingAverage: Double?
    /// The training episode at which the 100-episode mean return first reached the reward threshold.
    public var solvedAtEpisode: Int?
    /// The checkpoint `gym eval` evaluated (no training happened in this run).
    public var checkpoint: String?
    /// Outputs that could not be written at the end, each with the reason (the run's figures are still reported).
    public var notWritten: [String] = []
    public var values: [Double] = []
    public var policy: [Int] = []
    /// The policy drawn over the environment (not part of the JSON).
    public var policyPicture: String?

    enum CodingKeys: String, CodingKey {
        case agent, env, seed, episodes, steps, interrupted, hyperparameters, iterations, residual
        case evalEpisodes = "eval_episodes", evalMeanReturn = "eval_mean_return", evalReturnStd = "eval_return_std"
        case evalMeanLength = "eval_mean_length", evalSuccessRate = "eval_success_rate"
        case evalCutEpisodes = "eval_cut_episodes", rewardThreshold = "reward_threshold", solved
        case trainSeconds = "train_seconds", wallSeconds = "wall_seconds", stepsPerSecond = "steps_per_second"
        case updates, finalLoss = "final_loss", checkpoint, bestMovingAverage = "best_moving_average_100"
        case finalMovingAverage = "final_moving_average_100"
        case solvedAtEpisode = "solved_at_episode", values, policy, notWritten = "not_written"
    }

    /// A report of `agent` on `env` with `seed`, to be filled in.
    public init(agent: String, env: String, seed: UInt64) {
        self.agent = agent
        self.env = env
        self.seed = seed
    }

    /// Fills in the training figures.
    public mutating func record(_ result: TrainingResult) {
        episodes = result.episodes
        steps = result.steps
        interrupted = result.interrupted
        updates = result.figures.updates
        finalLoss = result.figures.loss
        bestMovingAverage = result.bestMovingAverage
        finalMovingAverage = result.finalMovingAverage
        solvedAtEpisode = result.solvedAtEpisode
        trainSeconds = result.seconds
    }

    /// Fills in the planning figures.
    public mutating func record(_ solution: TabularSolution) {
        iterations = solution.iterations
        residual = solution.residual
        values = solution.values
        policy = solution.policy
    }

    /// Fills in the evaluation figures.
    public mutating func record(_ evaluation: Evaluation) {
        evalEpisodes = evaluation.episodes
        evalMeanReturn = evaluation.meanReturn
        evalReturnStd = evaluation.returnStandardDeviation
        evalMeanLength = evaluation.meanLength
        evalSuccessRate = evaluation.successRate
        evalCutEpisodes = evaluation.cutEpisodes
        if let rewardThreshold { solved = evaluation.meanReturn >= rewardThreshold }
    }

    /// Prints the report on stdout; then, with `failingOnUnwrittenOutputs`, throws when an output was not written
    /// (so a command exits non-zero after showing what the run found).
    public func print(json: Bool, failingOnUnwrittenOutputs: Bool = false) throws {
        try print(json: json)
        if failingOnUnwrittenOutputs, !notWritten.isEmpty {
            throw GymError("not everything was written: \(notWritten.joined(separator: "; "))")
        }
    }

    /// Prints the report on stdout.
    private func print(json: Bool) throws {
        if json {
            Swift.print(try jsonText())
        } else {
            Swift.print(summary, terminator: "")
        }
    }

    /// The report as one JSON object (what `gym run --json` prints), keys sorted, non-finite numbers as strings.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf",
                                                                      negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The human-readable summary.
    public var summary: String {
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
            if let finalMovingAverage { line += " (last 100 episodes: \(formatNumber(finalMovingAverage)))" }
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
            lines.append("  \(evalCutEpisodes) episodes were cut at \(Trainer.evaluationStepCap) steps (the greedy policy loops)")
        }
        if let rewardThreshold, let solved {
            lines.append("reward threshold \(formatNumber(rewardThreshold)): \(solved ? "reached" : "not reached")")
        }
        lines.append("\(formatCount(stepsPerSecond)) environment steps/s, \(formatNumber(wallSeconds)) s in all")
        for output in notWritten { lines.append("not written: \(output)") }
        if let policyPicture {
            lines.append("greedy policy:")
            lines.append(policyPicture)
        }
        return lines.joined(separator: "\n") + (policyPicture == nil ? "\n" : "")
    }
}
