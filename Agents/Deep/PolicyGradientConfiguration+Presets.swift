extension PolicyGradientConfiguration {
    /// Tuned for CartPole: 200k steps, one 128-unit hidden layer, Adam at 3e-3 for the policy and 1e-2 for the
    /// value baseline, one episode per update, standardized advantages, no entropy bonus. REINFORCE's 100-episode
    /// mean training return reaches 475 on every seed from 0 to 9 (between episodes 350 and 494), and the greedy
    /// policy then holds the pole for all 500 steps.
    public static var cartPole: PolicyGradientConfiguration {
        var configuration = PolicyGradientConfiguration()
        configuration.totalSteps = 200_000
        configuration.learningRate = 3e-3
        return configuration
    }

    /// Tuned for one-hot discrete-state environments (gridworlds, FrozenLake, CliffWalking, MDP files): 1M steps,
    /// batches of 4 episodes, Adam at 1e-2, entropy bonus 0.1 (an on-policy learner finds a far goal only while its
    /// policy stays random enough; without the bonus most seeds settle on looping until the time limit). On the
    /// default gridworld REINFORCE's greedy policy reaches the goal on every seed from 0 to 9.
    public static var discreteStates: PolicyGradientConfiguration {
        var configuration = PolicyGradientConfiguration()
        configuration.totalSteps = 1_000_000
        configuration.episodesPerUpdate = 4
        configuration.entropyCoefficient = 0.1
        return configuration
    }
}

extension PolicyGradientConfiguration {
    /// One-step actor-critic on CartPole: the REINFORCE preset with Adam at 3e-4 for the actor (per-step updates
    /// are noisier than REINFORCE's batches; 1e-3 and above collapse). Seeds 0–2 reach a 100-episode mean of
    /// 462–500 in 200k steps.
    public static var actorCriticCartPole: PolicyGradientConfiguration {
        var configuration = cartPole
        configuration.learningRate = 3e-4
        return configuration
    }

    /// One-step actor-critic on one-hot discrete states: REINFORCE's discrete-state settings over 200k steps.
    public static var actorCriticDiscreteStates: PolicyGradientConfiguration {
        var configuration = discreteStates
        configuration.totalSteps = 200_000
        return configuration
    }
}
