import Gym
import Testing

/// Breaks the contract in the way `flaw` says.
struct Flawed: DiscreteEnvironment, TabularModel {
    enum Flaw { case none, ignoresSeed, observationOutOfSpace, nanReward, acceptsAnyAction, probabilitiesDoNotSumToOne }
    var flaw: Flaw
    var generator = RandomGenerator(seed: 0)
    var state = 0
    var resets: UInt64 = 0

    var observationSpace: Discrete { Discrete(4) }
    var actionSpace: Discrete { Discrete(2) }
    var stateCount: Int { 4 }
    var actionCount: Int { 2 }
    var initialStateDistribution: [Double] { [1, 0, 0, 0] }

    func transitions(state: Int, action: Int) -> [Transition] {
        let probability = flaw == .probabilitiesDoNotSumToOne ? 0.4 : 0.5
        return [Transition(probability: probability, nextState: (state + 1) % 4, reward: 1, terminated: false),
                Transition(probability: 0.5, nextState: state, reward: 0, terminated: false)]
    }

    mutating func reset(seed: UInt64?) -> Int {
        resets += 1
        if let seed { generator = RandomGenerator(seed: flaw == .ignoresSeed ? seed &+ resets : seed) }
        state = 0
        return state
    }

    mutating func step(_ action: Int) throws -> Step<Int> {
        if flaw != .acceptsAnyAction && !actionSpace.contains(action) {
            throw GymError.invalidAction(action, space: actionSpace)
        }
        if generator.nextBool(probability: 0.5) { state = (state + 1) % 4 }
        let observation = flaw == .observationOutOfSpace && state == 3 ? 7 : state
        let reward = flaw == .nanReward && state == 2 ? Double.nan : 1
        return Step(observation: observation, reward: reward, terminated: false)
    }
}

@Suite struct EnvironmentCheckerTests {
    @Test func aCorrectEnvironmentPasses() {
        let results = EnvironmentChecker.check(Flawed(flaw: .none))
        #expect(results.allSatisfy { $0.passed }, "\(results)")
    }

    @Test(arguments: [
        (Flawed.Flaw.ignoresSeed, "step determinism"),
        (.observationOutOfSpace, "observations in space"),
        (.nanReward, "finite rewards"),
        (.acceptsAnyAction, "invalid action"),
        (.probabilitiesDoNotSumToOne, "model"),
    ])
    func eachFlawIsCaught(flaw: Flawed.Flaw, check: String) {
        let failed = EnvironmentChecker.check(Flawed(flaw: flaw)).filter { !$0.passed }.map(\.name)
        #expect(failed.contains { $0.hasPrefix(check) }, "failed checks: \(failed)")
    }
}
