import Foundation
import Gym
import TensorCore

/// One rollout of ``PPO`` and ``A2C``: T steps of N copies of the environment, played with one batched forward pass
/// of the policy per step, with its GAE advantages and returns.
///
/// Rows are step-major (row t · N + i is copy i at step t). Observations stay packed as the batch wrote them (an
/// `Int32` per discrete state, bit planes per grid, bytes per frame) and are expanded into floats only for a forward
/// pass. A step that a time limit cut (truncated, not terminated) gets γ · V(final observation) added to its reward,
/// so that ``GeneralizedAdvantage`` bootstraps it while stopping at the episode's end.
final class Rollout<Encoder: ObservationEncoder, Head: PolicyHead> {
    /// Turns packed observations into network inputs.
    let encoder: Encoder
    /// Turns the actor's outputs into actions.
    let head: Head
    /// Copies of the environment (N).
    let copies: Int
    /// Steps of every copy (T).
    let steps: Int
    /// Packed observations, `storedWidth` elements per row.
    private(set) var observations: [Encoder.Stored]
    /// The action taken in every row, as the head stores it (`storedWidth` floats per row).
    private(set) var actions: [Float]
    /// log π_old(a|s) of every row's action, under the policy that acted.
    private(set) var logProbabilities: [Float]
    /// V_old(s) of every row.
    private(set) var values: [Float]
    /// Rewards, with γ · V(final observation) added at time-limit cuts.
    private(set) var rewards: [Float]
    /// Whether each row's step ended its episode (terminated or truncated).
    private(set) var episodeEnds: [Bool]
    /// Â of every row.
    private(set) var advantages: [Float]
    /// R = Â + V_old of every row: the value targets.
    private(set) var returns: [Float]
    /// The actions of one step, reused every step.
    private var stepActions: [Head.Action]

    /// A rollout of `steps` steps of `copies` copies.
    init(encoder: Encoder, head: Head, copies: Int, steps: Int) {
        self.encoder = encoder
        self.head = head
        self.copies = copies
        self.steps = steps
        let rows = copies * steps
        observations = Array(repeating: .zero, count: rows * encoder.storedWidth)
        actions = Array(repeating: 0, count: rows * head.storedWidth)
        logProbabilities = Array(repeating: 0, count: rows)
        values = Array(repeating: 0, count: rows)
        rewards = Array(repeating: 0, count: rows)
        episodeEnds = Array(repeating: false, count: rows)
        advantages = Array(repeating: 0, count: rows)
        returns = Array(repeating: 0, count: rows)
        stepActions = Array(repeating: head.placeholder, count: copies)
    }

    /// Rows in the rollout (N · T).
    var size: Int { copies * steps }

    // MARK: - Acting

    /// Plays T steps in `environments`, every copy's action drawn from `network`'s policy in one forward pass per
    /// step, then estimates the advantages. Returns the episodes that ended, numbered from `firstEpisode`, with the
    /// step counts continuing from `stepsBefore`.
    func collect<E: Environment>(in environments: BatchedEnvironment<E, Encoder>, network: PolicyValueNetwork,
                                 discount: Float, lambda: Float, using generator: inout RandomGenerator,
                                 firstEpisode: Int, stepsBefore: Int) throws -> [TrainingEpisode]
    where E.Observation == Encoder.Observation, E.Action == Head.Action {
        precondition(environments.count == copies, "a rollout of \(copies) copies cannot play a batch of \(environments.count)")
        var episodes: [TrainingEpisode] = []
        let width = encoder.storedWidth
        for step in 0..<steps {
            let first = step * copies
            observations.withUnsafeMutableBufferPointer { stored in
                _ = UnsafeMutableBufferPointer(rebasing: stored[first * width..<(first + copies) * width])
                    .update(fromContentsOf: environments.observations)
            }
            let (outputs, stateValues) = withoutGradient { network.evaluate(expanded(environments.observations, rows: copies)) }
            head.sample(outputs, logStandardDeviation: network.logStandardDeviation?.value, into: &stepActions,
                        stored: &actions, logProbabilities: &logProbabilities, first: first, using: &generator)
            let valueScalars = stateValues.scalars
            for copy in 0..<copies { values[first + copy] = valueScalars[copy] }
            try environments.step(stepActions)
            var cut: [Int] = []
            for copy in 0..<copies {
                rewards[first + copy] = Float(environments.rewards[copy])
                episodeEnds[first + copy] = environments.terminated[copy] || environments.truncated[copy]
                if environments.truncated[copy] && !environments.terminated[copy] { cut.append(copy) }
            }
            if !cut.isEmpty {
                let finals = cut.flatMap { environments.finalObservation(of: $0) }
                let finalValues = withoutGradient {
                    network.values(finals.withUnsafeBufferPointer { expanded($0, rows: cut.count) })
                }.scalars
                for (copy, value) in zip(cut, finalValues) { rewards[first + copy] += discount * value }
            }
            for finished in environments.finishedEpisodes {
                episodes.append(TrainingEpisode(
                    index: firstEpisode + episodes.count, totalReward: finished.totalReward, length: finished.length,
                    terminated: finished.terminated, epsilon: 0, totalSteps: stepsBefore + (step + 1) * copies,
                    success: finished.success))
            }
        }
        let lastValues = withoutGradient { network.values(expanded(environments.observations, rows: copies)) }.scalars
        (advantages, returns) = GeneralizedAdvantage.estimate(
            rewards: rewards, values: values, episodeEnds: episodeEnds, lastValues: lastValues, copies: copies,
            discount: discount, lambda: lambda)
        return episodes
    }

    // MARK: - Learning

    /// The rows `rows` of the rollout, as a learner reads them.
    struct Minibatch {
        /// The observations as network inputs, `[rows] + inputShape`.
        var inputs: Tensor
        /// The actions taken, as the head stores them.
        var actions: [Float]
        /// log π_old(a|s), `[rows, 1]`.
        var logProbabilities: Tensor
        /// Â.
        var advantages: [Float]
        /// R, `[rows, 1]`.
        var returns: Tensor
        /// V_old(s), `[rows, 1]`.
        var values: Tensor

        /// Â as a `[rows, 1]` tensor, standardized to mean 0 and (sample) standard deviation 1 when asked, as CleanRL
        /// and Stable-Baselines3 do per minibatch (a single row is left as it is).
        func advantages(standardized: Bool) -> Tensor {
            let count = Float(advantages.count)
            guard standardized, advantages.count > 1 else { return Tensor(shape: [advantages.count, 1], scalars: advantages) }
            let mean = advantages.reduce(0, +) / count
            let deviation = (advantages.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)).squareRoot()
            return Tensor(shape: [advantages.count, 1], scalars: advantages.map { ($0 - mean) / (deviation + 1e-8) })
        }
    }

    /// The rows `rows` (in that order) as a minibatch.
    func minibatch(_ rows: some Collection<Int>) -> Minibatch {
        let width = encoder.storedWidth
        var stored: [Encoder.Stored] = []
        stored.reserveCapacity(rows.count * width)
        for row in rows { stored += observations[row * width..<(row + 1) * width] }
        let column = { (values: [Float]) in Tensor(shape: [rows.count, 1], scalars: rows.map { values[$0] }) }
        return Minibatch(inputs: stored.withUnsafeBufferPointer { expanded($0, rows: rows.count) },
                         actions: rows.flatMap { actions[$0 * head.storedWidth..<($0 + 1) * head.storedWidth] },
                         logProbabilities: column(logProbabilities),
                         advantages: rows.map { advantages[$0] }, returns: column(returns), values: column(values))
    }

    // MARK: - Plumbing

    /// `rows` packed observations as a network input tensor.
    private func expanded(_ stored: UnsafeBufferPointer<Encoder.Stored>, rows: Int) -> Tensor {
        Tensor(shape: [rows] + encoder.inputShape) { encoder.decode(rows: rows, from: stored, into: $0) }
    }
}
