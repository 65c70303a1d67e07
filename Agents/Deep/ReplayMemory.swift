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
    /// The most slots held; the oldest is overwritten once full.
    var capacity: Int { get }
    /// Transitions currently available for sampling.
    var count: Int { get }
    /// Bytes of transition storage (what the capacity costs in memory).
    var storageBytes: Int { get }
    /// Adds one transition, overwriting the oldest data when full. Termination stops bootstrapping; truncation
    /// does not (`nextObservation` is then the real observation at the cut).
    mutating func append(observation: Encoder.Observation, action: Int, reward: Double,
                         nextObservation: Encoder.Observation, terminated: Bool, truncated: Bool)
    /// Draws `size` transitions uniformly (with replacement) and decodes them into a batch.
    func sample(_ size: Int, using generator: inout RandomGenerator) -> ReplayBatch
}
