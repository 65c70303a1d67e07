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

/// A one-dimensional continuous task that reads the first component of any action, however many it has.
private struct Lenient: ContinuousControlEnvironment {
    var strict: Bool
    var position: Float = 0

    var observationSpace: Box<Float> { Box(low: -100, high: 100, shape: [1]) }
    var actionSpace: Box<Float> { Box(low: -1, high: 1, shape: [1]) }

    mutating func reset(seed: UInt64?) -> [Float] {
        position = 0
        return [position]
    }

    mutating func step(_ action: [Float]) throws -> Step<[Float]> {
        if strict { try actionSpace.validate(action) }
        position = min(max(position + (action.first ?? 0), -100), 100)
        return Step(observation: [position], reward: Double(-abs(position)), terminated: false)
    }
}

@Suite struct ContinuousActionCheckerTests {
    @Test func aContinuousActionWithAComponentTooManyMustBeRejected() {
        let strict = EnvironmentChecker.check(Lenient(strict: true))
        #expect(strict.allSatisfy { $0.passed }, "\(strict)")
        #expect(strict.first { $0.name == "invalid action" }?.detail.hasPrefix("step([-1.0, 0.0]) is rejected") == true)
        let lenient = EnvironmentChecker.check(Lenient(strict: false)).filter { !$0.passed }.map(\.name)
        #expect(lenient == ["invalid action"])
    }

    @Test func validateTakesOneFiniteValuePerComponentInOrOutOfBounds() throws {
        let box = Box<Float>(low: -2, high: 2, shape: [1])
        try box.validate([5])
        try box.validate([-2])
        #expect(throws: GymError("invalid action [nan]: the action space is Box(low: -2.0, high: 2.0, shape: [1], float32)")) {
            try box.validate([.nan])
        }
        #expect(throws: GymError.self) { try box.validate([.infinity]) }
        #expect(throws: GymError.self) { try box.validate([]) }
        #expect(throws: GymError.self) { try box.validate([0, 0]) }
    }
}
