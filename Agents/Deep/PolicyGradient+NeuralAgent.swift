import NeuralNetwork

/// REINFORCE as a ``NeuralAgent``. Its checkpoints hold the policy (`policy.0.weight`, …), the value network when it is the baseline
/// (`value.…`) and both Adam optimizers' moments.
extension Reinforce: NeuralAgent, EpisodeLearner {
    public static var agentName: String { "reinforce" }

    public var checkpointedNetworks: [(prefix: String, network: any Layer, optimizer: (any CheckpointableOptimizer)?)] {
        networks.checkpointed
    }

    public var figures: LearningFigures {
        LearningFigures(loss: lastLoss, updates: updates, valueLoss: lastValueLoss, entropy: lastEntropy)
    }

    public func restoreCounters(steps: Int, episodes: Int, updates: Int) {
        stepsTaken = steps
        episodesCompleted = episodes
        self.updates = updates
    }
}

/// Actor-critic as a ``NeuralAgent``. Its checkpoints hold the actor (`policy.…`), the critic (`value.…`) and their Adam moments.
extension ActorCritic: NeuralAgent, EpisodeLearner {
    public static var agentName: String { "actor-critic" }

    public var checkpointedNetworks: [(prefix: String, network: any Layer, optimizer: (any CheckpointableOptimizer)?)] {
        networks.checkpointed
    }

    public var figures: LearningFigures { LearningFigures(loss: lastLoss, updates: updates, valueLoss: lastValueLoss) }

    public func restoreCounters(steps: Int, episodes: Int, updates: Int) {
        stepsTaken = steps
        episodesCompleted = episodes
        self.updates = updates
    }
}

extension PolicyNetworks {
    /// The networks under their checkpoint prefixes.
    var checkpointed: [(prefix: String, network: any Layer, optimizer: (any CheckpointableOptimizer)?)] {
        [("policy.", policy, policyOptimizer)] + (value.map { [("value.", $0, valueOptimizer)] } ?? [])
    }
}
