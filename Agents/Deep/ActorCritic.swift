import Gym
import NeuralNetwork
import TensorCore

/// One-step actor-critic (Sutton & Barto, 2018, §13.5): after every step, the critic V moves toward the TD target
/// r + γ V(s′) and the actor moves along ∇ log π(a|s) · δ, with the TD error δ = r + γ V(s′) − V(s) as the
/// advantage.
///
/// Sample, reward, update, repeat: no batch and no episode-long memory. Termination stops bootstrapping; a
/// time-limit cut does not (V(s′) of the real next state is used). Like most implementations it drops the γᵗ
/// factor of the textbook's actor update, weighting every step of an episode alike.
public final class ActorCritic<Encoder: ObservationEncoder> {
    /// Settings for ``ActorCritic`` (`baseline` and `episodesPerUpdate` do not apply: the critic is the baseline).
    public typealias Configuration = PolicyGradientConfiguration

    /// The settings this agent runs with.
    public let configuration: Configuration
    /// Turns observations into network inputs.
    public let encoder: Encoder
    /// The number of discrete actions.
    public let actionCount: Int
    /// The actor (policy) and the critic (value network).
    public let networks: PolicyNetworks
    /// Environment steps taken so far.
    public internal(set) var stepsTaken = 0
    /// Episodes finished so far.
    public internal(set) var episodesCompleted = 0
    /// Updates (one actor and one critic step each) taken so far.
    public internal(set) var updates = 0
    /// Called after every gradient update.
    public var onUpdate: (() -> Void)?
    /// Asked between steps and updates; true ends the current episode early.
    public var stopCheck: (@Sendable () -> Bool)?
    /// The actor's loss of the latest update.
    public private(set) var lastLoss: Double?
    /// The critic's loss of the latest update.
    public private(set) var lastValueLoss: Double?
    private var generator: RandomGenerator

    /// Creates an agent with freshly initialized networks for `actionCount` actions.
    public init(encoder: Encoder, actionCount: Int, configuration: Configuration = Configuration()) throws {
        try configuration.validate()
        guard actionCount > 0 else { throw GymError("actor-critic needs at least one action, got \(actionCount)") }
        self.configuration = configuration
        self.encoder = encoder
        self.actionCount = actionCount
        generator = RandomGenerator(seed: configuration.seed)
        networks = try PolicyNetworks(inputShape: encoder.inputShape, actionCount: actionCount, configuration: configuration,
                                      withValue: true, using: &generator)
    }

    /// Whether the step budget is spent.
    public var isFinished: Bool { stepsTaken >= configuration.totalSteps }

    /// The most probable action under the actor.
    public func greedyAction(_ observation: Encoder.Observation) -> Int {
        networks.greedyAction(encoder.features(observation))
    }

    /// V(s) from the critic.
    public func stateValue(_ observation: Encoder.Observation) -> Double? {
        networks.values(encoder.features(observation), rows: 1).map { Double($0[0]) }
    }

    // MARK: - Algorithm

    /// Plays one episode, updating actor and critic after every step.
    @discardableResult
    public func trainEpisode<E: Environment>(in environment: inout E) throws -> TrainingEpisode
    where E.Observation == Encoder.Observation, E.Action == Int {
        let seed: UInt64? = episodesCompleted == 0 ? configuration.seed : nil
        var features = encoder.features(environment.reset(seed: seed))
        var totalReward = 0.0
        var length = 0
        var terminated = false
        while !isFinished && !stopRequested {
            let action = networks.sampleAction(features, using: &generator)
            let step = try environment.step(action)
            let nextFeatures = encoder.features(step.observation)
            try update(features: features, action: action, reward: Float(step.reward), nextFeatures: nextFeatures,
                       terminated: step.terminated)
            stepsTaken += 1
            length += 1
            totalReward += step.reward
            features = nextFeatures
            if step.terminated { terminated = true; break }
            if step.truncated { break }
        }
        episodesCompleted += 1
        return TrainingEpisode(index: episodesCompleted, totalReward: totalReward, length: length,
                               terminated: terminated, epsilon: 0, totalSteps: stepsTaken)
    }

    /// One critic step toward r + γ V(s′) (no bootstrap after termination) and one actor step along δ.
    public func update(features: [Float], action: Int, reward: Float, nextFeatures: [Float], terminated: Bool) throws {
        let nextValue = terminated ? 0 : networks.values(nextFeatures, rows: 1)?[0] ?? 0
        let target = reward + Float(configuration.discount) * nextValue
        let value = networks.values(features, rows: 1)?[0] ?? 0
        let tdError = target - value
        let when = "step \(stepsTaken + 1)"
        guard let criticLoss = networks.valueLoss(features, targets: [target]),
              let criticOptimizer = networks.valueOptimizer else { return }
        try networks.descend(criticLoss, with: criticOptimizer, what: "critic", when: when)
        let (actorLoss, _) = networks.policyLoss(features, actions: [action], weights: [tdError],
                                                 entropyCoefficient: Float(configuration.entropyCoefficient))
        try networks.descend(actorLoss, with: networks.policyOptimizer, what: "actor", when: when)
        updates += 1
        lastLoss = Double(actorLoss.item)
        lastValueLoss = Double(criticLoss.item)
        onUpdate?()
    }

    /// Trains until the step budget is spent.
    public func train<E: Environment>(in environment: inout E) throws
    where E.Observation == Encoder.Observation, E.Action == Int {
        while !isFinished { try trainEpisode(in: &environment) }
    }
}
