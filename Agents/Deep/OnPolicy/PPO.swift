import Gym
import NeuralNetwork
import TensorCore

/// Proximal policy optimization (Schulman et al., 2017) with the implementation details CleanRL documents: a clipped
/// surrogate objective optimized for several epochs over every rollout of N environment copies.
///
/// Each ``trainRollout(in:)`` plays T steps of N copies with one batched forward pass per step, estimates advantages
/// with GAE(λ) (bootstrapping through time-limit cuts from the final observation, never through termination), then
/// for E epochs over the rollout shuffled into minibatches takes one Adam step (ε 1e-5) on
///
///     L = −mean min(ρ Â, clip(ρ, 1 − ε, 1 + ε) Â)
///         + c_v · ½ mean max((V − R)², (V_old + clip(V − V_old, −ε, ε) − R)²)  − c_e · mean H(π)
///
/// where ρ = π(a|s) / π_old(a|s), Â is the advantage standardized over the minibatch, R = Â + V_old the return,
/// and the value clipping optional (½ mean (V − R)² without it). The gradients' global norm is clipped, the learning
/// rate (and optionally ε) annealed linearly to 0, and every layer initialized orthogonally (``PolicyValueNetwork``).
///
/// The `Head` is the policy's distribution: ``CategoricalHead`` for discrete actions (``PPO``), ``GaussianHead`` for
/// continuous ones (``GaussianPPO``: a diagonal Gaussian with a state-independent log σ, CleanRL's
/// `ppo_continuous_action`), where H(π) is the Gaussian's entropy.
public final class ProximalPolicyOptimization<Encoder: ObservationEncoder, Head: PolicyHead>:
    RolloutActorCritic<Encoder, Head> {
    /// Creates an agent with a freshly initialized network for `actionCount` actions (or action components),
    /// optimized by Adam (ε 1e-5).
    public init(encoder: Encoder, actionCount: Int, configuration: Configuration = Configuration()) throws {
        try super.init(encoder: encoder, actionCount: actionCount, configuration: configuration, name: "PPO") {
            Adam(parameters: $0, learningRate: $1, epsilon: 1e-5)
        }
    }

    // MARK: - Training

    /// Plays one rollout in `environments`, then learns from it for ``OnPolicyConfiguration/updateEpochs`` epochs;
    /// returns the episodes that ended during the rollout.
    public func trainRollout<E: Environment>(in environments: BatchedEnvironment<E, Encoder>) throws -> [TrainingEpisode]
    where E.Observation == Encoder.Observation, E.Action == Head.Action {
        // ε is annealed like the learning rate: by the share of the budget still ahead (CleanRL's `frac`).
        let clip = Float(configuration.clipCoefficient
                         * (configuration.annealClipCoefficient ? configuration.remainingFraction(after: stepsTaken) : 1))
        let episodes = try collect(in: environments)

        // E epochs over the rollout, each shuffled (Fisher–Yates) into minibatches.
        var order = Array(0..<rollout.size)
        for _ in 0..<configuration.updateEpochs {
            for index in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(index, generator.nextInt(below: index + 1))
            }
            for start in stride(from: 0, to: order.count, by: configuration.minibatchSize) where !stopRequested {
                let rows = order[start..<min(start + configuration.minibatchSize, order.count)]
                try update(on: rollout.minibatch(rows), clip: clip)
            }
        }
        return episodes
    }

    /// One Adam step on the PPO loss of a minibatch.
    private func update(on batch: Rollout<Encoder, Head>.Minibatch, clip: Float) throws {
        let (outputs, values) = network.evaluate(batch.inputs)
        let (logProbabilities, entropy) = head.evaluate(outputs, logStandardDeviation: network.logStandardDeviation?.value,
                                                        actions: batch.actions)
        let policyLoss = PPOLoss.clippedSurrogate(
            logProbabilities: logProbabilities,
            oldLogProbabilities: batch.logProbabilities,
            advantages: batch.advantages(standardized: configuration.normalizeAdvantages), clip: clip)
        let valueLoss = configuration.clipValueLoss
            ? PPOLoss.clippedValueLoss(values: values, oldValues: batch.values, returns: batch.returns, clip: clip)
            : 0.5 * (values - batch.returns).squared().mean()
        let loss = policyLoss + Float(configuration.valueCoefficient) * valueLoss
            - Float(configuration.entropyCoefficient) * entropy
        try descend(loss, policyLoss: policyLoss, valueLoss: valueLoss, entropy: entropy)
    }
}

/// PPO's two clipped losses, on tensors that record gradients.
public enum PPOLoss {
    /// The clipped surrogate −mean min(ρ Â, clip(ρ, 1 − ε, 1 + ε) Â) with ρ = exp(log π − log π_old), computed as
    /// mean max(−ρ Â, −clip(ρ) Â). All three inputs are `[rows, 1]`.
    public static func clippedSurrogate(logProbabilities: Tensor, oldLogProbabilities: Tensor, advantages: Tensor,
                                        clip: Float) -> Tensor {
        let ratio = (logProbabilities - oldLogProbabilities).exp()
        return Tensor.maximum(-advantages * ratio, -advantages * ratio.clamped(min: 1 - clip, max: 1 + clip)).mean()
    }

    /// The clipped value loss ½ mean max((V − R)², (V_old + clip(V − V_old, −ε, ε) − R)²).
    public static func clippedValueLoss(values: Tensor, oldValues: Tensor, returns: Tensor, clip: Float) -> Tensor {
        let clipped = oldValues + (values - oldValues).clamped(min: -clip, max: clip)
        return 0.5 * Tensor.maximum((values - returns).squared(), (clipped - returns).squared()).mean()
    }
}

/// PPO on discrete actions: a categorical policy over the actor's logits.
public typealias PPO<Encoder: ObservationEncoder> = ProximalPolicyOptimization<Encoder, CategoricalHead>

/// PPO on continuous (`[Float]`) actions: a diagonal Gaussian policy with a state-independent log σ.
public typealias GaussianPPO<Encoder: ObservationEncoder> = ProximalPolicyOptimization<Encoder, GaussianHead>

/// PPO as a ``NeuralAgent`` and a ``RolloutLearner``.
extension ProximalPolicyOptimization: NeuralAgent, RolloutLearner {
    public static var agentName: String { "ppo" }
}
