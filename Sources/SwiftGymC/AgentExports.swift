import Foundation
import Gym

// The swiftgym_agent_* functions of swiftgym.h: DQN agents as Ape-X actors and learners.

/// The open agents by handle.
let openAgents = HandleTable<AnyOpenAgent>(noun: "agent", maker: "swiftgym_agent_make")

/// An ``OpenAgent`` as a class the handle table can hold.
final class AnyOpenAgent {
    let agent: any OpenAgent

    init(_ agent: any OpenAgent) {
        self.agent = agent
    }
}

/// Makes a DQN agent from a JSON configuration (agent, env, seed, settings, env_options, load).
@_cdecl("swiftgym_agent_make")
public func swiftgym_agent_make(_ configuration: UnsafePointer<CChar>?,
                                _ handle: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
    withStatus {
        let handle = try required(handle, "agent")
        handle.pointee = nil
        let agent = try AgentFactory.make(json: String(cString: try required(configuration, "configuration")))
        handle.pointee = openAgents.insert(AnyOpenAgent(agent))
    }
}

/// The agent's description as JSON, valid until it is closed.
@_cdecl("swiftgym_agent_describe")
public func swiftgym_agent_describe(_ handle: OpaquePointer?, _ json: UnsafeMutablePointer<UnsafePointer<CChar>?>?) -> Int32 {
    withStatus {
        let json = try required(json, "json")
        json.pointee = UnsafePointer(try openAgents.object(handle).agent.description)
    }
}

/// Writes an ε-greedy action for each of `count` observations.
@_cdecl("swiftgym_agent_act")
public func swiftgym_agent_act(_ handle: OpaquePointer?, _ observations: UnsafeRawPointer?, _ observationsSize: Int64,
                               _ count: Int64, _ epsilon: Double, _ actions: UnsafeMutablePointer<Int>?) -> Int32 {
    withStatus {
        let agent = try openAgents.object(handle).agent
        let rows = try batchCount(count)
        let observations = try required(observations, "observations")
        let actions = try required(actions, "actions")
        try checkSize(Int(observationsSize), expected: rows * agent.observationLayout.rowSize, of: "observations")
        guard epsilon >= 0, epsilon <= 1 else {
            throw CFailure(.invalidArgument, "epsilon must be a number in [0, 1], got \(epsilon)")
        }
        try agent.act(observations, count: rows, epsilon: epsilon, into: actions)
    }
}

/// Adds `count` transitions to the agent's replay memory.
@_cdecl("swiftgym_agent_add")
public func swiftgym_agent_add(_ handle: OpaquePointer?, _ count: Int64, _ observations: UnsafeRawPointer?,
                               _ nextObservations: UnsafeRawPointer?, _ observationsSize: Int64,
                               _ actions: UnsafePointer<Int>?, _ rewards: UnsafePointer<Double>?,
                               _ terminated: UnsafePointer<UInt8>?) -> Int32 {
    withStatus {
        let agent = try openAgents.object(handle).agent
        let rows = try batchCount(count)
        let (observations, next) = (try required(observations, "observations"), try required(nextObservations, "next_observations"))
        let (actions, rewards, terminated) = (try required(actions, "actions"), try required(rewards, "rewards"),
                                              try required(terminated, "terminated"))
        try checkSize(Int(observationsSize), expected: rows * agent.observationLayout.rowSize, of: "observations")
        try agent.add(count: rows, observations: observations, actions: actions, rewards: rewards,
                      nextObservations: next, terminated: terminated)
    }
}

/// `updates` gradient steps on minibatches sampled from the replay memory; `*loss` is the latest loss.
@_cdecl("swiftgym_agent_learn")
public func swiftgym_agent_learn(_ handle: OpaquePointer?, _ updates: Int64, _ loss: UnsafeMutablePointer<Double>?) -> Int32 {
    withStatus {
        let agent = try openAgents.object(handle).agent
        guard updates >= 1, updates <= 1_000_000 else {
            throw CFailure(.invalidArgument, "updates must be 1...1000000, got \(updates)")
        }
        guard agent.counters.stored > 0 else {
            throw CFailure(.invalidArgument, "the agent holds no transitions yet: add some with swiftgym_agent_add before learning")
        }
        let latest = try agent.learn(updates: Int(updates))
        loss?.pointee = latest
    }
}

/// The online network's weights as safetensors bytes, owned by the agent until its next call of this or its close.
@_cdecl("swiftgym_agent_get_weights")
public func swiftgym_agent_get_weights(_ handle: OpaquePointer?, _ bytes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?,
                                       _ size: UnsafeMutablePointer<Int64>?) -> Int32 {
    withStatus {
        let agent = try openAgents.object(handle).agent
        let (bytes, size) = (try required(bytes, "bytes"), try required(size, "size"))
        let weights = agent.keepWeights()
        bytes.pointee = weights.baseAddress
        size.pointee = Int64(weights.count)
    }
}

/// Replaces the agent's network weights (online and target) with safetensors bytes from swiftgym_agent_get_weights.
@_cdecl("swiftgym_agent_set_weights")
public func swiftgym_agent_set_weights(_ handle: OpaquePointer?, _ bytes: UnsafePointer<UInt8>?, _ size: Int64) -> Int32 {
    withStatus {
        let agent = try openAgents.object(handle).agent
        let bytes = try required(bytes, "bytes")
        guard size >= 8, size <= Int64(Int32.max) else {
            throw CFailure(.invalidArgument, "weights are safetensors bytes, at least 8 and at most 2^31-1 of them; got \(size)")
        }
        do {
            try agent.setWeights(Data(bytes: bytes, count: Int(size)))
        } catch let error as GymError {
            throw CFailure(.invalidArgument, error.message)
        } catch {
            throw CFailure(.invalidArgument, "these are not safetensors weights: \(error)")
        }
    }
}

/// Writes the agent as a full checkpoint (networks, optimizer state, counters) to `path`, which a later
/// swiftgym_agent_make or swiftgym_train loads with "load".
@_cdecl("swiftgym_agent_save")
public func swiftgym_agent_save(_ handle: OpaquePointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
    withStatus {
        let agent = try openAgents.object(handle).agent
        let url = URL(fileURLWithPath: String(cString: try required(path, "path")))
        try agent.save(to: url)
    }
}

/// Frees the agent.
@_cdecl("swiftgym_agent_close")
public func swiftgym_agent_close(_ handle: OpaquePointer?) -> Int32 {
    withStatus {
        try openAgents.remove(handle)
    }
}

/// A batch's number of observations or transitions, 1 to 65536.
private func batchCount(_ count: Int64) throws -> Int {
    guard count >= 1, count <= 65_536 else {
        throw CFailure(.invalidArgument, "count must be 1...65536, got \(count)")
    }
    return Int(count)
}

/// The agent's counters: transitions received (environment steps), gradient updates, transitions held.
@_cdecl("swiftgym_agent_counters")
public func swiftgym_agent_counters(_ handle: OpaquePointer?, _ steps: UnsafeMutablePointer<Int64>?,
                                    _ updates: UnsafeMutablePointer<Int64>?, _ stored: UnsafeMutablePointer<Int64>?) -> Int32 {
    withStatus {
        let counters = try openAgents.object(handle).agent.counters
        try required(steps, "steps").pointee = Int64(counters.steps)
        try required(updates, "updates").pointee = Int64(counters.updates)
        try required(stored, "stored").pointee = Int64(counters.stored)
    }
}
