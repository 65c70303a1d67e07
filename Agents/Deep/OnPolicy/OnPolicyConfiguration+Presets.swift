extension OnPolicyConfiguration {
    /// PPO on CartPole: RL Baselines3 Zoo's tuned CartPole-v1 PPO (`hyperparams/ppo.yml`): 8 copies × 32 steps, one
    /// minibatch of 256, 20 epochs, γ 0.98, λ 0.8, no entropy bonus, learning rate 1e-3 and clipping ε 0.2 both
    /// annealed linearly to 0 (`lin_0.001`, `lin_0.2`), 100k steps. The rest are Stable-Baselines3's PPO defaults:
    /// separate 64-64 tanh actor and critic, orthogonal initialization, Adam ε 1e-5, gradient norm 0.5, advantages
    /// standardized per minibatch, no value clipping, and a value weight of 0.5 on the loss mean (V − R)², which is
    /// 1 on our ½ mean (V − R)².
    public static var ppoCartPole: OnPolicyConfiguration {
        var configuration = OnPolicyConfiguration()
        configuration.totalSteps = 100_000
        configuration.environmentCount = 8
        configuration.rolloutSteps = 32
        configuration.minibatchSize = 256
        configuration.updateEpochs = 20
        configuration.discount = 0.98
        configuration.gaeLambda = 0.8
        configuration.entropyCoefficient = 0
        configuration.learningRate = 1e-3
        configuration.annealClipCoefficient = true
        configuration.clipValueLoss = false
        configuration.valueCoefficient = 1
        return configuration
    }

    /// PPO on the MinAtar games' channel grids: Pgx's MinAtar PPO example (`examples/minatar-ppo/train.py`, after
    /// PureJaxRL): Adam at 3e-4 without annealing, γ 0.99, λ 0.95, ε 0.2 with value clipping, entropy 0.01, value
    /// weight 0.5, gradient norm 0.5, 128 steps per rollout, minibatches of 4096, 3 epochs, 20M steps, and its network
    /// (the `minatar` body of ``PolicyValueNetwork``: conv 32 2x2 → average pool → 64, heads 64 tanh 64 tanh). Scaled
    /// to two cores: 128 copies instead of 4096, so a rollout is 16,384 transitions in 4 minibatches; with the
    /// minibatch size and epochs kept, 20M steps make the same 14,600 gradient steps as Pgx's run.
    public static var ppoMinAtar: OnPolicyConfiguration {
        var configuration = OnPolicyConfiguration()
        configuration.totalSteps = 20_000_000
        configuration.environmentCount = 128
        configuration.rolloutSteps = 128
        configuration.minibatchSize = 4_096
        configuration.updateEpochs = 3
        configuration.learningRate = 3e-4
        configuration.annealLearningRate = false
        configuration.hiddenLayers = [64, 64, 64]
        configuration.network = .minatar
        return configuration
    }

    /// PPO on 84x84 frame stacks (`--pixels 84`): CleanRL's `ppo_atari.py`: 8 copies × 128 steps, 4 minibatches of
    /// 256, 4 epochs, Adam at 2.5e-4 annealed, γ 0.99, λ 0.95, ε 0.1 with value clipping, entropy 0.01, value weight
    /// 0.5, gradient norm 0.5, 10M steps, the Nature CNN trunk with 512 units and linear heads.
    public static var ppoNatureAtari: OnPolicyConfiguration {
        var configuration = OnPolicyConfiguration()
        configuration.totalSteps = 10_000_000
        configuration.environmentCount = 8
        configuration.rolloutSteps = 128
        configuration.minibatchSize = 256
        configuration.clipCoefficient = 0.1
        configuration.hiddenLayers = [512]
        configuration.network = .nature
        return configuration
    }

    /// PPO on one-hot discrete states (gridworlds, FrozenLake, CliffWalking, MDP files): CleanRL's `ppo.py` defaults
    /// (4 copies × 128 steps, 4 minibatches of 128, 4 epochs, Adam at 2.5e-4 annealed, entropy 0.01, value clipping)
    /// over 200k steps.
    public static var ppoDiscreteStates: OnPolicyConfiguration {
        var configuration = OnPolicyConfiguration()
        configuration.totalSteps = 200_000
        return configuration
    }
}

extension OnPolicyConfiguration {
    /// A2C on CartPole: RL Baselines3 Zoo's CartPole-v1 A2C (`hyperparams/a2c.yml`: 8 copies, 500k steps, no entropy
    /// bonus) with Stable-Baselines3's A2C defaults: 5 steps per rollout, RMSProp at 7e-4 (α 0.99, ε 1e-5) without
    /// annealing, γ 0.99, λ 1 (n-step returns), gradient norm 0.5, advantages not standardized, separate 64-64 tanh
    /// actor and critic initialized orthogonally, value weight 0.5 on mean (V − R)² (1 on our ½ mean (V − R)²).
    public static var a2cCartPole: OnPolicyConfiguration {
        var configuration = a2cDefaults
        configuration.totalSteps = 500_000
        configuration.entropyCoefficient = 0
        return configuration
    }

    /// A2C on one-hot states, channel grids and frames: Stable-Baselines3's A2C defaults with RL Baselines3 Zoo's
    /// Atari A2C choices (16 copies, entropy 0.01, value weight 0.25 on mean (V − R)², 0.5 here), over 1M steps, with
    /// the network body the observation calls for. (The zoo's Atari run uses TensorFlow-style RMSProp, ε inside the
    /// square root, and 10M steps.)
    public static var a2cOther: OnPolicyConfiguration {
        var configuration = a2cDefaults
        configuration.totalSteps = 1_000_000
        configuration.environmentCount = 16
        configuration.entropyCoefficient = 0.01
        configuration.valueCoefficient = 0.5
        return configuration
    }

    /// Stable-Baselines3's A2C defaults on 8 copies (see ``a2cCartPole``).
    static var a2cDefaults: OnPolicyConfiguration {
        var configuration = OnPolicyConfiguration()
        configuration.environmentCount = 8
        configuration.rolloutSteps = 5
        configuration.learningRate = 7e-4
        configuration.annealLearningRate = false
        configuration.gaeLambda = 1
        configuration.normalizeAdvantages = false
        configuration.valueCoefficient = 1
        return configuration
    }
}
