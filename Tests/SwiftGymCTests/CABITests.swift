import Environments
import Foundation
import Gym
@testable import SwiftGymC
import Testing

/// The exported functions called as C would call them: statuses, messages and buffers.
@Suite struct CABITests {
    private func lastError() -> String { String(cString: swiftgym_last_error()) }

    private func make(_ id: String, count: Int64 = 2, options: String? = nil, autoreset: Int32 = 0) -> (Int32, OpaquePointer?) {
        var handle: OpaquePointer?
        let status = id.withCString { id in
            if let options {
                return options.withCString { swiftgym_make(id, $0, count, 5, 1, -1, autoreset, &handle) }
            }
            return swiftgym_make(id, nil, count, 5, 1, -1, autoreset, &handle)
        }
        return (status, handle)
    }

    @Test func aBatchStepsIntoCallerBuffers() throws {
        let (status, handle) = make("CartPole-v1")
        #expect(status == 0)
        var json: UnsafePointer<CChar>?
        #expect(swiftgym_describe(handle, &json) == 0)
        let text = String(cString: try #require(json))
        let description = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(description["num_envs"] as? Int == 2 && description["max_episode_steps"] as? Int == 500)
        #expect(description["autoreset_mode"] as? String == "same-step" && description["state_vector_size"] as? Int == 4)

        var observations = [Float](repeating: 0, count: 8)
        var seed: UInt64 = 5
        #expect(swiftgym_reset(handle, &seed, nil, 0, &observations, 32) == 0)
        var reference = CartPole()
        #expect(Array(observations[4..<8]) == reference.reset(seed: 6))

        var actions: [Int64] = [0, 1]
        var rewards = [Double](repeating: 0, count: 2)
        var terminated = [UInt8](repeating: 9, count: 2), truncated = [UInt8](repeating: 9, count: 2)
        let stepped = swiftgym_step(handle, &actions, 16, &observations, 32, &rewards, &terminated, &truncated, 2, nil, 0)
        #expect(stepped == 0)
        #expect(Array(observations[4..<8]) == (try reference.step(1)).observation)
        #expect(rewards == [1, 1] && terminated == [0, 0] && truncated == [0, 0])
        #expect(swiftgym_close(handle) == 0)
        #expect(swiftgym_close(handle) == 6 && lastError().contains("not open"))
    }

    @Test func refusalsSayWhatWasWrong() {
        #expect(make("CartPol").0 == 5 && lastError().contains("unknown environment 'CartPol'"))
        #expect(make("CartPole-v1", count: 0).0 == 1 && lastError().contains("num_envs must be 1...65536, got 0"))
        #expect(make("frozenlake", options: "{\"slippery\": \"sometimes\"}").0 == 5 && lastError().contains("true or false"))
        #expect(make("frozenlake", options: "not json").0 == 1 && lastError().contains("JSON object"))
        #expect(make("CartPole-v1", autoreset: 7).0 == 1 && lastError().contains("autoreset must be"))
        #expect(make("mdp").0 == 5)

        let (_, handle) = make("CartPole-v1")
        defer { _ = swiftgym_close(handle) }
        var actions: [Int64] = [0, 2]
        var observations = [Float](repeating: 0, count: 8), rewards = [Double](repeating: 0, count: 2)
        var flags = [UInt8](repeating: 0, count: 2), more = [UInt8](repeating: 0, count: 2)
        #expect(swiftgym_step(handle, &actions, 16, &observations, 32, &rewards, &flags, &more, 2, nil, 0) == 3)
        #expect(lastError() == "invalid action 2 for copy 1: the action space is Discrete(2)")
        actions = [0, 1]
        #expect(swiftgym_step(handle, &actions, 16, &observations, 28, &rewards, &flags, &more, 2, nil, 0) == 2)
        #expect(lastError() == "observations holds 28 bytes; this environment needs exactly 32")
        #expect(swiftgym_step(handle, nil, 16, &observations, 32, &rewards, &flags, &more, 2, nil, 0) == 1)
        #expect(lastError() == "actions must not be NULL")
        var state = [Double](repeating: 0, count: 3)
        #expect(swiftgym_get_state(handle, 0, &state, 3) == 2 && lastError().contains("4 numbers"))
        let (_, lake) = make("frozenlake", count: 1)
        defer { _ = swiftgym_close(lake) }
        #expect(swiftgym_get_state(lake, 0, &state, 1) == 4 && lastError().contains("no state vector"))
        var pixels: UnsafePointer<UInt8>?
        var height: Int64 = 0, width: Int64 = 0
        #expect(swiftgym_render_rgb(lake, 1, &pixels, &height, &width) == 1 && lastError().contains("copy 1 is outside"))
    }

    @Test func framesAndStatesCrossTheBoundary() throws {
        let (_, handle) = make("MinAtar/Breakout-v1", count: 1)
        defer { _ = swiftgym_close(handle) }
        var pixels: UnsafePointer<UInt8>?
        var height: Int64 = 0, width: Int64 = 0
        #expect(swiftgym_render_rgb(handle, 0, &pixels, &height, &width) == 0)
        let frame = Breakout().frame()
        #expect(height == Int64(frame.height) && width == Int64(frame.width) && pixels != nil)

        let (_, pendulum) = make("Pendulum-v1", count: 1)
        defer { _ = swiftgym_close(pendulum) }
        var state = [1.5, -0.25]
        #expect(swiftgym_set_state(pendulum, 0, &state, 2) == 0)
        var read = [0.0, 0.0]
        #expect(swiftgym_get_state(pendulum, 0, &read, 2) == 0 && read == [1.5, -0.25])
        var infinite = [Double.infinity, 0]
        #expect(swiftgym_set_state(pendulum, 0, &infinite, 2) == 1 && lastError().contains("finite"))
    }

    @Test func theCatalogListsEveryIdWithItsSpaces() throws {
        var json: UnsafePointer<CChar>?
        #expect(swiftgym_environments(&json) == 0)
        let text = String(cString: try #require(json))
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        let ids = Set(entries.compactMap { $0["id"] as? String })
        #expect(ids.isSuperset(of: ["cartpole", "CartPole-v1", "MinAtar/Breakout-v1", "FrozenLake-v1", "Pendulum-v1", "mdp"]))
        let breakout = try #require(entries.first { $0["id"] as? String == "MinAtar/Breakout-v1" })
        let space = try #require(breakout["observation_space"] as? [String: Any])
        #expect(space["shape"] as? [Int] == [10, 10, 4] && space["dtype"] as? String == "bool")
        #expect((breakout["action_space"] as? [String: Any])?["n"] as? Int == 3)
    }
}
