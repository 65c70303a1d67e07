import Gym
import NeuralNetwork
import TensorCore

/// REINFORCE (Williams, 1992) with a baseline: a softmax policy trained on the Monte Carlo policy gradient
/// ∇ E[G] ≈ mean over steps of ∇ log π(a|s) · (G − b(s)).
///
/// ``trainEpisode(in:)`` plays one episode with actions drawn from π, records it, and after every
/// `episodesPerUpdate` episodes ``update()`` takes one gradient step on the batch. The returns are discounted; an
/// episode cut by a time limit (or by the end of the budget) bootstraps its tail from V when a value network is
/// the baseline, since the cut is not the MDP's end. The baseline is none, the batch's mean return, or a value
/// network fitted to the returns; the weights can be standardized, and an entropy bonus keeps the policy exploring.
public final class Reinforce<Encoder: ObservationEncoder> {
    /// Settings for ``Reinforce``.
    public typealias Configuration = PolicyGradientConfiguration

    /// The settings this agent runs with.
    public let configuration: Configuration
    /// Turns observations into network inputs.
    public let encoder: Encoder
    /// The number of discrete actions.
    public let actionCount: Int
    /// The policy and (with the value baseline) the value network.
    public let networks: PolicyNetworks
    /// Environment steps taken so far.
    public internal(set) var stepsTaken = 0
    /// Episodes finished so far.
    public internal(set) var episodesCompleted = 0
    /// Policy updates taken so far.
    public internal(set) var updates = 0
    /// Called after every gradient update.
    public var onUpdate: (() -> Void)?
    /// Asked between steps and updates; true ends the current episode early.
    public var stopCheck: (@Sendable () -> Bool)?
    /// The policy loss of the latest update.
    public private(set) var lastLoss: Double?
    /// The value network's loss of the latest update.
    public private(set) var lastValueLoss: Double?
    /// The policy's mean entropy over the latest batch.
    public private(set) var lastEntropy: Double?
    private var generator: RandomGenerator
    private var batch = Batch()

    /// The episodes collected since the last update, step by step.
    private struct Batch {
        var features: [Float] = []
        var actions: [Int] = []
        var returns: [Float] = []
        var episodes = 0
    }

    /// Creates an agent with freshly initialized networks for `actionCount` actions.
    public init(encoder: Encoder, actionCount: Int, configuration: Configuration = Configuration()) throws {
        try configuration.validate()
        guard actionCount > 0 else { throw GymError("REINFORCE needs at least one action, got \(actionCount)") }
        self.configuration = configuration
        self.encoder = encoder
        self.actionCount = actionCount
        generator = RandomGenerator(seed: configuration.seed)
        networks = try PolicyNetworks(inputShape: encoder.inputShape, actionCount: actionCount, configuration: configuration,
                                      withValue: configuration.baseline == .valueNetwork, using: &generator)
    }

    /// Whether the step budget is spent.
    public var isFinished: Bool { stepsTaken >= configuration.totalSteps }

    /// The most probable action under the policy.
    public func greedyAction(_ observation: Encoder.Observation) -> Int {
        networks.greedyAction(encoder.features(observation))
    }

    /// V(s) from the value network (`nil` without one).
    public func stateValue(_ observation: Encoder.Observation) -> Double? {
        networks.values(encoder.features(observation), rows: 1).map { Double($0[0]) }
    }

    // MARK: - Algorithm

    /// Plays one episode with actions sampled from the policy, then updates when the batch is complete.
    ///
    /// The episode ends early when the step budget runs out (it then counts as truncated, and the partial batch is
    /// used for a last update).
    @discardableResult
    public func trainEpisode<E: Environment>(in environment: inout E) throws -> TrainingEpisode
    where E.Observation == Encoder.Observation, E.Action == Int {
        let seed: UInt64? = episodesCompleted == 0 ? configuration.seed : nil
        var observation = environment.reset(seed: seed)
        var rewards: [Float] = []
        var totalReward = 0.0
        var terminated = false
        while !isFinished && !stopRequested {
            let features = encoder.features(observation)
            let action = networks.sampleAction(features, using: &generator)
            let step = try environment.step(action)
            batch.features += features
            batch.actions.append(action)
            rewards.append(Float(step.reward))
            totalReward += step.reward
            stepsTaken += 1
            observation = step.observation
            if step.terminated { terminated = true; break }
            if step.truncated { break }
        }
        // A cut episode's tail is worth V(s_T) when the baseline is learned.
        let tail = terminated ? 0 : networks.values(encoder.features(observation), rows: 1)?[0] ?? 0
        batch.returns += Self.discountedReturns(rewards, discount: Float(configuration.discount), tail: tail)
        batch.episodes += 1
        episodesCompleted += 1
        if batch.episodes == configuration.episodesPerUpdate || (isFinished && !batch.actions.isEmpty) {
            try update()
        }
        return TrainingEpisode(index: episodesCompleted, totalReward: totalReward, length: rewards.count,
                               terminated: terminated, epsilon: 0, totalSteps: stepsTaken)
    }

    /// One policy-gradient step (and one value-regression step) on the collected batch, which is then cleared.
    public func update() throws {
        defer { batch = Batch() }
        let rows = batch.actions.count
        guard rows > 0 else { return }
        // Weights: return minus baseline, optionally standardized.
        var weights = batch.returns
        switch configuration.baseline {
        case .none: break
        case .meanReturn:
            let mean = batch.returns.reduce(0, +) / Float(rows)
            weights = batch.returns.map { $0 - mean }
        case .valueNetwork:
            let values = networks.values(batch.features, rows: rows) ?? []
            weights = zip(batch.returns, values).map { $0 - $1 }
        }
        if configuration.normalizeAdvantages && rows > 1 {
            let mean = weights.reduce(0, +) / Float(rows)
            let variance = weights.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Float(rows)
            let scale = 1 / (variance.squareRoot() + 1e-8)
            weights = weights.map { ($0 - mean) * scale }
        }
        let when = "update \(updates + 1) (step \(stepsTaken))"
        let (policyLoss, entropy) = networks.policyLoss(batch.features, actions: batch.actions, weights: weights,
                                                        entropyCoefficient: Float(configuration.entropyCoefficient))
        try networks.descend(policyLoss, with: networks.policyOptimizer, what: "policy", when: when)
        if let valueLoss = networks.valueLoss(batch.features, targets: batch.returns),
           let optimizer = networks.valueOptimizer {
            try networks.descend(valueLoss, with: optimizer, what: "value", when: when)
            lastValueLoss = Double(valueLoss.item)
        }
        updates += 1
        lastLoss = Double(policyLoss.item)
        lastEntropy = Double(entropy)
        onUpdate?()
    }

    /// G_t = r_t + γ r_{t+1} + … + γ^(T−t) · `tail`, for every step t of an episode.
    public static func discountedReturns(_ rewards: [Float], discount: Float, tail: Float = 0) -> [Float] {
        var returns = [Float](repeating: 0, count: rewards.count)
        var running = tail
        for t in rewards.indices.reversed() {
            running = rewards[t] + discount * running
            returns[t] = running
        }
        return returns
    }

    /// Trains until the step budget is spent.
    public func train<E: Environment>(in environment: inout E) throws
    where E.Observation == Encoder.Observation, E.Action == Int {
        while !isFinished { try trainEpisode(in: &environment) }
    }
}
