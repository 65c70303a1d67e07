extension OnPolicyConfiguration {
    /// PPO's preset for the continuous-action environment registered as `environmentName`: the zoo's Pendulum entry
    /// for `pendulum`, CleanRL's continuous-action defaults otherwise.
    public static func ppoContinuous(for environmentName: String) -> OnPolicyConfiguration {
        environmentName == "pendulum" ? ppoPendulum : ppoCleanRLContinuous
    }

    /// PPO on Pendulum: RL Baselines3 Zoo's tuned Pendulum-v1 PPO (`hyperparams/ppo.yml`): 4 copies × 1024 steps,
    /// 10 epochs, γ 0.9, λ 0.95, no entropy bonus, learning rate 1e-3 and clipping ε 0.2 (both constant), 100k steps.
    /// The rest are Stable-Baselines3's PPO defaults: minibatches of 64, separate 64-64 tanh actor and critic,
    /// orthogonal initialization, log σ starting at 0, Adam ε 1e-5, gradient norm 0.5, advantages standardized per
    /// minibatch, no value clipping, and a value weight of 0.5 on the loss mean (V − R)², which is 1 on our ½ mean
    /// (V − R)². One deviation: the zoo explores with generalized state-dependent exploration (gSDE, `use_sde` with
    /// `sde_sample_freq` 4); this PPO's Gaussian has a state-independent log σ instead (CleanRL's
    /// `ppo_continuous_action`).
    public static var ppoPendulum: OnPolicyConfiguration {
        var configuration = OnPolicyConfiguration()
        configuration.totalSteps = 100_000
        configuration.environmentCount = 4
        configuration.rolloutSteps = 1_024
        configuration.minibatchSize = 64
        configuration.updateEpochs = 10
        configuration.discount = 0.9
        configuration.gaeLambda = 0.95
        configuration.entropyCoefficient = 0
        configuration.learningRate = 1e-3
        configuration.annealLearningRate = false
        configuration.clipValueLoss = false
        configuration.valueCoefficient = 1
        return configuration
    }

    /// PPO on other continuous-action environments: CleanRL's `ppo_continuous_action.py` defaults: 1M steps of one
    /// copy × 2048 steps, 32 minibatches (of 64), 10 epochs, Adam at 3e-4 annealed, γ 0.99, λ 0.95, ε 0.2 with value
    /// clipping, no entropy bonus, value weight 0.5, gradient norm 0.5. CleanRL also normalizes observations and
    /// rewards (and clips both to ±10); this preset does not wrap the environment in them.
    public static var ppoCleanRLContinuous: OnPolicyConfiguration {
        var configuration = OnPolicyConfiguration()
        configuration.totalSteps = 1_000_000
        configuration.environmentCount = 1
        configuration.rolloutSteps = 2_048
        configuration.minibatchSize = 64
        configuration.updateEpochs = 10
        configuration.learningRate = 3e-4
        configuration.entropyCoefficient = 0
        return configuration
    }
}

extension OnPolicyConfiguration {
    /// A2C's preset for the continuous-action environment registered as `environmentName`: the zoo's Pendulum entry
    /// for `pendulum`, Stable-Baselines3's A2C defaults over 1M steps otherwise.
    public static func a2cContinuous(for environmentName: String) -> OnPolicyConfiguration {
        environmentName == "pendulum" ? a2cPendulum : a2cStableBaselinesContinuous
    }

    /// A2C on Pendulum: RL Baselines3 Zoo's tuned Pendulum-v1 A2C (`hyperparams/a2c.yml`): 8 copies × 8 steps, γ 0.9,
    /// λ 0.9, no entropy bonus, value weight 0.4 on mean (V − R)² (0.8 on our ½ mean (V − R)²), gradient norm 0.5,
    /// advantages not standardized, RMSProp at 7e-4 annealed linearly to 0 (`lin_7e-4`), 1M steps; the rest are
    /// Stable-Baselines3's A2C defaults (separate 64-64 tanh actor and critic, RMSProp α 0.99, ε 1e-5). Deviations:
    /// the zoo explores with gSDE (`use_sde`, its log σ starting at −2) and drops orthogonal initialization; this A2C
    /// has a state-independent log σ starting at 0 and initializes orthogonally. The zoo also normalizes observations
    /// and rewards; `--normalize-observations` does the first.
    public static var a2cPendulum: OnPolicyConfiguration {
        var configuration = a2cDefaults
        configuration.totalSteps = 1_000_000
        configuration.rolloutSteps = 8
        configuration.discount = 0.9
        configuration.gaeLambda = 0.9
        configuration.entropyCoefficient = 0
        configuration.valueCoefficient = 0.8
        configuration.annealLearningRate = true
        return configuration
    }

    /// A2C on other continuous-action environments: Stable-Baselines3's A2C defaults (see ``a2cCartPole``) with its
    /// default of no entropy bonus, over 1M steps.
    public static var a2cStableBaselinesContinuous: OnPolicyConfiguration {
        var configuration = a2cDefaults
        configuration.totalSteps = 1_000_000
        configuration.entropyCoefficient = 0
        return configuration
    }
}
