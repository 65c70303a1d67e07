import Gym

/// DQN's experience replay over N environment copies: one ``ReplayMemory`` per copy, each holding an equal share of
/// the capacity (as Stable-Baselines3 splits `buffer_size` over `n_envs`), so that every copy's transitions form a
/// stream of their own — a ``FrameStackReplayBuffer`` rebuilds each stack from the frames before it in its stream.
///
/// Sampling is uniform over all the transitions held: each row picks a stream with probability proportional to the
/// transitions it holds, then a transition within it. With one stream that choice needs no random draw, so one
/// environment's replay samples exactly as its memory alone would.
public struct ReplayStreams<Memory: ReplayMemory> {
    /// One memory per environment copy.
    public private(set) var streams: [Memory]

    /// `streams` memories sharing `capacity` slots equally, allocated now; throws when the capacity is not usable.
    public init(capacity: Int, streams count: Int, encoder: Memory.Encoder) throws {
        guard count > 0 else { throw GymError("a replay memory needs at least one stream, got \(count)") }
        let share = capacity / count
        try Memory.checkFits(capacity: share * count, encoder: encoder)
        do {
            streams = try (0..<count).map { _ in try Memory(capacity: share, encoder: encoder) }
        } catch let error as GymError where count > 1 {
            throw GymError("buffer-size \(capacity) over \(count) copies leaves \(share) slots a copy: \(error)")
        }
    }

    /// Transitions held over all streams.
    public var count: Int { streams.reduce(0) { $0 + $1.count } }
    /// Slots over all streams.
    public var capacity: Int { streams.reduce(0) { $0 + $1.capacity } }
    /// Bytes of transition storage over all streams.
    public var storageBytes: Int { streams.reduce(0) { $0 + $1.storageBytes } }

    /// Adds a transition to stream `stream` (see ``ReplayMemory/append(observation:action:reward:nextObservation:terminated:truncated:)``).
    public mutating func append(to stream: Int, observation: Memory.Encoder.Observation, action: Int, reward: Double,
                                nextObservation: Memory.Encoder.Observation, terminated: Bool, truncated: Bool) {
        streams[stream].append(observation: observation, action: action, reward: reward,
                               nextObservation: nextObservation, terminated: terminated, truncated: truncated)
    }

    /// Adds a transition in stored form to stream `stream`.
    public mutating func append(to stream: Int, stored observation: UnsafeBufferPointer<Memory.Encoder.Stored>,
                                action: Int, reward: Double, next nextObservation: UnsafeBufferPointer<Memory.Encoder.Stored>,
                                terminated: Bool, truncated: Bool) {
        streams[stream].append(stored: observation, action: action, reward: reward, next: nextObservation,
                               terminated: terminated, truncated: truncated)
    }

    /// Draws `size` transitions uniformly (with replacement) over all streams and decodes them into a batch, grouped
    /// by stream.
    public func sample(_ size: Int, using generator: inout RandomGenerator) -> ReplayBatch {
        guard streams.count > 1 else { return streams[0].sample(size, using: &generator) }
        let counts = streams.map(\.count)
        let total = counts.reduce(0, +)
        precondition(total > 0, "cannot sample from an empty replay memory")
        var rows = Array(repeating: 0, count: streams.count)
        for _ in 0..<size {
            var index = generator.nextInt(below: total)
            var stream = 0
            while index >= counts[stream] {
                index -= counts[stream]
                stream += 1
            }
            rows[stream] += 1
        }
        var batches: [ReplayBatch] = []
        for stream in streams.indices where rows[stream] > 0 {
            batches.append(streams[stream].sample(rows[stream], using: &generator))
        }
        return ReplayBatch(concatenating: batches)
    }

    /// Draws `size` transitions as ``sample(_:using:)`` does, into `batch`; with one stream, in place when `batch` has
    /// the shape already (see ``ReplayMemory/sample(_:using:into:)``).
    public func sample(_ size: Int, using generator: inout RandomGenerator, into batch: inout ReplayBatch) {
        guard streams.count > 1 else { return streams[0].sample(size, using: &generator, into: &batch) }
        batch = sample(size, using: &generator)
    }
}
