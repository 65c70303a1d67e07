import Foundation
@testable import SwiftGymC
import Testing

/// The `swiftgym_agent_*` functions called as C would call them: a DQN actor and learner over FrozenLake's states.
@Suite struct AgentABITests {
    private func lastError() -> String { String(cString: swiftgym_last_error()) }

    private func make(_ json: String) -> (Int32, OpaquePointer?) {
        var handle: OpaquePointer?
        let status = json.withCString { swiftgym_agent_make($0, &handle) }
        return (status, handle)
    }

    private func weights(_ agent: OpaquePointer?) -> [UInt8] {
        var bytes: UnsafePointer<UInt8>?
        var size: Int64 = 0
        guard swiftgym_agent_get_weights(agent, &bytes, &size) == 0, let bytes else { return [] }
        return Array(UnsafeBufferPointer(start: bytes, count: Int(size)))
    }

    @Test func anActorTakesTheLearnersWeightsAndActsAsItDoes() throws {
        let (status, learner) = make(#"{"agent": "dqn", "env": "FrozenLake-v1", "seed": 3, "settings": {"batch_size": 4, "hidden": [16]}}"#)
        #expect(status == 0, "\(lastError())")
        let (_, actor) = make(#"{"agent": "dqn", "env": "FrozenLake-v1", "seed": 9, "settings": {"hidden": [16]}}"#)
        defer { _ = swiftgym_agent_close(actor) }

        var states: [Int] = [0, 4, 8, 14], next: [Int] = [4, 8, 9, 15], actions: [Int] = [1, 1, 2, 2]
        var rewards: [Double] = [0, 0, 0, 1], terminated: [UInt8] = [0, 0, 0, 1]
        #expect(swiftgym_agent_add(learner, 4, &states, &next, 32, &actions, &rewards, &terminated) == 0)
        var loss = Double.nan
        #expect(swiftgym_agent_learn(learner, 3, &loss) == 0 && loss.isFinite)
        var (steps, updates, stored): (Int64, Int64, Int64) = (0, 0, 0)
        #expect(swiftgym_agent_counters(learner, &steps, &updates, &stored) == 0 && (steps, updates, stored) == (4, 3, 4))

        let published = weights(learner)
        #expect(weights(actor) != published)
        #expect(swiftgym_agent_set_weights(actor, published, Int64(published.count)) == 0)
        #expect(weights(actor) == published)
        var all = Array(0..<16)
        var greedyOfLearner = [Int](repeating: -1, count: 16), greedyOfActor = [Int](repeating: -1, count: 16)
        #expect(swiftgym_agent_act(learner, &all, 128, 16, 0, &greedyOfLearner) == 0)
        #expect(swiftgym_agent_act(actor, &all, 128, 16, 0, &greedyOfActor) == 0)
        #expect(greedyOfActor == greedyOfLearner && greedyOfActor.allSatisfy { (0..<4).contains($0) })
        #expect(swiftgym_agent_close(learner) == 0)
        #expect(swiftgym_agent_close(learner) == 6 && lastError().contains("agent handle is not open"))
    }

    @Test func refusalsSayWhatWasWrong() {
        #expect(make(#"{"agent": "ppo", "env": "CartPole-v1"}"#).0 == 4 && lastError().contains("DQN agents"))
        #expect(make(#"{"agent": "dqn", "env": "pendulum"}"#).0 == 4 && lastError().contains("discrete action"))
        #expect(make(#"{"agent": "dqn", "env": "CartPole-v1", "save": "x"}"#).0 == 1 && lastError().contains("no key 'save'"))
        let (_, agent) = make(#"{"agent": "dqn", "env": "CartPole-v1"}"#)
        defer { _ = swiftgym_agent_close(agent) }
        var observations = [Float](repeating: 0, count: 8), actions = [Int](repeating: 0, count: 2)
        #expect(swiftgym_agent_act(agent, &observations, 31, 2, 0.1, &actions) == 2 && lastError().contains("exactly 32"))
        #expect(swiftgym_agent_act(agent, &observations, 32, 0, 0.1, &actions) == 1 && lastError().contains("count must be 1...65536"))
        #expect(swiftgym_agent_act(agent, nil, 32, 2, 0.1, &actions) == 1 && lastError().contains("observations must not be NULL"))
        #expect(swiftgym_agent_learn(agent, 1, nil) == 1 && lastError().contains("no transitions yet"))
        var garbage: [UInt8] = Array("{\"not\": safetensors}".utf8)
        #expect(swiftgym_agent_set_weights(agent, &garbage, Int64(garbage.count)) == 1)
        #expect(swiftgym_agent_act(nil, &observations, 32, 2, 0.1, &actions) == 6 && lastError().contains("agent handle is NULL"))
    }
}
