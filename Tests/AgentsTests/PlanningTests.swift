import Agents
import Foundation
import Environments
import Gym
import Testing

@Suite struct PlanningTests {
    @Test func valueIterationSolvesFrozenLake4x4() throws {
        let solution = try ValueIteration(.init(discount: 0.99)).solve(GridWorld.frozenLake())
        #expect(solution.converged)
        #expect(abs(solution.values[0] - 0.5420259) < 1e-6)
        // Holes and the goal are worth nothing: their outcomes are terminal.
        #expect(solution.values[5] == 0 && solution.values[15] == 0)
        // The well-known optimal FrozenLake policy (first-best on ties).
        #expect(solution.policy == [0, 3, 3, 3, 0, 0, 0, 0, 3, 1, 0, 0, 0, 2, 1, 0])
    }

    @Test func valueIterationSolvesFrozenLake8x8() throws {
        let solution = try ValueIteration(.init(discount: 0.99)).solve(GridWorld.frozenLake(map: GridWorld.frozenLake8x8Map))
        #expect(abs(solution.values[0] - 0.4146404) < 1e-6)
    }

    @Test func recyclingRobotExampleFileHasItsClosedFormValues() throws {
        // Examples/MDPs/recycling-robot.json (Sutton & Barto's example 3.3 with α 0.8, β 0.6, γ 0.9): the optimal
        // policy searches when high and recharges when low, so V(high) = 2 / 0.118 and V(low) = 0.9 V(high).
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Examples/MDPs/recycling-robot.json").path
        let robot = try TabularMDP(contentsOfFile: file)
        let solution = try ValueIteration(.init(discount: try #require(robot.discount))).solve(robot)
        #expect(abs(solution.values[0] - 2 / 0.118) < 1e-8)
        #expect(abs(solution.values[1] - 0.9 * 2 / 0.118) < 1e-8)
        #expect(solution.policy == [0, 2])
    }

    @Test(arguments: [GridWorld.frozenLake4x4Map, GridWorld.frozenLake8x8Map])
    func policyIterationAgreesWithValueIteration(map: String) throws {
        let lake = try GridWorld.frozenLake(map: map)
        let byValues = try ValueIteration().solve(lake)
        let byPolicies = try PolicyIteration().solve(lake)
        #expect(byPolicies.converged)
        for state in 0..<lake.stateCount {
            #expect(abs(byPolicies.values[state] - byValues.values[state]) < 1e-8)
            // PI's action is optimal: its Q* equals V* (ties may pick a different action).
            let chosen = byValues.actionValue(state: state, action: byPolicies.policy[state])
            #expect(abs(chosen - byValues.values[state]) < 1e-8)
        }
    }

    @Test func cliffWalkingShortestPathCostsThirteen() throws {
        let cliff = try GridWorld.cliffWalking()
        #expect(try ValueIteration(.init(discount: 1)).solve(cliff).values[36] == -13)
        // Policy iteration starts from "always up", which never ends: under γ = 1 its value diverges, so compare
        // under γ = 0.99 instead, where every policy has a finite value.
        let byValues = try ValueIteration(.init(discount: 0.99)).solve(cliff)
        let byPolicies = try PolicyIteration(.init(discount: 0.99)).solve(cliff)
        #expect(byPolicies.policy == byValues.policy)
        #expect(abs(byPolicies.values[36] - byValues.values[36]) < 1e-8)
    }

    @Test func twoStateMDPHasTheClosedFormValue() throws {
        // One state, one action: reward 1 and stay. V = 1 / (1 - γ).
        let mdp = try TabularMDP(stateNames: ["s"], actionNames: ["a"],
                                 outcomes: [[[Transition(probability: 1, nextState: 0, reward: 1, terminated: false)]]],
                                 initialStateDistribution: [1])
        let solution = try ValueIteration(.init(discount: 0.9, tolerance: 1e-12)).solve(mdp)
        #expect(abs(solution.values[0] - 10) < 1e-9)
        #expect(abs(try PolicyIteration(.init(discount: 0.9, tolerance: 1e-12)).solve(mdp).values[0] - 10) < 1e-9)
    }

    @Test func badConfigurationsAreRejected() throws {
        let lake = try GridWorld.frozenLake()
        #expect(throws: GymError.self) { try ValueIteration(.init(discount: 1.5)).solve(lake) }
        #expect(throws: GymError.self) { try ValueIteration(.init(tolerance: 0)).solve(lake) }
        #expect(throws: GymError.self) { try PolicyIteration(.init(maxIterations: 0)).solve(lake) }
    }

    @Test func iterationLimitIsReported() throws {
        let solution = try ValueIteration(.init(discount: 0.99, maxIterations: 3)).solve(GridWorld.frozenLake())
        #expect(!solution.converged && solution.iterations == 3 && solution.residual > 1e-10)
    }
}
