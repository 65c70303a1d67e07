import Agents
import Foundation
import Gym

/// A DQN agent made through the C ABI (`swiftgym_agent_*`): an Ape-X actor (act on a batch of observations with a
/// given ε, take weights) or learner (add transitions to its replay memory, learn, publish weights), whatever the
/// observation kind. Observations come in their environment's C layout.
protocol OpenAgent: AnyObject {
    /// How one observation lies in the caller's buffers.
    var observationLayout: SpaceLayout { get }
    /// The JSON `swiftgym_agent_describe` returns.
    var description: UnsafeMutablePointer<CChar> { get }

    /// Writes an ε-greedy action for each of `count` observations.
    func act(_ observations: UnsafeRawPointer, count: Int, epsilon: Double, into actions: UnsafeMutablePointer<Int>) throws
    /// Adds `count` transitions to the replay memory, after checking all of them.
    func add(count: Int, observations: UnsafeRawPointer, actions: UnsafePointer<Int>, rewards: UnsafePointer<Double>,
             nextObservations: UnsafeRawPointer, terminated: UnsafePointer<UInt8>) throws
    /// `updates` gradient steps on sampled minibatches; the latest loss.
    func learn(updates: Int) throws -> Double
    /// The online network's weights as safetensors bytes, kept for the caller until the next call or the close.
    func keepWeights() -> UnsafeBufferPointer<UInt8>
    /// Replaces the networks' weights with safetensors bytes.
    func setWeights(_ bytes: Data) throws
    /// Writes a full checkpoint (networks, optimizer, counters), as `gym run --save` does.
    func save(to url: URL) throws
    /// Transitions received, gradient updates done, transitions held.
    var counters: (steps: Int, updates: Int, stored: Int) { get }
}

/// ``OpenAgent`` for the observations `Reader` reads.
final class TypedAgent<Reader: StoredRowReader>: OpenAgent where Reader.Encoder.Memory == ReplayBuffer<Reader.Encoder> {
    private let agent: DQN<Reader.Encoder>
    private let reader: Reader
    let description: UnsafeMutablePointer<CChar>
    /// Entries of the checkpoint's metadata (the environment's name, which loading it checks).
    private let checkpointMetadata: [String: String]
    /// The latest weights handed out.
    private var handedOutWeights = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)
    // Scratch space kept between calls, so a steady stream of equal batches allocates nothing new.
    private var stored: [Reader.Encoder.Stored]
    private var nextStored: [Reader.Encoder.Stored]
    private var rowStored: [Reader.Encoder.Stored]
    private var inputs: [Float] = []

    init(_ agent: DQN<Reader.Encoder>, reader: Reader, document: [String: Any],
         checkpointMetadata: [String: String]) throws {
        self.agent = agent
        self.reader = reader
        self.checkpointMetadata = checkpointMetadata
        rowStored = Array(repeating: .zero, count: reader.encoder.storedWidth)
        stored = rowStored
        nextStored = rowStored
        var document = document
        document["observation_space"] = reader.layout.json
        document["action_count"] = agent.actionCount
        document["input_size"] = reader.encoder.inputSize
        description = strdup(try jsonText(document))
    }

    deinit {
        free(description)
        handedOutWeights.deallocate()
    }

    var observationLayout: SpaceLayout { reader.layout }
    var counters: (steps: Int, updates: Int, stored: Int) { (agent.stepsTaken, agent.updates, agent.buffer.count) }

    func act(_ observations: UnsafeRawPointer, count: Int, epsilon: Double, into actions: UnsafeMutablePointer<Int>) throws {
        let inputSize = reader.encoder.inputSize, rowSize = reader.layout.rowSize
        if inputs.count != count * inputSize { inputs = Array(repeating: 0, count: count * inputSize) }
        try rowStored.withUnsafeMutableBufferPointer { stored in
            try inputs.withUnsafeMutableBufferPointer { inputs in
                for row in 0..<count {
                    try reader.read(observations + row * rowSize, into: stored, index: row)
                    reader.encoder.decode(UnsafeBufferPointer(stored),
                                          into: UnsafeMutableBufferPointer(rebasing: inputs[row * inputSize..<(row + 1) * inputSize]))
                }
            }
        }
        agent.actions(forInputs: inputs, rows: count, epsilon: epsilon,
                      into: UnsafeMutableBufferPointer(start: actions, count: count))
    }

    func add(count: Int, observations: UnsafeRawPointer, actions: UnsafePointer<Int>, rewards: UnsafePointer<Double>,
             nextObservations: UnsafeRawPointer, terminated: UnsafePointer<UInt8>) throws {
        let width = reader.encoder.storedWidth, rowSize = reader.layout.rowSize
        if stored.count != count * width {
            stored = Array(repeating: .zero, count: count * width)
            nextStored = stored
        }
        // Everything is checked before the memory changes.
        for row in 0..<count {
            guard (0..<agent.actionCount).contains(actions[row]) else {
                throw CFailure(.invalidArgument, "transition \(row) has action \(actions[row]); the actions are 0...\(agent.actionCount - 1)")
            }
            guard rewards[row].isFinite else {
                throw CFailure(.invalidArgument, "transition \(row) has the non-finite reward \(rewards[row])")
            }
            guard terminated[row] <= 1 else {
                throw CFailure(.invalidArgument, "transition \(row) has terminated = \(terminated[row]); flags are 0 or 1")
            }
        }
        try stored.withUnsafeMutableBufferPointer { stored in
            try nextStored.withUnsafeMutableBufferPointer { next in
                for row in 0..<count {
                    let slots = row * width..<(row + 1) * width
                    try reader.read(observations + row * rowSize, into: UnsafeMutableBufferPointer(rebasing: stored[slots]), index: row)
                    try reader.read(nextObservations + row * rowSize, into: UnsafeMutableBufferPointer(rebasing: next[slots]), index: row)
                }
                for row in 0..<count {
                    let slots = row * width..<(row + 1) * width
                    agent.remember(stored: UnsafeBufferPointer(rebasing: stored[slots]), action: actions[row],
                                   reward: rewards[row], storedNext: UnsafeBufferPointer(rebasing: next[slots]),
                                   terminated: terminated[row] == 1)
                }
            }
        }
    }

    func learn(updates: Int) throws -> Double {
        try agent.learn(updates: updates)
        return agent.lastLoss ?? .nan
    }

    func keepWeights() -> UnsafeBufferPointer<UInt8> {
        let bytes = agent.weights
        handedOutWeights.deallocate()
        handedOutWeights = .allocate(capacity: bytes.count)
        _ = handedOutWeights.initialize(from: bytes)
        return UnsafeBufferPointer(handedOutWeights)
    }

    func setWeights(_ bytes: Data) throws {
        try agent.setWeights(bytes)
    }

    func save(to url: URL) throws {
        try agent.save(to: url, metadata: checkpointMetadata)
    }
}
