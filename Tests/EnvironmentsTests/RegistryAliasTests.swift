import Environments
import Gym
import Testing

/// Gymnasium's and MinAtar's ids in the standard registry.
@Suite struct RegistryAliasTests {
    static let gymnasiumIds = ["Acrobot-v1", "CartPole-v1", "CliffWalking-v1", "CliffWalkingSlippery-v1",
                               "FrozenLake-v1", "FrozenLake8x8-v1", "MountainCar-v0", "MountainCarContinuous-v0",
                               "Pendulum-v1"]
    static let minAtarIds = ["Asterix", "Breakout", "Freeway", "Seaquest", "SpaceInvaders"]
        .flatMap { ["MinAtar/\($0)-v0", "MinAtar/\($0)-v1"] }

    @Test func everyIdIsRegistered() {
        #expect(Registry.standard.aliases.map(\.name) == (Self.gymnasiumIds + Self.minAtarIds).sorted())
    }

    @Test(arguments: Registry.standard.aliases)
    func anAliasBuildsItsTargetWithItsFixedOptions(alias: EnvironmentAlias) throws {
        let viaAlias = try Registry.standard.make(alias.name)
        let direct = try Registry.standard.make(alias.target, options: EnvironmentOptions(alias.fixedOptions))
        #expect(type(of: viaAlias) == type(of: direct))
        #expect(try trajectory(viaAlias) == trajectory(direct))
    }

    /// Gymnasium's and MinAtar's registrations (which the aliases state) agree with our specs' limits and
    /// thresholds; a change on either side shows here.
    @Test(arguments: Registry.standard.aliases)
    func anAliasHasItsTargetsLimitAndThreshold(alias: EnvironmentAlias) throws {
        let spec = try Registry.standard.spec(named: alias.name)
        let target = try Registry.standard.spec(named: alias.target)
        #expect(spec.name == alias.name && spec.canonicalName == target.name && spec.family == target.family)
        #expect(spec.maxEpisodeSteps == target.maxEpisodeSteps && spec.rewardThreshold == target.rewardThreshold)
    }

    @Test func gymnasiumValuesAreTheRegisteredOnes() throws {
        let expected: [String: (steps: Int?, threshold: Double?)] = [
            "CartPole-v1": (500, 475), "FrozenLake-v1": (100, 0.70), "FrozenLake8x8-v1": (200, 0.85),
            "CliffWalking-v1": (nil, nil), "CliffWalkingSlippery-v1": (nil, nil), "MinAtar/Breakout-v1": (nil, nil),
            "Acrobot-v1": (500, -100), "MountainCar-v0": (200, -110), "MountainCarContinuous-v0": (999, 90),
            "Pendulum-v1": (200, nil),
        ]
        for (name, values) in expected {
            let spec = try Registry.standard.spec(named: name)
            #expect(spec.maxEpisodeSteps == values.steps && spec.rewardThreshold == values.threshold, "\(name)")
        }
    }

    @Test func gymnasiumOptionNamesAndValuesAreTranslated() throws {
        for spelling in ["false", "False", "0"] {
            let lake = try lakeModel("FrozenLake-v1", ["is_slippery": spelling])
            #expect(lake.transitions(state: 0, action: 2).count == 1, "is_slippery=\(spelling)")
        }
        #expect(try lakeModel("FrozenLake-v1", ["is_slippery": "True"]).transitions(state: 0, action: 2).count == 3)
        // map_name picks the map; the id keeps its own time limit, as in Gymnasium.
        let big = try #require(try Registry.standard.make("FrozenLake-v1", options: EnvironmentOptions(["map_name": "8x8"]))
            as? TimeLimit<GridWorld>)
        #expect(big.base.stateCount == 64 && big.maxEpisodeSteps == 100)
        #expect(try lakeModel("FrozenLake8x8-v1", ["map_name": "4x4"]).stateCount == 16)
        // CliffWalkingSlippery-v1 fixes slippery=true; the caller's is_slippery overrides it.
        #expect(try lakeModel("CliffWalkingSlippery-v1", [:]).transitions(state: 25, action: 1).count == 3)
        #expect(try lakeModel("CliffWalkingSlippery-v1", ["is_slippery": "false"]).transitions(state: 25, action: 1).count == 1)
    }

    @Test func minAtarIdsChooseTheActionSet() throws {
        #expect(try actionCount("MinAtar/Breakout-v1") == 3)
        #expect(try actionCount("MinAtar/Breakout-v0") == 6)
        #expect(try actionCount("MinAtar/Breakout-v1", ["use_minimal_action_set": "False"]) == 6)
        #expect(try actionCount("MinAtar/Breakout-v0", ["use_minimal_action_set": "1"]) == 3)
        #expect(try actionCount("MinAtar/Seaquest-v1", ["sticky_action_prob": "0", "difficulty_ramping": "false"]) == 6)
        #expect {
            try Registry.standard.make("MinAtar/Breakout-v1", options: EnvironmentOptions(["use_minimal_action_set": "maybe"]))
        } throws: { error in
            (error as? GymError)?.message == "option 'use_minimal_action_set' must be one of false, true, got 'maybe'"
        }
    }

    @Test func anAliasSpecListsBothKindsOfOptionNames() throws {
        let spec = try Registry.standard.spec(named: "MinAtar/Asterix-v1")
        let defaults = Dictionary(uniqueKeysWithValues: spec.options.map { ($0.name, $0.defaultValue) })
        #expect(defaults == ["sticky_probability": "0.1", "action_set": "minimal", "difficulty_ramping": "true",
                             "sticky_action_prob": "0.1", "use_minimal_action_set": "true"])
        let lake = try Registry.standard.spec(named: "FrozenLake8x8-v1")
        #expect(lake.options.map(\.name) == ["slippery", "success_rate", "size", "map", "is_slippery", "map_name"])
        #expect(lake.options.last?.defaultValue == "8x8")
        let pendulum = try Registry.standard.spec(named: "Pendulum-v1")
        #expect(pendulum.options.map { "\($0.name)=\($0.defaultValue)" } == ["gravity=10", "g=10"])
    }

    @Test func oneSettingUnderBothNamesIsRejected() {
        #expect {
            try Registry.standard.make("FrozenLake-v1", options: EnvironmentOptions(["is_slippery": "false", "slippery": "true"]))
        } throws: { error in
            (error as? GymError)?.message == "options 'is_slippery' and 'slippery' set the same thing; give one of them"
        }
        #expect(throws: GymError.self) {
            try Registry.standard.make("CartPole-v1", options: EnvironmentOptions(["sutton_barto_reward": "true"]))
        }
    }

    @Test func unknownNamesListBothKinds() {
        #expect {
            try Registry.standard.spec(named: "FrozenLake-v2")
        } throws: { error in
            let message = (error as? GymError)?.message ?? ""
            return message.hasPrefix("unknown environment 'FrozenLake-v2' (did you mean 'FrozenLake-v1'?); valid environments: acrobot, ")
                && message.hasSuffix("; aliases: \((Self.gymnasiumIds + Self.minAtarIds).sorted().joined(separator: ", "))")
        }
    }

    @Test func registeringABrokenAliasSaysWhy() {
        var registry = Registry.standard
        #expect(throws: GymError("an environment named 'CartPole-v1' is already registered")) {
            try registry.register(EnvironmentAlias("CartPole-v1", for: "cartpole", maxEpisodeSteps: 500, rewardThreshold: 475))
        }
        #expect(throws: GymError("an environment named 'cartpole' is already registered")) {
            try registry.register(EnvironmentAlias("cartpole", for: "frozenlake", maxEpisodeSteps: nil, rewardThreshold: nil))
        }
        #expect(throws: GymError.self) {
            try registry.register(EnvironmentAlias("Lake-v0", for: "lake", maxEpisodeSteps: nil, rewardThreshold: nil))
        }
        #expect(throws: GymError("the alias 'Lake-v0' cannot stand for 'frozenlake': 'frozenlake' has no option 'slipery'")) {
            try registry.register(EnvironmentAlias("Lake-v0", for: "frozenlake", fixedOptions: ["slipery": "false"],
                                                   maxEpisodeSteps: nil, rewardThreshold: nil))
        }
        #expect(throws: GymError("the alias 'Lake-v0' cannot stand for 'frozenlake': 'map' is already an option of 'frozenlake'")) {
            try registry.register(EnvironmentAlias("Lake-v0", for: "frozenlake", optionNames: [.init("map", for: "size")],
                                                   maxEpisodeSteps: nil, rewardThreshold: nil))
        }
    }

    // MARK: - Helpers

    /// `name` built with `options`, as a tabular model.
    private func lakeModel(_ name: String, _ options: [String: String]) throws -> any TabularModel {
        try #require(try Registry.standard.make(name, options: EnvironmentOptions(options)).capability(TabularModel.self))
    }

    /// The size of the action space of `name` built with `options`.
    private func actionCount(_ name: String, _ options: [String: String] = [:]) throws -> Int {
        try #require(try Registry.standard.make(name, options: EnvironmentOptions(options)).actionSpace as? Discrete).count
    }

    /// What 200 seeded random steps show, episode after episode.
    private func trajectory<E: Environment>(_ environment: E) throws -> [String] {
        var environment = environment
        var generator = RandomGenerator(seed: 3)
        var seen = ["\(environment.reset(seed: 1))"]
        for _ in 0..<200 {
            let step = try environment.step(environment.actionSpace.sample(using: &generator))
            seen.append("\(step.observation) \(step.reward) \(step.terminated) \(step.truncated)")
            if step.terminated || step.truncated { seen.append("\(environment.reset())") }
        }
        return seen
    }
}
