import Gym

extension Registry {
    /// The built-in environments: `gridworld`, `frozenlake`, `frozenlake8x8`, `cliffwalking`, the classic-control
    /// tasks `cartpole`, `acrobot`, `mountaincar`, `mountaincar-continuous` and `pendulum`, `mdp`, `garnet`, and the
    /// arcade games `breakout`, `space-invaders`, `freeway`, `asterix`, `seaquest`; and Gymnasium's
    /// and MinAtar's ids for them (`FrozenLake-v1`, `MinAtar/Breakout-v1` …, see ``gymnasiumAliases`` and
    /// ``minAtarAliases``).
    ///
    /// Copy it and `register(_:)` your own types and aliases to extend it.
    public static let standard: Registry = {
        var registry = Registry()
        // The built-in names are distinct and every alias names a built-in environment and its options, so
        // registering cannot fail (RegistryTests and RegistryAliasTests check that every name and alias is there).
        for spec in toyTextSpecs + classicControlSpecs + mdpSpecs + arcadeSpecs {
            try? registry.register(spec)
        }
        for alias in gymnasiumAliases + minAtarAliases {
            try? registry.register(alias)
        }
        return registry
    }()

    private static let mapOption = EnvironmentOption("map", default: "built-in", "path of a text map file (legend: \(GridMap.legend))")

    /// Gymnasium's two FrozenLake maps by their `map_name`.
    private static let frozenLakeMaps = ["4x4": GridWorld.frozenLake4x4Map, "8x8": GridWorld.frozenLake8x8Map]

    private static func frozenLakeSpec(name: String, size: String, threshold: Double, steps: Int) -> EnvironmentSpec {
        EnvironmentSpec(
            name: name,
            summary: "FrozenLake \(size) with Gymnasium's dynamics: cross the ice to the goal without falling in a hole",
            family: "toy-text", rewardThreshold: threshold, maxEpisodeSteps: steps,
            options: [
                EnvironmentOption("slippery", default: "true", "moves slip to a perpendicular direction"),
                EnvironmentOption("success_rate", default: "0.3333333333333333", "probability of the intended move when slippery"),
                EnvironmentOption("size", default: size, "the built-in map: \(frozenLakeMaps.keys.sorted().joined(separator: " or "))"),
                mapOption,
            ],
            renderFPS: 4
        ) { options in
            try GridWorld.frozenLake(map: frozenLakeMap(options, size: size),
                                     slippery: options.bool("slippery", default: true),
                                     successRate: options.double("success_rate", default: 1.0 / 3.0))
        }
    }

    /// The map text the options choose: the `map` file, or the built-in map of `size` (`size` by default).
    private static func frozenLakeMap(_ options: EnvironmentOptions, size defaultSize: String) throws -> String {
        if let path = options.string("map") {
            guard options.string("size") == nil else {
                throw GymError("options 'map' and 'size' both choose the map; give one of them")
            }
            return try GridMap(contentsOfFile: path).description
        }
        let size = options.string("size") ?? defaultSize
        guard let map = frozenLakeMaps[size] else {
            throw GymError("option 'size' must be one of \(frozenLakeMaps.keys.sorted().joined(separator: ", ")), got '\(size)'")
        }
        return map
    }

    private static var toyTextSpecs: [EnvironmentSpec] {
        [
            EnvironmentSpec(
                name: "gridworld",
                summary: "a 7x10 maze with walls and pits: reach the goal in the far corner (+1, pits -1, -0.01 a step)",
                family: "toy-text", rewardThreshold: 0.8, maxEpisodeSteps: 200,
                options: [
                    mapOption,
                    EnvironmentOption("slippery", default: "false", "moves go sideways with probability 0.1 each"),
                    EnvironmentOption("step_reward", default: "-0.01", "reward for each ordinary move"),
                    EnvironmentOption("goal_reward", default: "1", "reward for entering a goal"),
                    EnvironmentOption("hole_reward", default: "-1", "reward for entering a pit"),
                    EnvironmentOption("cliff_reward", default: "-1", "reward for entering a cliff (back to start)"),
                ],
                renderFPS: 8
            ) { options in
                let maze = try GridWorld.maze(map: options.string("map").map(GridMap.init(contentsOfFile:)),
                                              slippery: options.bool("slippery", default: false))
                var configuration = maze.configuration
                configuration.rewards = try GridWorld.Rewards(
                    step: options.double("step_reward", default: configuration.rewards.step),
                    goal: options.double("goal_reward", default: configuration.rewards.goal),
                    hole: options.double("hole_reward", default: configuration.rewards.hole),
                    cliff: options.double("cliff_reward", default: configuration.rewards.cliff))
                return try GridWorld(map: maze.map, configuration: configuration)
            },
            frozenLakeSpec(name: "frozenlake", size: "4x4", threshold: 0.70, steps: 100),
            frozenLakeSpec(name: "frozenlake8x8", size: "8x8", threshold: 0.85, steps: 200),
            EnvironmentSpec(
                name: "cliffwalking",
                summary: "CliffWalking with Gymnasium's dynamics: walk along the cliff edge to the goal (-1 a step, -100 for falling)",
                family: "toy-text",
                options: [EnvironmentOption("slippery", default: "false", "moves slip to a perpendicular direction")],
                renderFPS: 4
            ) { options in
                try GridWorld.cliffWalking(slippery: options.bool("slippery", default: false))
            },
        ]
    }

    private static var classicControlSpecs: [EnvironmentSpec] {
        [
            EnvironmentSpec(
                name: "cartpole",
                summary: "CartPole-v1 with Gymnasium's dynamics: push the cart left or right to keep the pole upright (+1 a step)",
                family: "classic-control", rewardThreshold: 475, maxEpisodeSteps: 500, renderFPS: 50
            ) { _ in CartPole() },
            EnvironmentSpec(
                name: "acrobot",
                summary: "Acrobot-v1 with Gymnasium's dynamics: swing the end of a two-link chain above the line (-1 a step)",
                family: "classic-control", rewardThreshold: -100, maxEpisodeSteps: 500,
                options: [EnvironmentOption("torque_noise_max", default: "0", "largest uniform noise added to each torque")],
                renderFPS: 15
            ) { options in
                let noise = try options.double("torque_noise_max", default: 0)
                guard noise >= 0 else { throw GymError("option 'torque_noise_max' must be 0 or more, got \(noise)") }
                return Acrobot(torqueNoise: noise)
            },
            mountainCarSpec(
                name: "mountaincar",
                summary: "MountainCar-v0 with Gymnasium's dynamics: rock the car out of the valley to the flag (-1 a step)",
                threshold: -110, steps: 200, make: MountainCar.init(goalVelocity:)
            ),
            mountainCarSpec(
                name: "mountaincar-continuous",
                summary: "MountainCarContinuous-v0 with Gymnasium's dynamics: a continuous throttle, +100 at the flag, -0.1 a² a step",
                threshold: 90, steps: 999, make: MountainCarContinuous.init(goalVelocity:)
            ),
            EnvironmentSpec(
                name: "pendulum",
                summary: "Pendulum-v1 with Gymnasium's dynamics: swing the pendulum up and hold it with a torque in [-2, 2]",
                family: "classic-control", maxEpisodeSteps: 200,
                options: [EnvironmentOption("gravity", default: "10", "gravity, m/s²")], renderFPS: 30
            ) { options in
                try Pendulum(gravity: options.double("gravity", default: Pendulum.defaultGravity))
            },
        ]
    }

    /// A mountain car's spec: Gymnasium's frame rate and its `goal_velocity` option, passed to `make`.
    private static func mountainCarSpec(name: String, summary: String, threshold: Double, steps: Int,
                                        make: @escaping @Sendable (Double) -> any Environment) -> EnvironmentSpec {
        EnvironmentSpec(
            name: name, summary: summary, family: "classic-control", rewardThreshold: threshold, maxEpisodeSteps: steps,
            options: [EnvironmentOption("goal_velocity", default: "0", "least velocity at the flag that ends the episode")],
            renderFPS: 30
        ) { options in
            try make(options.double("goal_velocity", default: 0))
        }
    }

    private static var mdpSpecs: [EnvironmentSpec] {
        [
            EnvironmentSpec(
                name: "mdp",
                summary: "an explicit MDP loaded from a JSON file (option file; format in docs/mdp-format.md)",
                family: "mdp", maxEpisodeSteps: 1000,
                options: [EnvironmentOption("file", default: "required", "path of the MDP's JSON file")]
            ) { options in
                guard let path = options.string("file") else {
                    throw GymError("the 'mdp' environment needs a JSON file: give its path as the option 'file' (format in docs/mdp-format.md)")
                }
                return try TabularMDP(contentsOfFile: path)
            },
            EnvironmentSpec(
                name: "garnet",
                summary: "a seeded random Garnet MDP (uniform random transitions with a fixed branching factor)",
                family: "mdp", maxEpisodeSteps: 100,
                options: [
                    EnvironmentOption("states", default: "50", "number of states"),
                    EnvironmentOption("actions", default: "4", "number of actions"),
                    EnvironmentOption("branching", default: "3", "next states per (state, action)"),
                    EnvironmentOption("seed", default: "0", "seed of the generated model"),
                ]
            ) { options in
                let seed = try options.int("seed", default: 0)
                guard seed >= 0 else { throw GymError("the garnet option 'seed' must be a non-negative integer, got \(seed)") }
                return try TabularMDP.garnet(states: options.int("states", default: 50),
                                             actions: options.int("actions", default: 4),
                                             branching: options.int("branching", default: 3), seed: UInt64(seed))
            },
        ]
    }
}
