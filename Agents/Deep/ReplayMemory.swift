import Foundation
import Gym

/// Experience replay as DQN uses it: append transitions, draw uniform minibatches.
///
/// ``ReplayBuffer`` stores each transition's observation pair; ``FrameStackReplayBuffer`` stores each frame of a
/// stacked-image stream once. An ``ObservationEncoder`` picks the one that suits its observations.
public protocol ReplayMemory {
    /// The encoder that stores and decodes observations.
    associatedtype Encoder: ObservationEncoder

    /// A memory of `capacity` slots, allocated now; throws when the capacity is not usable.
    init(capacity: Int, encoder: Encoder) throws
    /// The encoder the memory stores observations with.
    var encoder: Encoder { get }
    /// The most slots held; the oldest is overwritten once full.
    var capacity: Int { get }
    /// Transitions currently available for sampling.
    var count: Int { get }
    /// Bytes of transition storage (what the capacity costs in memory).
    var storageBytes: Int { get }
    /// Bytes one slot of a memory for `encoder` takes (so a capacity's cost is known before allocating it).
    static func bytesPerSlot(encoder: Encoder) -> Int
    /// Adds one transition, overwriting the oldest data when full. Termination stops bootstrapping; truncation
    /// does not (`nextObservation` is then the real observation at the cut).
    mutating func append(observation: Encoder.Observation, action: Int, reward: Double,
                         nextObservation: Encoder.Observation, terminated: Bool, truncated: Bool)
    /// Adds one transition whose observations are in stored form (rows of a batched environment's buffers), as
    /// ``append(observation:action:reward:nextObservation:terminated:truncated:)`` adds one.
    mutating func append(stored observation: UnsafeBufferPointer<Encoder.Stored>, action: Int, reward: Double,
                         next nextObservation: UnsafeBufferPointer<Encoder.Stored>, terminated: Bool, truncated: Bool)
    /// Draws `size` transitions uniformly (with replacement) and decodes them into a batch.
    func sample(_ size: Int, using generator: inout RandomGenerator) -> ReplayBatch
    /// Draws `size` transitions as ``sample(_:using:)`` does, into `batch`, reusing its arrays when it has the shape
    /// already: a loop that samples every step then does not allocate (and return to the system) a batch a step.
    func sample(_ size: Int, using generator: inout RandomGenerator, into batch: inout ReplayBatch)
}

extension ReplayMemory {
    public func sample(_ size: Int, using generator: inout RandomGenerator, into batch: inout ReplayBatch) {
        batch = sample(size, using: &generator)
    }

    public var storageBytes: Int { capacity * Self.bytesPerSlot(encoder: encoder) }

    /// Throws, naming the figure, when `capacity` slots for `encoder` would not fit in this machine's memory.
    public static func checkFits(capacity: Int, encoder: Encoder) throws {
        try checkReplayFits(capacity: capacity, bytesPerSlot: bytesPerSlot(encoder: encoder))
    }
}

/// Throws, naming the figure, when a replay memory of `capacity` slots of `bytesPerSlot` bytes would not fit in this
/// machine's memory.
func checkReplayFits(capacity: Int, bytesPerSlot: Int) throws {
    let (bytes, overflow) = capacity.multipliedReportingOverflow(by: bytesPerSlot)
    let physical = Double(sysconf(Int32(_SC_PHYS_PAGES))) * Double(sysconf(Int32(_SC_PAGESIZE)))
    guard !overflow, Double(bytes) <= physical else {
        let needed = overflow ? "more than 9 EB" : String(format: "%.1f GiB", Double(bytes) / 1_073_741_824)
        throw GymError("a replay memory of \(capacity) transitions needs \(needed), and this machine has \(String(format: "%.1f GiB", physical / 1_073_741_824)) of memory; lower buffer-size")
    }
}
