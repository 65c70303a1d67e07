import Environments
import Gym
import Testing

/// Gymnasium's FrozenLake-v1 and CliffWalking-v1 transition tables, written down as facts (read from
/// `env.unwrapped.P` with gymnasium 1.4.0) and compared outcome by outcome.
@Suite struct GymnasiumDynamicsTests {
    /// Gymnasium's FrozenLake probabilities: intended 1/3, each perpendicular (1 − 1/3) / 2 (one ulp apart).
    private let intended = 0.3333333333333333
    private let perpendicular = 0.33333333333333337
    /// Slippery CliffWalking gives each of the three moves 1/3.
    private let third = 1.0 / 3.0

    @Test func frozenLakeStartStateMatchesGymnasium() throws {
        let lake = try GridWorld.frozenLake()
        // P[0][0] (left from the corner): slip up stays, left stays, slip down moves to 4.
        #expect(lake.transitions(state: 0, action: 0) == [
            Transition(probability: perpendicular, nextState: 0, reward: 0, terminated: false),
            Transition(probability: intended, nextState: 0, reward: 0, terminated: false),
            Transition(probability: perpendicular, nextState: 4, reward: 0, terminated: false),
        ])
        // P[0][1] (down): left stays, down to 4, right to 1.
        #expect(lake.transitions(state: 0, action: 1).map(\.nextState) == [0, 4, 1])
        // P[0][2] (right): down to 4, right to 1, up stays.
        #expect(lake.transitions(state: 0, action: 2).map(\.nextState) == [4, 1, 0])
        // P[0][3] (up): right to 1, up stays, left stays.
        #expect(lake.transitions(state: 0, action: 3).map(\.nextState) == [1, 0, 0])
    }

    @Test func frozenLakeGoalRewardAndTerminals() throws {
        let lake = try GridWorld.frozenLake()
        // P[14][1] (down from the cell left of the goal): left to 13, down stays at 14, right into the goal.
        #expect(lake.transitions(state: 14, action: 1) == [
            Transition(probability: perpendicular, nextState: 13, reward: 0, terminated: false),
            Transition(probability: intended, nextState: 14, reward: 0, terminated: false),
            Transition(probability: perpendicular, nextState: 15, reward: 1, terminated: true),
        ])
        // Stepping into hole 5 from 1 (down): terminated with reward 0.
        #expect(lake.transitions(state: 1, action: 1)[1] == Transition(probability: intended, nextState: 5, reward: 0, terminated: true))
        // Holes and the goal are absorbing: [(1.0, s, 0, True)] for every action.
        for state in [5, 7, 11, 12, 15] {
            for action in 0..<4 {
                #expect(lake.transitions(state: state, action: action) == [
                    Transition(probability: 1, nextState: state, reward: 0, terminated: true),
                ])
            }
        }
    }

    @Test func frozenLakeNotSlipperyIsDeterministic() throws {
        let lake = try GridWorld.frozenLake(slippery: false)
        #expect(lake.transitions(state: 0, action: 2) == [Transition(probability: 1, nextState: 1, reward: 0, terminated: false)])
        #expect(lake.transitions(state: 14, action: 2) == [Transition(probability: 1, nextState: 15, reward: 1, terminated: true)])
    }

    @Test func frozenLakeSuccessRateSplitsTheRest() throws {
        let lake = try GridWorld.frozenLake(successRate: 0.8)
        // Gymnasium: each perpendicular move has (1 - success_rate) / 2 = 0.09999999999999998.
        let side: Double = (1 - 0.8) / 2
        #expect(lake.transitions(state: 6, action: 1).map(\.probability) == [side, 0.8, side])
    }

    @Test func frozenLake8x8MapAndLimitsMatchGymnasium() throws {
        let lake = try GridWorld.frozenLake(map: GridWorld.frozenLake8x8Map)
        #expect(lake.stateCount == 64)
        let holes = (0..<64).filter { lake.map[$0] == .hole }
        #expect(holes == [19, 29, 35, 41, 42, 46, 49, 52, 54, 59])
        #expect(lake.map[63] == .goal)
        let spec = try Registry.standard.spec(named: "frozenlake8x8")
        #expect(spec.maxEpisodeSteps == 200 && spec.rewardThreshold == 0.85)
        let small = try Registry.standard.spec(named: "frozenlake")
        #expect(small.maxEpisodeSteps == 100 && small.rewardThreshold == 0.70)
    }

    @Test func cliffWalkingMatchesGymnasium() throws {
        var cliff = try GridWorld.cliffWalking()
        #expect(cliff.stateCount == 48)
        #expect(cliff.reset(seed: nil) == 36)
        // Actions: 0 up, 1 right, 2 down, 3 left. P[36][1]: into the cliff, back to the start, not terminated.
        #expect(cliff.transitions(state: 36, action: 1) == [Transition(probability: 1, nextState: 36, reward: -100, terminated: false)])
        #expect(cliff.transitions(state: 36, action: 0) == [Transition(probability: 1, nextState: 24, reward: -1, terminated: false)])
        // P[35][2]: down into the goal costs -1 and terminates.
        #expect(cliff.transitions(state: 35, action: 2) == [Transition(probability: 1, nextState: 47, reward: -1, terminated: true)])
        // P[47]: the goal is not absorbing in CliffWalking's table.
        #expect(cliff.transitions(state: 47, action: 0) == [Transition(probability: 1, nextState: 35, reward: -1, terminated: false)])
        #expect(cliff.transitions(state: 47, action: 1) == [Transition(probability: 1, nextState: 47, reward: -1, terminated: true)])
        #expect(cliff.transitions(state: 47, action: 2) == [Transition(probability: 1, nextState: 47, reward: -1, terminated: true)])
        #expect(cliff.transitions(state: 47, action: 3) == [Transition(probability: 1, nextState: 36, reward: -100, terminated: false)])
        #expect(try Registry.standard.spec(named: "cliffwalking").maxEpisodeSteps == nil)
    }

    @Test func slipperyCliffWalkingUsesThirds() throws {
        let cliff = try GridWorld.cliffWalking(slippery: true)
        let outcomes = cliff.transitions(state: 25, action: 1)
        #expect(outcomes.map(\.probability) == [third, third, third])
        // Right from (2, 1): slip up to 13, right to 26, slip down into the cliff and back to the start.
        #expect(outcomes.map(\.nextState) == [13, 26, 36])
        #expect(outcomes.map(\.reward) == [-1, -1, -100])
    }

    @Test func steppingFollowsTheTableAndRejectsBadActions() throws {
        var lake = try GridWorld.frozenLake(slippery: false)
        _ = lake.reset(seed: 3)
        let path = [1, 1, 2, 1, 2, 2]
        var last: Step<Int>?
        for action in path { last = try lake.step(action) }
        #expect(last == Step(observation: 15, reward: 1, terminated: true))
        #expect(throws: GymError.self) { try lake.step(4) }
        #expect(throws: GymError.self) { try lake.step(-1) }
    }
}
