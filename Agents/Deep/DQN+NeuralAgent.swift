import Gym
import NeuralNetwork

/// DQN as a ``NeuralAgent``, trained by a trainer on N copies as a ``RolloutLearner`` (a rollout being one step of
/// every copy; ``DQN/trainEpisode(in:)`` remains for a single environment). Its checkpoints hold the online network
/// (under PyTorch-style names such as `0.weight`), the target network (`target.0.weight`, …) and the optimizer's
/// state (Adam's moments or RMSProp's averages).
extension DQN: NeuralAgent, RolloutLearner {
    public typealias Packer = Encoder
    public static var agentName: String { "dqn" }

    public var checkpointedNetworks: [(prefix: String, network: any Layer, optimizer: (any CheckpointableOptimizer)?)] {
        [("", network, optimizer as? any CheckpointableOptimizer), ("target.", targetNetwork, nil)]
    }

    /// The greedy action's Q-value.
    public func stateValue(_ observation: Encoder.Observation) -> Double? {
        actionValues(observation).max().map(Double.init)
    }

    public var figures: LearningFigures {
        LearningFigures(epsilon: epsilon, loss: lastLoss, updates: updates, meanQ: lastMeanQ)
    }

    public func restoreCounters(steps: Int, episodes: Int, updates: Int) {
        stepsTaken = steps
        episodesCompleted = episodes
        self.updates = updates
    }
}
