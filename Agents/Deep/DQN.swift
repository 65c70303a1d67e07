import Foundation
import Gym
import NeuralNetwork
import TensorCore

/// Deep Q-learning (Mnih et al., 2015): a Q-network trained on minibatches from an experience-replay buffer against
/// a slowly moving target network, acting ε-greedily.
///
/// The algorithm reads top to bottom: ``trainEpisode(in:)`` acts in one environment and stores transitions,
/// ``trainRollout(in:)`` does the same for N copies at once (one batched forward pass for all their ε-greedy actions),
/// ``learnOnSchedule()`` runs the updates and target copies due after each environment step, and ``update()`` is one
/// gradient step on the TD error. Termination stops bootstrapping; truncation by a time limit does not (the stored
/// next observation is the real one, and its value is bootstrapped). Options: Double DQN targets, Huber or MSE loss,
/// Adam or RMSProp, gradient clipping, hard target copies every C steps or Polyak averaging.
///
/// **N copies.** Every count (the budget, the ε schedule, learning-starts, train-frequency, target-update-interval)
/// is in environment steps summed over the copies, and the N transitions of a batched step are taken as N steps in
/// copy order: copy i acts with ε at step `stepsTaken + i`, and after its transition is stored the updates due at
/// that step run. So N changes throughput, not the schedule, and one copy trains exactly as ``trainEpisode(in:)`` does.
public final class DQN<Encoder: ObservationEncoder> {
    /// Settings for ``DQN``.
    public typealias Configuration = DQNConfiguration

    /// The settings this agent runs with.
    public let configuration: Configuration
    /// Turns observations into network inputs.
    public let encoder: Encoder
    /// The number of discrete actions.
    public let actionCount: Int
    /// The online Q-network.
    public let network: Sequential
    /// The target Q-network.
    public let targetNetwork: Sequential
    /// The optimizer of the online network.
    public let optimizer: any Optimizer
    /// Experience replay, a stream per environment copy.
    public internal(set) var buffer: ReplayStreams<Encoder.Memory>
    /// The last batch drawn for an update, kept so the next draw decodes into its arrays instead of new ones.
    private var sampledBatch = ReplayBatch(size: 0, inputSize: 0)
    /// Environment steps taken so far.
    public internal(set) var stepsTaken = 0
    /// Episodes finished so far.
    public internal(set) var episodesCompleted = 0
    /// Gradient steps taken so far.
    public internal(set) var updates = 0
    /// Called after every gradient update.
    public var onUpdate: (() -> Void)?
    /// Asked between steps and updates; true ends the current episode early.
    public var stopCheck: (@Sendable () -> Bool)?
    /// The loss of the latest gradient step (`nil` before the first).
    public private(set) var lastLoss: Double?
    /// The mean Q(s, a) of the latest batch.
    public private(set) var lastMeanQ: Double?
    var generator: RandomGenerator
    /// The online network's forward pass for one observation at a time (acting, greedy evaluation).
    private lazy var singleObservation = SingleObservationForward(network: network, encoder: encoder)
    /// The step at which each copy's episode in progress started (for its ε in the episode's report).
    private var episodeStarts: [Int] = []
    /// Each copy's action in the latest batched step, and its observation before that step (reused every step).
    private var batchActions: [Int] = []
    private var batchObservations: [Encoder.Stored] = []

    /// Creates an agent with freshly initialized networks for `actionCount` actions.
    public init(encoder: Encoder, actionCount: Int, configuration: Configuration = Configuration()) throws {
        try configuration.validate()
        guard actionCount > 0 else { throw GymError("DQN needs at least one action, got \(actionCount)") }
        self.configuration = configuration
        self.encoder = encoder
        self.actionCount = actionCount
        generator = RandomGenerator(seed: configuration.seed)
        let architecture = configuration.architecture(for: encoder.inputShape)
        try architecture.validate(inputShape: encoder.inputShape)
        network = architecture.build(inputShape: encoder.inputShape, hidden: configuration.hiddenLayers,
                                     outputs: actionCount, using: &generator)
        targetNetwork = architecture.build(inputShape: encoder.inputShape, hidden: configuration.hiddenLayers,
                                           outputs: actionCount, using: &generator)
        targetNetwork.copyParameters(from: network)
        let rate = Float(configuration.learningRate)
        switch configuration.optimizer {
        case .adam: optimizer = Adam(parameters: network.parameters, learningRate: rate)
        case .rmsprop:
            optimizer = RMSProp(parameters: network.parameters, learningRate: rate, alpha: 0.95, epsilon: 0.01,
                                centered: true)
        }
        buffer = try ReplayStreams(capacity: configuration.bufferSize, streams: configuration.environmentCount,
                                   encoder: encoder)
    }

    /// The exploration rate at the current step.
    public var epsilon: Double { configuration.exploration.value(at: stepsTaken) }

    /// Whether the step budget is spent.
    public var isFinished: Bool { stepsTaken >= configuration.totalSteps }

    /// Q-values of one observation.
    public func actionValues(_ observation: Encoder.Observation) -> [Float] {
        singleObservation.withOutputs(for: observation) { Array($0) }
    }

    /// The action with the highest Q-value (the first on ties).
    public func greedyAction(_ observation: Encoder.Observation) -> Int {
        singleObservation.withOutputs(for: observation) { argmax($0) }
    }

    // MARK: - Algorithm

    /// Plays one episode ε-greedily in a single environment, storing every transition (in the replay's first stream)
    /// and updating the network on schedule.
    ///
    /// The episode ends early when the step budget runs out (it then counts as truncated).
    @discardableResult
    public func trainEpisode<E: Environment>(in environment: inout E) throws -> TrainingEpisode
    where E.Observation == Encoder.Observation, E.Action == Int {
        let seed: UInt64? = episodesCompleted == 0 ? configuration.seed : nil
        var observation = environment.reset(seed: seed)
        var totalReward = 0.0
        var length = 0
        var terminated = false
        let startEpsilon = epsilon
        while !isFinished && !stopRequested {
            let action = exploratoryAction(atStep: stepsTaken) ?? greedyAction(observation)
            let step = try environment.step(action)
            buffer.append(to: 0, observation: observation, action: action, reward: step.reward,
                          nextObservation: step.observation, terminated: step.terminated, truncated: step.truncated)
            stepsTaken += 1
            totalReward += step.reward
            length += 1
            observation = step.observation
            try learnOnSchedule()
            if step.isDone {
                terminated = step.terminated
                break
            }
        }
        episodesCompleted += 1
        return TrainingEpisode(index: episodesCompleted, totalReward: totalReward, length: length,
                               terminated: terminated, epsilon: startEpsilon, totalSteps: stepsTaken)
    }

    /// Trains until the step budget is spent.
    public func train<E: Environment>(in environment: inout E) throws
    where E.Observation == Encoder.Observation, E.Action == Int {
        while !isFinished { try trainEpisode(in: &environment) }
    }

    /// Takes one ε-greedy step in every copy of `environments` (the greedy actions from one forward pass), stores the
    /// N transitions — a finished episode's with its final observation, so a truncated one bootstraps from it — and
    /// after each runs the updates due at its step; returns the episodes that ended.
    public func trainRollout<E: Environment>(in environments: BatchedEnvironment<E, Encoder>) throws -> [TrainingEpisode]
    where E.Observation == Encoder.Observation, E.Action == Int {
        let copies = environments.count
        precondition(copies == configuration.environmentCount,
                     "DQN on \(configuration.environmentCount) copies cannot play a batch of \(copies)")
        if episodeStarts.isEmpty {
            episodeStarts = (0..<copies).map { stepsTaken + $0 }
            batchActions = Array(repeating: 0, count: copies)
        }
        // ε-greedy actions: the draws in copy order, then one forward pass if any copy acts greedily.
        var greedy: [Int] = []
        for copy in 0..<copies {
            if let action = exploratoryAction(atStep: stepsTaken + copy) {
                batchActions[copy] = action
            } else {
                greedy.append(copy)
            }
        }
        if !greedy.isEmpty {
            let inputs = Tensor(shape: [copies] + encoder.inputShape) {
                encoder.decode(rows: copies, from: environments.observations, into: $0)
            }
            let values = withoutGradient { network(inputs) }.scalars
            for copy in greedy { batchActions[copy] = argmax(values[copy * actionCount..<(copy + 1) * actionCount]) }
        }
        batchObservations.removeAll(keepingCapacity: true)
        batchObservations.append(contentsOf: environments.observations)
        try environments.step(batchActions)

        // The N transitions, each followed by the learning due at its step.
        let width = encoder.storedWidth
        let (rewards, terminated, truncated) = (environments.rewards, environments.terminated, environments.truncated)
        let (observations, finals) = (environments.observations, environments.finalObservations)
        try batchObservations.withUnsafeBufferPointer { before in
            for copy in 0..<copies {
                let row = copy * width..<(copy + 1) * width
                let done = terminated[copy] || truncated[copy]
                buffer.append(to: copy, stored: UnsafeBufferPointer(rebasing: before[row]), action: batchActions[copy],
                              reward: rewards[copy], next: UnsafeBufferPointer(rebasing: (done ? finals : observations)[row]),
                              terminated: terminated[copy], truncated: truncated[copy])
                stepsTaken += 1
                try learnOnSchedule()
            }
        }
        let stepsBefore = stepsTaken - copies
        return environments.finishedEpisodes.map { finished in
            episodesCompleted += 1
            let started = episodeStarts[finished.copy]
            episodeStarts[finished.copy] = stepsBefore + copies + finished.copy
            return TrainingEpisode(index: episodesCompleted, totalReward: finished.totalReward, length: finished.length,
                                   terminated: finished.terminated, epsilon: configuration.exploration.value(at: started),
                                   totalSteps: stepsBefore + finished.copy + 1, success: finished.success)
        }
    }

    /// A random action with probability ε (at step `step`), else `nil` for the greedy one.
    private func exploratoryAction(atStep step: Int) -> Int? {
        generator.nextDouble() < configuration.exploration.value(at: step) ? generator.nextInt(below: actionCount) : nil
    }

    /// What is due after environment step ``stepsTaken``: gradient steps every `trainFrequency` steps once
    /// `learningStarts` steps of data are in (a resumed agent, whose buffer starts empty, collects them again, or half
    /// the buffer when that is less), and a target update every `targetUpdateInterval` steps.
    private func learnOnSchedule() throws {
        if stepsTaken > configuration.learningStarts && stepsTaken % configuration.trainFrequency == 0
            && buffer.count >= min(configuration.learningStarts, buffer.capacity / 2) {
            for _ in 0..<configuration.gradientSteps where !stopRequested { try update() }
        }
        if stepsTaken % configuration.targetUpdateInterval == 0 { updateTargetNetwork() }
    }

    /// One gradient step on a replayed minibatch. Throws, leaving the network untouched, when the loss or the
    /// gradient is not finite.
    public func update() throws {
        buffer.sample(configuration.batchSize, using: &generator, into: &sampledBatch)
        try update(on: sampledBatch)
    }

    /// One gradient step on `batch`, with the same checks as ``update()``.
    public func update(on batch: ReplayBatch) throws {
        let lossValue = try descend(tdLoss(batch), with: optimizer, maxGradientNorm: configuration.maxGradientNorm,
                                    what: "DQN", when: "update \(updates + 1) (step \(stepsTaken))")
        updates += 1
        lastLoss = Double(lossValue)
        onUpdate?()
    }

    /// Copies the online network into the target network (τ = 1) or moves it a step τ towards it (Polyak).
    func updateTargetNetwork() {
        if configuration.targetUpdateRate >= 1 {
            targetNetwork.copyParameters(from: network)
        } else {
            targetNetwork.polyakUpdate(from: network, rate: Float(configuration.targetUpdateRate))
        }
    }

    /// The TD loss of a batch: Q(s, a) against r + γ (1 − terminated) · max_a′ Q_target(s′, a′) (or, with Double
    /// DQN, Q_target(s′, argmax_a′ Q(s′, a′))). The target and the online forward pass do not depend on each other,
    /// so they run side by side on the tensor core's two threads.
    public func tdLoss(_ batch: ReplayBatch) -> Tensor {
        let shape = [batch.size] + encoder.inputShape
        var predicted = Tensor(0), target = Tensor(0)
        ComputeThreads.sideBySide({
            let observations = Tensor(shape: shape, scalars: batch.observations)
            predicted = network(observations).gather(alongAxis: 1, indices: batch.actions)
        }, {
            let nextObservations = Tensor(shape: shape, scalars: batch.nextObservations)
            target = withoutGradient {
                let nextValues = targetNetwork(nextObservations)
                let bootstrap: Tensor
                if configuration.doubleDQN {
                    let nextActions = network(nextObservations).argmax(alongAxis: 1)
                    bootstrap = nextValues.gather(alongAxis: 1, indices: nextActions)
                } else {
                    bootstrap = nextValues.max(alongAxis: 1, keepingDimension: true)
                }
                let rewards = Tensor(shape: [batch.size, 1], scalars: batch.rewards)
                let continuing = Tensor(shape: [batch.size, 1], scalars: batch.terminated.map { 1 - $0 })
                return rewards + Float(configuration.discount) * continuing * bootstrap
            }
        })
        lastMeanQ = Double(predicted.scalars.reduce(0, +)) / Double(batch.size)
        switch configuration.loss {
        case .meanSquaredError: return Loss.meanSquaredError(predicted, target)
        case .huber: return Loss.huber(predicted, target)
        }
    }
}
