import Gym

/// A fixed-capacity ring buffer of continuous-action transitions with uniform, seeded sampling (SAC's replay memory).
///
/// Observations are stored as their network inputs, actions as the agent's `[Float]` components, rewards as `Float`,
/// with a `terminated` flag that stops bootstrapping. A transition cut by a time limit is stored as an ordinary one:
/// its next observation is the real one at the cut, so its value is bootstrapped. Storage is allocated once.
public struct ContinuousReplayBuffer: Sendable {
    /// The most transitions held; the oldest is overwritten once full.
    public let capacity: Int
    /// Floats per observation.
    public let inputSize: Int
    /// Components per action.
    public let actionCount: Int
    /// Transitions currently held.
    public private(set) var count = 0
    private var nextSlot = 0
    private var observations: [Float]
    private var nextObservations: [Float]
    private var actions: [Float]
    private var rewards: [Float]
    private var terminated: [Float]

    /// A buffer for `capacity` transitions, allocated now; throws for a capacity below 1.
    public init(capacity: Int, inputSize: Int, actionCount: Int) throws {
        guard capacity > 0 else { throw GymError("the replay buffer needs a positive capacity, got \(capacity)") }
        self.capacity = capacity
        self.inputSize = inputSize
        self.actionCount = actionCount
        observations = Array(repeating: 0, count: capacity * inputSize)
        nextObservations = observations
        actions = Array(repeating: 0, count: capacity * actionCount)
        rewards = Array(repeating: 0, count: capacity)
        terminated = rewards
    }

    /// Bytes one transition takes.
    public static func bytesPerSlot(inputSize: Int, actionCount: Int) -> Int {
        (2 * inputSize + actionCount + 2) * MemoryLayout<Float>.stride
    }

    /// Adds one transition (observations as network inputs), overwriting the oldest when full.
    public mutating func append(observation: [Float], action: [Float], reward: Double, nextObservation: [Float],
                                terminated: Bool) {
        let slot = nextSlot
        observations.replaceSubrange(slot * inputSize..<(slot + 1) * inputSize, with: observation)
        nextObservations.replaceSubrange(slot * inputSize..<(slot + 1) * inputSize, with: nextObservation)
        actions.replaceSubrange(slot * actionCount..<(slot + 1) * actionCount, with: action)
        rewards[slot] = Float(reward)
        self.terminated[slot] = terminated ? 1 : 0
        nextSlot = (slot + 1) % capacity
        count = min(count + 1, capacity)
    }

    /// Draws `size` transitions uniformly (with replacement).
    public func sample(_ size: Int, using generator: inout RandomGenerator) -> ContinuousBatch {
        precondition(count > 0, "cannot sample from an empty replay buffer")
        return batch(at: (0..<size).map { _ in generator.nextInt(below: count) })
    }

    /// The transitions at `indices` (0 is the slot written first).
    public func batch(at indices: [Int]) -> ContinuousBatch {
        var batch = ContinuousBatch(size: indices.count, inputSize: inputSize, actionCount: actionCount)
        for (row, index) in indices.enumerated() {
            batch.observations.replaceSubrange(row * inputSize..<(row + 1) * inputSize,
                                               with: observations[index * inputSize..<(index + 1) * inputSize])
            batch.nextObservations.replaceSubrange(row * inputSize..<(row + 1) * inputSize,
                                                   with: nextObservations[index * inputSize..<(index + 1) * inputSize])
            batch.actions.replaceSubrange(row * actionCount..<(row + 1) * actionCount,
                                          with: actions[index * actionCount..<(index + 1) * actionCount])
            batch.rewards[row] = rewards[index]
            batch.terminated[row] = terminated[index]
        }
        return batch
    }
}

/// A minibatch of continuous-action transitions, row-major, ready to become tensors.
public struct ContinuousBatch: Equatable, Sendable {
    /// Transitions in the batch.
    public let size: Int
    /// `size × inputSize` network inputs of the observations.
    public var observations: [Float]
    /// `size × inputSize` network inputs of the next observations.
    public var nextObservations: [Float]
    /// `size × actionCount` actions taken.
    public var actions: [Float]
    /// The rewards received.
    public var rewards: [Float]
    /// 1 where the episode terminated (no bootstrap), 0 otherwise — truncation included.
    public var terminated: [Float]

    /// A zeroed batch.
    public init(size: Int, inputSize: Int, actionCount: Int) {
        self.size = size
        // Each array gets its own buffer: sharing one would make the first write to either copy it.
        observations = Array(repeating: 0, count: size * inputSize)
        nextObservations = Array(repeating: 0, count: size * inputSize)
        actions = Array(repeating: 0, count: size * actionCount)
        rewards = Array(repeating: 0, count: size)
        terminated = Array(repeating: 0, count: size)
    }
}
