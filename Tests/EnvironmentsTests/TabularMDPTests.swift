import Environments
import Foundation
import Gym
import Testing

@Suite struct TabularMDPTests {
    private let example = """
        {
          "states": ["low", "high", "done"],
          "actions": ["wait", "search"],
          "start": "high",
          "terminal": ["done"],
          "discount": 0.9,
          "transitions": [
            {"state": "high", "action": "wait", "next": "high", "probability": 1, "reward": 1},
            {"state": "high", "action": "search", "next": "high", "probability": 0.7, "reward": 2},
            {"state": "high", "action": "search", "next": "low", "probability": 0.3, "reward": 2},
            {"state": "low", "action": "wait", "next": "low", "probability": 1, "reward": 1},
            {"state": "low", "action": "search", "next": "done", "probability": 1, "reward": -3}
          ]
        }
        """

    @Test func loadsTheDocumentedFormat() throws {
        var mdp = try TabularMDP(json: Data(example.utf8))
        #expect(mdp.stateNames == ["low", "high", "done"])
        #expect(mdp.actionCount == 2)
        #expect(mdp.discount == 0.9)
        #expect(mdp.reset(seed: 1) == 1)
        #expect(mdp.transitions(state: 1, action: 1).map(\.probability) == [0.7, 0.3])
        // Entering a terminal state terminates; terminal states are absorbing.
        #expect(mdp.transitions(state: 0, action: 1) == [Transition(probability: 1, nextState: 2, reward: -3, terminated: true)])
        #expect(mdp.transitions(state: 2, action: 0) == [Transition(probability: 1, nextState: 2, reward: 0, terminated: true)])
        let results = EnvironmentChecker.check(mdp)
        #expect(results.allSatisfy { $0.passed }, "\(results)")
    }

    @Test(arguments: [
        ("{\"states\": 2, \"actions\": 1, \"start\": 0, \"transitions\": [{\"state\": 0, \"action\": 0, \"next\": 1, \"probability\": 0.5}]}",
         "probabilities sum to 0.5, not 1"),
        ("{\"states\": 2, \"actions\": 1, \"start\": 5, \"transitions\": []}", "start: '5' is not one of"),
        ("{\"states\": 2, \"actions\": 1, \"start\": 0, \"transitions\": [{\"state\": 0, \"action\": 0, \"next\": 1, \"probability\": \"x\"}]}",
         "transitions[0].probability: missing or not a number"),
        ("{\"states\": 2, \"actions\": 1, \"start\": 0, \"transitions\": [], \"colour\": 1}", "unknown field 'colour'"),
        ("{\"states\": 2,\n \"actions\": 1,, }", "not valid JSON"),
        ("{\"actions\": 1, \"start\": 0, \"transitions\": []}", "states"),
    ])
    func malformedFilesSayWhichFieldIsWrong(json: String, message: String) {
        #expect {
            try TabularMDP(json: Data(json.utf8))
        } throws: { error in
            (error as? GymError)?.message.contains(message) == true
        }
    }

    @Test func garnetIsSeededAndValid() throws {
        let first = try TabularMDP.garnet(states: 20, actions: 3, branching: 4, seed: 9)
        let again = try TabularMDP.garnet(states: 20, actions: 3, branching: 4, seed: 9)
        let other = try TabularMDP.garnet(states: 20, actions: 3, branching: 4, seed: 10)
        #expect(first.transitionTable == again.transitionTable)
        #expect(first.transitionTable != other.transitionTable)
        #expect(first.transitions(state: 7, action: 2).count == 4)
        let results = EnvironmentChecker.check(first)
        #expect(results.allSatisfy { $0.passed }, "\(results)")
        #expect(throws: GymError.self) { try TabularMDP.garnet(states: 3, actions: 2, branching: 5) }
    }
}
