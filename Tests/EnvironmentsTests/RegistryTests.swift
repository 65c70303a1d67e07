import Environments
import Gym
import Testing

@Suite struct RegistryTests {
    @Test(arguments: ["gridworld", "frozenlake", "frozenlake8x8", "cliffwalking", "garnet", "cartpole", "acrobot",
                      "mountaincar", "mountaincar-continuous", "pendulum"])
    func everyRegisteredEnvironmentPassesTheChecker(name: String) throws {
        let environment = try Registry.standard.make(name)
        let failures = check(environment).filter { !$0.passed }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func registryListsItsEnvironments() {
        #expect(Registry.standard.names == ["acrobot", "asterix", "breakout", "cartpole", "cliffwalking", "freeway",
                                            "frozenlake", "frozenlake8x8", "garnet", "gridworld", "mdp", "mountaincar",
                                            "mountaincar-continuous", "pendulum", "seaquest", "space-invaders"])
    }

    @Test func unknownNamesAndOptionsListWhatIsValid() {
        #expect {
            try Registry.standard.make("frozen-lake")
        } throws: { error in
            (error as? GymError)?.message.hasPrefix("unknown environment 'frozen-lake' (did you mean 'frozenlake'?); valid environments: acrobot, asterix, breakout, cartpole, cliffwalking, freeway, frozenlake, frozenlake8x8, garnet, gridworld, mdp, mountaincar, mountaincar-continuous, pendulum, seaquest, space-invaders; aliases: Acrobot-v1, CartPole-v1, ") == true
        }
        #expect {
            try Registry.standard.make("frozenlake", options: EnvironmentOptions(["slipery": "false"]))
        } throws: { error in
            (error as? GymError)?.message.contains("has no option 'slipery'; valid options: slippery, success_rate, size, map") == true
        }
        #expect {
            try Registry.standard.make("frozenlake", options: EnvironmentOptions(["slippery": "maybe"]))
        } throws: { error in
            (error as? GymError)?.message.contains("slippery") == true
        }
        #expect(throws: GymError.self) { try Registry.standard.make("mdp") }
    }

    @Test func registryAppliesTimeLimitsAndOptions() throws {
        let lake = try Registry.standard.make("frozenlake", options: EnvironmentOptions(["slippery": "false"]))
        let limited = try #require(lake as? TimeLimit<GridWorld>)
        #expect(limited.maxEpisodeSteps == 100)
        #expect(limited.capability(TabularModel.self)?.transitions(state: 0, action: 2).count == 1)
        #expect(try Registry.standard.make("cliffwalking") is GridWorld)
    }

    @Test func frozenLakeSizeChoosesTheBuiltInMap() throws {
        let big = try #require(try Registry.standard.make("frozenlake", options: EnvironmentOptions(["size": "8x8"]))
            as? TimeLimit<GridWorld>)
        #expect(big.base.stateCount == 64 && big.maxEpisodeSteps == 100)
        #expect(throws: GymError("option 'size' must be one of 4x4, 8x8, got '5x5'")) {
            try Registry.standard.make("frozenlake", options: EnvironmentOptions(["size": "5x5"]))
        }
        #expect(throws: GymError("options 'map' and 'size' both choose the map; give one of them")) {
            try Registry.standard.make("frozenlake8x8", options: EnvironmentOptions(["size": "4x4", "map": "lake.txt"]))
        }
    }

    private func check<E: Environment>(_ environment: E) -> [CheckResult] {
        EnvironmentChecker.check(environment, seed: 5, steps: 2000)
    }
}
