import Gym
import NeuralNetwork
import TensorCore

/// Synchronous advantage actor-critic, A2C (Mnih et al., 2016, in the synchronous form of OpenAI Baselines and
/// Stable-Baselines3): N copies of the environment step together for T steps, then one gradient step on the whole
/// rollout,
///
///     L = −mean(Â · log π(a|s)) + c_v · ½ mean (V − R)² − c_e · mean H(π)
///
/// with GAE(λ) advantages (λ = 1 gives Stable-Baselines3's n-step returns; a time-limit cut is bootstrapped from the
/// final observation, termination is not), RMSProp as Stable-Baselines3 configures it (α 0.99, ε 1e-5, outside the
/// square root as in PyTorch), global gradient-norm clipping and the orthogonally initialized ``PolicyValueNetwork``.
/// The advantages are standardized only with normalize-advantages, and the learning rate annealed only with
/// anneal-lr.
///
/// The `Head` is the policy's distribution, as for ``ProximalPolicyOptimization``: ``CategoricalHead`` for discrete
/// actions (``A2C``), ``GaussianHead`` for continuous ones (``GaussianA2C``: a diagonal Gaussian with a
/// state-independent log σ, where H(π) is the Gaussian's entropy).
public final class AdvantageActorCritic<Encoder: ObservationEncoder, Head: PolicyHead>: RolloutActorCritic<Encoder, Head> {
    /// Creates an agent with a freshly initialized network for `actionCount` actions, optimized by RMSProp.
    public init(encoder: Encoder, actionCount: Int, configuration: Configuration = Configuration()) throws {
        try super.init(encoder: encoder, actionCount: actionCount, configuration: configuration, name: "A2C") {
            RMSProp(parameters: $0, learningRate: $1, alpha: 0.99, epsilon: 1e-5)
        }
    }

    // MARK: - Training

    /// Plays one rollout in `environments`, then takes one gradient step on all of it; returns the episodes that
    /// ended during the rollout.
    public func trainRollout<E: Environment>(in environments: BatchedEnvironment<E, Encoder>) throws -> [TrainingEpisode]
    where E.Observation == Encoder.Observation, E.Action == Head.Action {
        let episodes = try collect(in: environments)
        let batch = rollout.minibatch(0..<rollout.size)
        let (outputs, values) = network.evaluate(batch.inputs)
        let (logProbabilities, entropy) = head.evaluate(outputs, logStandardDeviation: network.logStandardDeviation?.value,
                                                        actions: batch.actions)
        let advantages = batch.advantages(standardized: configuration.normalizeAdvantages)
        let policyLoss = -(logProbabilities * advantages).mean()
        let valueLoss = 0.5 * (values - batch.returns).squared().mean()
        let loss = policyLoss + Float(configuration.valueCoefficient) * valueLoss
            - Float(configuration.entropyCoefficient) * entropy
        try descend(loss, policyLoss: policyLoss, valueLoss: valueLoss, entropy: entropy)
        return episodes
    }
}

/// A2C on discrete actions: a categorical policy over the actor's logits.
public typealias A2C<Encoder: ObservationEncoder> = AdvantageActorCritic<Encoder, CategoricalHead>

/// A2C on continuous (`[Float]`) actions: a diagonal Gaussian policy with a state-independent log σ.
public typealias GaussianA2C<Encoder: ObservationEncoder> = AdvantageActorCritic<Encoder, GaussianHead>

/// A2C as a ``NeuralAgent`` and a ``RolloutLearner``.
extension AdvantageActorCritic: NeuralAgent, RolloutLearner {
    public static var agentName: String { "a2c" }
}
