import Gym
import NeuralNetwork
import TensorCore

/// SAC as a ``NeuralAgent``. Its checkpoints hold the actor (`actor.latent_pi.0.weight`, `actor.mu.weight`, …, with
/// its Adam state), the twin critics (`qf.0.0.weight` is Q₁'s first weight, `qf.1.0.weight` Q₂'s, with their shared
/// Adam state), the target critics (`qf_target.…`) and log α (`ent_coef.log_ent_coef`, with its Adam state).
extension SAC: NeuralAgent, EpisodeLearner {
    public static var agentName: String { "sac" }

    public var checkpointedNetworks: [(prefix: String, network: any Layer, optimizer: (any CheckpointableOptimizer)?)] {
        [("actor.", policy, policyOptimizer), ("qf.", CriticPair(critics), criticOptimizer),
         ("qf_target.", CriticPair(targetCritics), nil), ("ent_coef.", entropyCoefficient, entropyOptimizer)]
    }

    /// The mean action's soft value min(Q₁, Q₂)(s, tanh μ(s)).
    public func stateValue(_ observation: Encoder.Observation) -> Double? {
        let features = encoder.features(observation)
        let input = Tensor(shape: [1, features.count + actionCount], scalars: features + greedyAction(observation))
        return withoutGradient { critics.map { Double($0(input).item) }.min() }
    }

    public var figures: LearningFigures {
        LearningFigures(loss: lastLoss, updates: updates, meanQ: lastMeanQ, valueLoss: lastCriticLoss,
                        entropy: lastEntropy)
    }

    public func restoreCounters(steps: Int, episodes: Int, updates: Int) {
        stepsTaken = steps
        episodesCompleted = episodes
        self.updates = updates
    }
}

/// The twin critics as one layer, so that one optimizer's state is saved with both (`0.0.weight` is Q₁'s first
/// weight, `1.0.weight` Q₂'s).
final class CriticPair: Layer {
    let critics: [Sequential]

    init(_ critics: [Sequential]) {
        self.critics = critics
    }

    func callAsFunction(_ input: Tensor) -> Tensor { critics[0](input) }

    var namedParameters: [(name: String, parameter: Parameter)] {
        critics.enumerated().flatMap { index, critic in
            critic.namedParameters.map { ("\(index)." + $0.name, $0.parameter) }
        }
    }
}
