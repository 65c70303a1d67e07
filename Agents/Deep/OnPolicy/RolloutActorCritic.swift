import Gym
import NeuralNetwork
import TensorCore

/// What ``PPO`` and ``A2C`` share, as the class both extend: a ``PolicyValueNetwork`` with one optimizer, acting on N
/// copies of the environment (batched with the agent's encoder as packer), a rollout at a time.
///
/// ``collect(in:)`` anneals the learning rate and plays a rollout; ``descend(_:policyLoss:valueLoss:entropy:)`` takes
/// a checked gradient step and records it. Each subclass's `trainRollout(in:)` is its algorithm: the rollout, then
/// its own loss. Checkpoints hold the network under CleanRL's names (`actor.0.weight`, `critic.0.weight`, `network.…`
/// for a shared trunk) with the optimizer's state next to it (`optimizer.exp_avg.actor.0.weight`, …).
public class RolloutActorCritic<Encoder: ObservationEncoder, Head: PolicyHead> {
    /// Settings for ``PPO`` and ``A2C``.
    public typealias Configuration = OnPolicyConfiguration
    /// The batch's packer: the encoder.
    public typealias Packer = Encoder

    /// The settings this agent runs with.
    public let configuration: Configuration
    /// Turns observations into network inputs, and packs them into the batch's buffers.
    public let encoder: Encoder
    /// The number of discrete actions, or of a continuous action's components.
    public let actionCount: Int
    /// Turns the actor's outputs into actions.
    public let head: Head
    /// The actor and the critic.
    public let network: PolicyValueNetwork
    /// The optimizer of the whole network.
    public let optimizer: any CheckpointableOptimizer
    /// Environment steps taken so far, over all copies.
    public internal(set) var stepsTaken = 0
    /// Episodes finished so far, over all copies.
    public internal(set) var episodesCompleted = 0
    /// Gradient steps taken so far.
    public internal(set) var updates = 0
    /// Called after every gradient step.
    public var onUpdate: (() -> Void)?
    /// Asked between minibatches; true ends the current update early.
    public var stopCheck: (@Sendable () -> Bool)?
    /// The policy loss of the latest gradient step.
    public private(set) var lastLoss: Double?
    /// The value loss of the latest gradient step.
    public private(set) var lastValueLoss: Double?
    /// The policy's mean entropy in the latest gradient step.
    public private(set) var lastEntropy: Double?
    /// Draws the actions and shuffles minibatches.
    var generator: RandomGenerator
    /// The latest rollout.
    let rollout: Rollout<Encoder, Head>
    /// The algorithm's name in error messages.
    private let name: String

    /// An agent with a freshly initialized network for `actionCount` actions; `makeOptimizer` builds its optimizer
    /// from the parameters and the learning rate.
    init(encoder: Encoder, actionCount: Int, configuration: Configuration, name: String,
         makeOptimizer: ([Parameter], Float) -> any CheckpointableOptimizer) throws {
        try configuration.validate()
        guard actionCount > 0 else { throw GymError("\(name) needs at least one action, got \(actionCount)") }
        self.configuration = configuration
        self.encoder = encoder
        self.actionCount = actionCount
        head = Head(actionCount: actionCount)
        self.name = name
        generator = RandomGenerator(seed: configuration.seed)
        network = try PolicyValueNetwork(inputShape: encoder.inputShape, actionCount: actionCount,
                                         hidden: configuration.hiddenLayers,
                                         architecture: configuration.architecture(for: encoder.inputShape),
                                         gaussian: Head.needsLogStandardDeviation, using: &generator)
        optimizer = makeOptimizer(network.parameters, Float(configuration.learningRate))
        rollout = Rollout(encoder: encoder, head: head, copies: configuration.environmentCount,
                          steps: configuration.rolloutSteps)
    }

    /// Whether the step budget is spent.
    public var isFinished: Bool { stepsTaken >= configuration.totalSteps }

    /// The most probable action under the policy (the first on ties), or a Gaussian policy's mean.
    public func greedyAction(_ observation: Encoder.Observation) -> Head.Action {
        head.greedy(withoutGradient { network(singleInput(observation)) }.scalars)
    }

    /// V(s) from the critic.
    public func stateValue(_ observation: Encoder.Observation) -> Double? {
        Double(withoutGradient { network.values(singleInput(observation)) }.item)
    }

    // MARK: - Training

    /// Anneals the learning rate (with anneal-lr) by the share of the budget still ahead, plays one rollout in
    /// `environments` and counts its steps and episodes; returns the episodes that ended during it.
    func collect<E: Environment>(in environments: BatchedEnvironment<E, Encoder>) throws -> [TrainingEpisode]
    where E.Observation == Encoder.Observation, E.Action == Head.Action {
        if configuration.annealLearningRate {
            optimizer.learningRate = Float(configuration.learningRate * configuration.remainingFraction(after: stepsTaken))
        }
        let episodes = try rollout.collect(
            in: environments, network: network, discount: Float(configuration.discount),
            lambda: Float(configuration.gaeLambda), using: &generator, firstEpisode: episodesCompleted + 1,
            stepsBefore: stepsTaken)
        stepsTaken += rollout.size
        episodesCompleted += episodes.count
        return episodes
    }

    /// One checked gradient step on `loss` (its global norm clipped), recorded with its parts.
    func descend(_ loss: Tensor, policyLoss: Tensor, valueLoss: Tensor, entropy: Tensor) throws {
        try Agents.descend(loss, with: optimizer, maxGradientNorm: configuration.maxGradientNorm, what: name,
                           when: "update \(updates + 1) (step \(stepsTaken))")
        updates += 1
        lastLoss = Double(policyLoss.item)
        lastValueLoss = Double(valueLoss.item)
        lastEntropy = Double(entropy.item)
        onUpdate?()
    }

    // MARK: - Plumbing

    public var checkpointedNetworks: [(prefix: String, network: any Layer, optimizer: (any CheckpointableOptimizer)?)] {
        [("", network, optimizer)]
    }

    public var figures: LearningFigures {
        LearningFigures(loss: lastLoss, updates: updates, valueLoss: lastValueLoss, entropy: lastEntropy)
    }

    public func restoreCounters(steps: Int, episodes: Int, updates: Int) {
        stepsTaken = steps
        episodesCompleted = episodes
        self.updates = updates
    }

    /// One observation as a batch of one network input.
    private func singleInput(_ observation: Encoder.Observation) -> Tensor {
        Tensor(shape: [1] + encoder.inputShape, scalars: encoder.features(observation))
    }
}
