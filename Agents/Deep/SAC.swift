import Foundation
import Gym
import NeuralNetwork
import TensorCore

/// Soft actor-critic (Haarnoja et al., 2018, with the automatic entropy tuning of their follow-up paper): an
/// off-policy actor-critic for continuous actions that maximizes reward plus α times the policy's entropy.
///
/// Two critics Q₁, Q₂ learn soft Q-values against slowly moving copies (Polyak-averaged with rate τ):
///
///     y = r + γ (1 − terminated) · ( minⱼ Q̄ⱼ(s′, a′) − α log π(a′ | s′) ),   a′ ~ π(· | s′)
///     L_Q = ½ Σⱼ mean (Qⱼ(s, a) − y)²
///
/// The actor is a tanh-squashed diagonal Gaussian (``SquashedGaussianPolicy``; optionally with gSDE's state-dependent
/// noise), trained through reparameterized samples ã = tanh(μ + σ ⊙ ε):
///
///     L_π = mean ( α log π(ã | s) − minⱼ Qⱼ(s, ã) )
///
/// and α = exp(log α) follows the target entropy H̄ (−dim(A) unless set): `L_α = −mean( log α · (log π(ã | s) + H̄) )`.
///
/// The agent acts in [−1, 1] in every component: the run wraps an environment with other bounds in
/// ``RescaleAction``, as Stable-Baselines3 rescales its policy's output. Before `learningStarts` steps it acts
/// uniformly at random; it then samples its policy, and ``greedyAction(_:)`` is the mean action tanh(μ(s)).
/// Termination stops bootstrapping; truncation by a time limit does not. Each gradient step updates α, then the
/// critics, then the actor (on the updated critics), then the target critics, in Stable-Baselines3's order.
public final class SAC<Encoder: ObservationEncoder> {
    /// Settings for ``SAC``.
    public typealias Configuration = SACConfiguration

    /// The settings this agent runs with.
    public let configuration: Configuration
    /// Turns observations into network inputs.
    public let encoder: Encoder
    /// Components of an action.
    public let actionCount: Int
    /// The actor.
    public let policy: SquashedGaussianPolicy
    /// The twin critics Q₁ and Q₂ of (observation, action) pairs.
    public let critics: [Sequential]
    /// Their Polyak-averaged copies.
    public let targetCritics: [Sequential]
    /// The entropy coefficient α.
    public let entropyCoefficient: EntropyCoefficient
    /// The actor's optimizer.
    public let policyOptimizer: Adam
    /// Both critics' optimizer.
    public let criticOptimizer: Adam
    /// α's optimizer (it steps only when the entropy is tuned).
    public let entropyOptimizer: Adam
    /// The entropy the tuning aims at.
    public let targetEntropy: Float
    /// Experience replay.
    public private(set) var buffer: ContinuousReplayBuffer
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
    /// The actor's loss of the latest gradient step (`nil` before the first).
    public private(set) var lastLoss: Double?
    /// The critics' loss of the latest gradient step.
    public private(set) var lastCriticLoss: Double?
    /// The mean Q₁(s, a) of the latest batch.
    public private(set) var lastMeanQ: Double?
    /// The policy's mean entropy estimate −log π(ã | s) over the latest batch.
    public private(set) var lastEntropy: Double?
    private var generator: RandomGenerator
    /// The noise weights' standard normal draws the policy acts with under state-dependent exploration, redrawn on
    /// the schedule of ``SACConfiguration/noiseSampleInterval``.
    private var explorationNoise: Tensor?

    /// Creates an agent with fresh networks for actions of `actionCount` components in [−1, 1].
    public init(encoder: Encoder, actionCount: Int, configuration: Configuration = Configuration()) throws {
        try configuration.validate()
        guard actionCount > 0 else { throw GymError("SAC needs at least one action component, got \(actionCount)") }
        self.configuration = configuration
        self.encoder = encoder
        self.actionCount = actionCount
        var generator = RandomGenerator(seed: configuration.seed)
        let inputs = encoder.inputSize, hidden = configuration.hiddenLayers
        policy = SquashedGaussianPolicy(
            inputs: inputs, hidden: hidden, actionCount: actionCount,
            stateDependentNoise: configuration.stateDependentExploration ? Float(configuration.initialLogStandardDeviation) : nil,
            using: &generator)
        var networks: [Sequential] = []
        for _ in 0..<4 {
            networks.append(StandardNetworks.multilayerPerceptron(inputs: inputs + actionCount, hidden: hidden,
                                                                  outputs: 1, using: &generator))
        }
        critics = Array(networks[0..<2])
        targetCritics = Array(networks[2..<4])
        self.generator = generator
        for (target, critic) in zip(targetCritics, critics) { target.copyParameters(from: critic) }
        entropyCoefficient = EntropyCoefficient(configuration.initialEntropyCoefficient)
        let rate = Float(configuration.learningRate)
        policyOptimizer = Adam(parameters: policy.parameters, learningRate: rate)
        criticOptimizer = Adam(parameters: critics.flatMap(\.parameters), learningRate: rate)
        entropyOptimizer = Adam(parameters: entropyCoefficient.parameters, learningRate: rate)
        targetEntropy = Float(configuration.targetEntropy ?? -Double(actionCount))
        try checkReplayFits(capacity: configuration.bufferSize,
                            bytesPerSlot: ContinuousReplayBuffer.bytesPerSlot(inputSize: inputs, actionCount: actionCount))
        buffer = try ContinuousReplayBuffer(capacity: configuration.bufferSize, inputSize: inputs,
                                            actionCount: actionCount)
    }

    /// Whether the step budget is spent.
    public var isFinished: Bool { stepsTaken >= configuration.totalSteps }

    /// The mean action tanh(μ(s)).
    public func greedyAction(_ observation: Encoder.Observation) -> [Float] {
        withoutGradient { policy(input(observation)).scalars }
    }

    // MARK: - Training

    /// Plays one episode, storing every transition and updating the networks on schedule.
    ///
    /// The episode ends early when the step budget runs out (it then counts as truncated). Throws when the
    /// environment's actions are not `actionCount` components bounded by [−1, 1].
    @discardableResult
    public func trainEpisode<E: Environment>(in environment: inout E) throws -> TrainingEpisode
    where E.Observation == Encoder.Observation, E.Action == [Float] {
        try checkActions(of: environment)
        let seed: UInt64? = episodesCompleted == 0 ? configuration.seed : nil
        var observation = environment.reset(seed: seed)
        var features = encoder.features(observation)
        var totalReward = 0.0
        var length = 0
        var terminated = false
        while !isFinished && !stopRequested {
            // gSDE: new noise weights at the start of every train-frequency round (and every interval, if set).
            if policy.isStateDependent && (explorationNoise == nil || stepsTaken % configuration.trainFrequency == 0
                || (configuration.noiseSampleInterval > 0 && stepsTaken % configuration.noiseSampleInterval == 0)) {
                explorationNoise = noise(rows: 1)
            }
            // Uniform actions until learning starts, then samples of the policy.
            let action = stepsTaken < configuration.learningStarts
                ? (0..<actionCount).map { _ in Float(2 * generator.nextDouble() - 1) }
                : sampleAction(features)
            let step = try environment.step(action)
            let nextFeatures = encoder.features(step.observation)
            buffer.append(observation: features, action: action, reward: step.reward, nextObservation: nextFeatures,
                          terminated: step.terminated)
            stepsTaken += 1
            totalReward += step.reward
            length += 1
            observation = step.observation
            features = nextFeatures

            // Learning: every `trainFrequency` steps once more than `learningStarts` steps are in (a resumed agent,
            // whose buffer starts empty, waits for a batch's worth).
            if stepsTaken > configuration.learningStarts && stepsTaken % configuration.trainFrequency == 0
                && buffer.count >= min(max(configuration.learningStarts, 1), buffer.capacity) {
                for _ in 0..<configuration.gradientSteps where !stopRequested { try update() }
            }
            if step.isDone {
                terminated = step.terminated
                break
            }
        }
        episodesCompleted += 1
        return TrainingEpisode(index: episodesCompleted, totalReward: totalReward, length: length,
                               terminated: terminated, epsilon: 0, totalSteps: stepsTaken)
    }

    /// Trains until the step budget is spent.
    public func train<E: Environment>(in environment: inout E) throws
    where E.Observation == Encoder.Observation, E.Action == [Float] {
        while !isFinished { try trainEpisode(in: &environment) }
    }

    /// One gradient step on a replayed minibatch. Throws ``TrainingDiverged`` when a loss or a gradient is not finite
    /// (the network it belongs to is left untouched).
    public func update() throws {
        try update(on: buffer.sample(configuration.batchSize, using: &generator))
    }

    /// One gradient step on `batch`: α, the critics, the actor, then the target critics.
    public func update(on batch: ContinuousBatch) throws {
        let when = "update \(updates + 1) (step \(stepsTaken))"
        let observations = Tensor(shape: [batch.size, encoder.inputSize], scalars: batch.observations)
        let policyNoise = noise(rows: batch.size)
        let sample = policy.sample(observations, noise: policyNoise)
        // α is read before its own update, for this step's critic and actor losses.
        let alpha = entropyCoefficient.value
        if configuration.tuneEntropy {
            try descend(entropyCoefficientLoss(logProbabilities: sample.logProbabilities), with: entropyOptimizer,
                        maxGradientNorm: nil, what: "entropy coefficient", when: when)
        }
        // gSDE draws one noise matrix per gradient step, for the actions at s and at s′ alike.
        let nextNoise = policy.isStateDependent ? policyNoise : noise(rows: batch.size)
        let critic = try descend(criticLoss(batch, alpha: alpha, nextNoise: nextNoise),
                                 with: criticOptimizer, maxGradientNorm: configuration.maxGradientNorm,
                                 what: "SAC critic", when: when)
        let actor = try descend(policyLoss(observations, sample: sample, alpha: alpha), with: policyOptimizer,
                                maxGradientNorm: configuration.maxGradientNorm, what: "SAC actor", when: when)
        for (target, critic) in zip(targetCritics, critics) {
            target.polyakUpdate(from: critic, rate: Float(configuration.targetUpdateRate))
        }
        updates += 1
        lastLoss = Double(actor)
        lastCriticLoss = Double(critic)
        lastEntropy = -Double(sample.logProbabilities.detached().mean().item)
        onUpdate?()
    }

    /// The critics' loss ½ Σⱼ mean (Qⱼ(s, a) − y)², with the soft target y of the type's doc comment drawn with the
    /// standard normal `nextNoise` (`[batch, actions]`).
    public func criticLoss(_ batch: ContinuousBatch, alpha: Float, nextNoise: Tensor) -> Tensor {
        let shape = [batch.size, encoder.inputSize]
        let target: Tensor = withoutGradient {
            let next = policy.sample(Tensor(shape: shape, scalars: batch.nextObservations), noise: nextNoise)
            let nextInput = Tensor.concatenate([Tensor(shape: shape, scalars: batch.nextObservations), next.actions],
                                               alongAxis: 1)
            let softValue = Self.minimum(targetCritics[0](nextInput), targetCritics[1](nextInput))
                - alpha * next.logProbabilities
            let rewards = Tensor(shape: [batch.size, 1], scalars: batch.rewards)
            let continuing = Tensor(shape: [batch.size, 1], scalars: batch.terminated.map { 1 - $0 })
            return rewards + Float(configuration.discount) * continuing * softValue
        }
        let input = Tensor.concatenate([Tensor(shape: shape, scalars: batch.observations),
                                        Tensor(shape: [batch.size, actionCount], scalars: batch.actions)],
                                       alongAxis: 1)
        let predictions = critics.map { $0(input) }
        lastMeanQ = Double(predictions[0].detached().mean().item)
        return 0.5 * predictions.map { Loss.meanSquaredError($0, target) }.reduce(Tensor(0), +)
    }

    /// The actor's loss mean(α log π(ã | s) − minⱼ Qⱼ(s, ã)) of a reparameterized `sample` at `observations`.
    public func policyLoss(_ observations: Tensor, sample: (actions: Tensor, logProbabilities: Tensor),
                           alpha: Float) -> Tensor {
        let input = Tensor.concatenate([observations, sample.actions], alongAxis: 1)
        let value = Self.minimum(critics[0](input), critics[1](input))
        return (alpha * sample.logProbabilities - value).mean()
    }

    /// α's loss −mean(log α · (log π(ã | s) + H̄)), the log-probabilities taken as constants.
    public func entropyCoefficientLoss(logProbabilities: Tensor) -> Tensor {
        -(entropyCoefficient.logValue.value * (logProbabilities.detached() + targetEntropy)).mean()
    }

    // MARK: - Plumbing

    /// One observation as a `[1, inputs]` tensor.
    private func input(_ observation: Encoder.Observation) -> Tensor {
        Tensor(shape: [1, encoder.inputSize], scalars: encoder.features(observation))
    }

    /// A sample of the policy at one observation's features.
    private func sampleAction(_ features: [Float]) -> [Float] {
        withoutGradient {
            policy.sample(Tensor(shape: [1, encoder.inputSize], scalars: features),
                          noise: explorationNoise ?? noise(rows: 1)).actions.scalars
        }
    }

    /// Standard normal draws for `rows` actions (one noise-weight matrix under state-dependent exploration).
    private func noise(rows: Int) -> Tensor {
        Tensor.normal(policy.noiseShape(rows: rows), using: &generator)
    }

    /// The element-wise smaller of two tensors (the gradient goes to the smaller one).
    private static func minimum(_ lhs: Tensor, _ rhs: Tensor) -> Tensor {
        -Tensor.maximum(-lhs, -rhs)
    }

    /// Throws unless `environment` takes `actionCount` components, each bounded by [−1, 1] (checked once per episode).
    private func checkActions<E: Environment>(of environment: E) throws {
        guard let box = environment.actionSpace as? Box<Float> else { return }
        guard box.low.count == actionCount, box.low.allSatisfy({ $0 == -1 }), box.high.allSatisfy({ $0 == 1 }) else {
            throw GymError("SAC acts in [-1, 1] with \(actionCount) components; this environment's actions are \(box): wrap it in RescaleAction")
        }
    }
}
