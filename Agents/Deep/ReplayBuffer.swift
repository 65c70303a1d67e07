import Gym
import TensorCore

/// A fixed-capacity ring buffer of transitions with uniform, seeded sampling.
///
/// Storage is preallocated once and compact: observations in their encoder's `Stored` form (an `Int32` per state
/// for discrete environments), actions as `Int32`, rewards as `Float`, and a `terminated` flag that stops
/// bootstrapping. A transition cut by a time limit is stored as an ordinary one: its next observation is the real
/// one at the cut, so its value is bootstrapped, and no flag is needed for it. No transition is a heap object.
public struct ReplayBuffer<Encoder: ObservationEncoder>: ReplayMemory {
    /// The most transitions held; the oldest is overwritten once full.
    public let capacity: Int
    /// The encoder that stores and decodes observations.
    public let encoder: Encoder
    /// Transitions currently held.
    public private(set) var count = 0
    private var nextSlot = 0
    private var observations: [Encoder.Stored]
    private var nextObservations: [Encoder.Stored]
    private var actions: [Int32]
    private var rewards: [Float]
    private var terminated: [Bool]

    /// A buffer for `capacity` transitions, allocated now.
    public init(capacity: Int, encoder: Encoder) throws {
        guard capacity > 0 else { throw GymError("the replay buffer needs a positive capacity, got \(capacity)") }
        self.capacity = capacity
        self.encoder = encoder
        let width = encoder.storedWidth
        observations = Array(repeating: .zero, count: capacity * width)
        nextObservations = observations
        actions = Array(repeating: 0, count: capacity)
        rewards = Array(repeating: 0, count: capacity)
        terminated = Array(repeating: false, count: capacity)
    }

    /// Adds one transition, overwriting the oldest when full. `truncated` changes nothing here: a truncated
    /// transition bootstraps like any unterminated one.
    public mutating func append(observation: Encoder.Observation, action: Int, reward: Double,
                                nextObservation: Encoder.Observation, terminated: Bool, truncated: Bool) {
        Self.write(observation, at: nextSlot, into: &observations, encoder: encoder)
        Self.write(nextObservation, at: nextSlot, into: &nextObservations, encoder: encoder)
        finishAppending(action: action, reward: reward, terminated: terminated)
    }

    public mutating func append(stored observation: UnsafeBufferPointer<Encoder.Stored>, action: Int, reward: Double,
                                next nextObservation: UnsafeBufferPointer<Encoder.Stored>, terminated: Bool,
                                truncated: Bool) {
        let row = nextSlot * encoder.storedWidth..<(nextSlot + 1) * encoder.storedWidth
        observations.replaceSubrange(row, with: observation)
        nextObservations.replaceSubrange(row, with: nextObservation)
        finishAppending(action: action, reward: reward, terminated: terminated)
    }

    /// Writes the rest of the transition whose observations are in the next slot, and moves on.
    private mutating func finishAppending(action: Int, reward: Double, terminated: Bool) {
        actions[nextSlot] = Int32(action)
        rewards[nextSlot] = Float(reward)
        self.terminated[nextSlot] = terminated
        nextSlot = (nextSlot + 1) % capacity
        count = min(count + 1, capacity)
    }

    /// Draws `size` transitions uniformly (with replacement) and decodes them into a batch.
    public func sample(_ size: Int, using generator: inout RandomGenerator) -> ReplayBatch {
        var batch = ReplayBatch(size: size, inputSize: encoder.inputSize)
        sample(size, using: &generator, into: &batch)
        return batch
    }

    public func sample(_ size: Int, using generator: inout RandomGenerator, into batch: inout ReplayBatch) {
        precondition(count > 0, "cannot sample from an empty replay buffer")
        let indices = (0..<size).map { _ in generator.nextInt(below: count) }
        decode(at: indices, into: &batch)
    }

    /// The transitions at `indices` (0 is the oldest slot written first), decoded for the network.
    public func batch(at indices: [Int]) -> ReplayBatch {
        var batch = ReplayBatch(size: indices.count, inputSize: encoder.inputSize)
        decode(at: indices, into: &batch)
        return batch
    }

    /// Decodes the transitions at `indices` into `batch`, in place when it has their shape.
    private func decode(at indices: [Int], into batch: inout ReplayBatch) {
        if batch.size != indices.count || batch.observations.count != indices.count * encoder.inputSize {
            batch = ReplayBatch(size: indices.count, inputSize: encoder.inputSize)
        }
        ComputeThreads.sideBySide(if: batch.observations.count >= Self.minimumFloatsDecodedSideBySide,
                                  { decodeRows(of: observations, at: indices, into: &batch.observations) },
                                  { decodeRows(of: nextObservations, at: indices, into: &batch.nextObservations) })
        for (row, index) in indices.enumerated() {
            batch.actions[row] = Int(actions[index])
            batch.rewards[row] = rewards[index]
            batch.terminated[row] = terminated[index] ? 1 : 0
        }
    }

    /// Stores `observation` compactly in slot `slot` of `storage`.
    private static func write(_ observation: Encoder.Observation, at slot: Int, into storage: inout [Encoder.Stored],
                              encoder: Encoder) {
        let width = encoder.storedWidth
        storage.withUnsafeMutableBufferPointer {
            encoder.store(observation, into: UnsafeMutableBufferPointer(rebasing: $0[slot * width..<(slot + 1) * width]))
        }
    }

    /// Batches of at least this many input floats decode their observations and next observations side by side
    /// (MinAtar grids: 32 × 400 to 1,000); smaller ones (CartPole's vectors) are not worth the handoff.
    static var minimumFloatsDecodedSideBySide: Int { 8_192 }

    /// Decodes the stored observations at `indices` into consecutive rows of `destination`.
    private func decodeRows(of storage: [Encoder.Stored], at indices: [Int], into destination: inout [Float]) {
        let width = encoder.storedWidth
        let inputSize = encoder.inputSize
        storage.withUnsafeBufferPointer { stored in
            destination.withUnsafeMutableBufferPointer { input in
                for (row, index) in indices.enumerated() {
                    encoder.decode(UnsafeBufferPointer(rebasing: stored[index * width..<(index + 1) * width]),
                                   into: UnsafeMutableBufferPointer(rebasing: input[row * inputSize..<(row + 1) * inputSize]))
                }
            }
        }
    }

    /// Bytes of transition storage (what the capacity costs in memory).
    public static func bytesPerSlot(encoder: Encoder) -> Int {
        2 * encoder.storedWidth * MemoryLayout<Encoder.Stored>.stride
            + MemoryLayout<Int32>.stride + MemoryLayout<Float>.stride + MemoryLayout<Bool>.stride
    }
}

/// A decoded minibatch, ready to become tensors: row-major observations and per-transition fields.
public struct ReplayBatch: Equatable, Sendable {
    /// Transitions in the batch.
    public let size: Int
    /// `size × inputSize` network inputs of the observations.
    public var observations: [Float]
    /// `size × inputSize` network inputs of the next observations.
    public var nextObservations: [Float]
    /// The actions taken.
    public var actions: [Int]
    /// The rewards received.
    public var rewards: [Float]
    /// 1 where the episode terminated (no bootstrap), 0 otherwise — truncation included.
    public var terminated: [Float]

    /// A zeroed batch of `size` transitions with `inputSize` floats per observation.
    public init(size: Int, inputSize: Int) {
        self.size = size
        // Each array gets its own buffer: sharing one would make the first write to either copy it.
        observations = Array(repeating: 0, count: size * inputSize)
        nextObservations = Array(repeating: 0, count: size * inputSize)
        actions = Array(repeating: 0, count: size)
        rewards = Array(repeating: 0, count: size)
        terminated = Array(repeating: 0, count: size)
    }

    /// The rows of `batches`, one after another.
    public init(concatenating batches: [ReplayBatch]) {
        size = batches.reduce(0) { $0 + $1.size }
        observations = batches.flatMap(\.observations)
        nextObservations = batches.flatMap(\.nextObservations)
        actions = batches.flatMap(\.actions)
        rewards = batches.flatMap(\.rewards)
        terminated = batches.flatMap(\.terminated)
    }
}
