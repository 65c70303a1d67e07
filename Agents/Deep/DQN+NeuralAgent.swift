import NeuralNetwork

/// DQN as a ``NeuralAgent``. Its checkpoints hold the online network (under PyTorch-style names such as `0.weight`), the target network
/// (`target.0.weight`, …) and Adam's moments when Adam is the optimizer.
extension DQN: NeuralAgent {
    public static var agentName: String { "dqn" }

    public var checkpointedNetworks: [(prefix: String, network: Sequential, optimizer: Adam?)] {
        [("", network, optimizer as? Adam), ("target.", targetNetwork, nil)]
    }

    /// The greedy action's Q-value.
    public func stateValue(_ observation: Encoder.Observation) -> Double? {
        actionValues(observation).max().map(Double.init)
    }

    public var learningStatistics: LearningStatistics { LearningStatistics(meanQ: lastMeanQ) }

    public func restoreCounters(steps: Int, episodes: Int, updates: Int) {
        stepsTaken = steps
        episodesCompleted = episodes
        self.updates = updates
    }
}
