import Gym

extension Registry {
    /// Gymnasium's ids for the built-in environments, as Gymnasium 1.2 and later register them
    /// (`gymnasium/envs/__init__.py`): the same time limits and reward thresholds, and Gymnasium's option names
    /// `is_slippery`, `map_name` and Pendulum's `g` (`success_rate` and `goal_velocity` are the same in both).
    ///
    /// Every id's limit and threshold agree with the built-in environment's. `CliffWalking-v1` replaced
    /// `CliffWalking-v0` in Gymnasium 1.2 (1.0 and 1.1 registered only v0); neither has a limit or a threshold.
    /// Gymnasium's `desc` (a map as a list of rows), FrozenLake's `reward_schedule` and CartPole's
    /// `sutton_barto_reward` have no counterpart here: give a map file with the `map`
    /// option (`--map FILE`) instead.
    public static let gymnasiumAliases: [EnvironmentAlias] = {
        let isSlippery = EnvironmentAlias.OptionName("is_slippery", for: "slippery")
        let frozenLakeNames = [isSlippery, EnvironmentAlias.OptionName("map_name", for: "size")]
        return [
            EnvironmentAlias("CartPole-v1", for: "cartpole", maxEpisodeSteps: 500, rewardThreshold: 475),
            EnvironmentAlias("Acrobot-v1", for: "acrobot", maxEpisodeSteps: 500, rewardThreshold: -100),
            EnvironmentAlias("MountainCar-v0", for: "mountaincar", maxEpisodeSteps: 200, rewardThreshold: -110),
            EnvironmentAlias("MountainCarContinuous-v0", for: "mountaincar-continuous", maxEpisodeSteps: 999,
                             rewardThreshold: 90),
            EnvironmentAlias("Pendulum-v1", for: "pendulum", optionNames: [EnvironmentAlias.OptionName("g", for: "gravity")],
                             maxEpisodeSteps: 200, rewardThreshold: nil),
            EnvironmentAlias("FrozenLake-v1", for: "frozenlake", optionNames: frozenLakeNames,
                             maxEpisodeSteps: 100, rewardThreshold: 0.70),
            EnvironmentAlias("FrozenLake8x8-v1", for: "frozenlake8x8", optionNames: frozenLakeNames,
                             maxEpisodeSteps: 200, rewardThreshold: 0.85),
            EnvironmentAlias("CliffWalking-v1", for: "cliffwalking", optionNames: [isSlippery],
                             maxEpisodeSteps: nil, rewardThreshold: nil),
            EnvironmentAlias("CliffWalkingSlippery-v1", for: "cliffwalking", fixedOptions: ["slippery": "true"],
                             optionNames: [isSlippery], maxEpisodeSteps: nil, rewardThreshold: nil),
        ]
    }()
}
