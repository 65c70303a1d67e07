import Foundation
import Gym

/// Experience replay for stacked frames that stores every frame once.
///
/// Consecutive observations of a frame stack share all but one frame, so the buffer keeps a stream of single frames
/// — one slot per environment step — and rebuilds each stack from its slot and the `stackedFrames − 1` slots before
/// it. A transition's next observation is the stack ending one slot later. Each episode starts a new run of slots
/// whose first frame pads the stack (the reset padding of ``FrameStack``), and an episode's last observation takes
/// one extra slot, so a capacity of N slots holds N minus one transition per stored episode. With 84x84 grayscale
/// frames, a million slots take 7.1 GB; the observation pairs of ``ReplayBuffer`` would take 56 GB.
///
/// Sampling is uniform over the transitions whose whole stacks are still held.
public struct FrameStackReplayBuffer<Encoder: FrameStackEncoder>: ReplayMemory {
    /// Frame slots (one per step, plus one per episode end).
    public let capacity: Int
    /// The encoder that stores and decodes observations.
    public let encoder: Encoder
    /// Transitions currently held.
    public private(set) var count = 0
    /// Stored elements of one frame.
    private let frameWidth: Int
    /// Bytes of one stored frame.
    private let frameBytes: Int
    /// Slots written since the start; slot `written % capacity` is next.
    private var written = 0
    /// Whether the newest slot's frame continues an episode (it is the latest transition's next observation).
    private var episodeContinues = false
    private var frames: [Encoder.Stored]
    private var actions: [Int32]
    private var rewards: [Float]
    private var flags: [FrameSlotFlags]
    /// The latest observation and next observation in stored form (reused, so appending allocates nothing).
    private var currentStack: [Encoder.Stored]
    private var nextStack: [Encoder.Stored]

    /// A buffer of `capacity` frame slots, allocated now.
    public init(capacity: Int, encoder: Encoder) throws {
        guard capacity >= 2 else {
            throw GymError("the frame-stack replay buffer needs a capacity of at least 2 frames, got \(capacity)")
        }
        self.capacity = capacity
        self.encoder = encoder
        frameWidth = encoder.storedWidth / encoder.stackedFrames
        frameBytes = frameWidth * MemoryLayout<Encoder.Stored>.stride
        currentStack = Array(repeating: .zero, count: encoder.storedWidth)
        nextStack = currentStack
        frames = Array(repeating: .zero, count: capacity * frameWidth)
        actions = Array(repeating: 0, count: capacity)
        rewards = Array(repeating: 0, count: capacity)
        flags = Array(repeating: [], count: capacity)
    }

    /// Adds one transition. Within an episode, `observation` must be the previous transition's `nextObservation`,
    /// and `nextObservation` must be `observation` shifted by one frame; an episode's first observation must repeat
    /// its first frame (reset padding).
    public mutating func append(observation: Encoder.Observation, action: Int, reward: Double,
                                nextObservation: Encoder.Observation, terminated: Bool, truncated: Bool) {
        Self.store(observation, into: &currentStack, encoder: encoder)
        Self.store(nextObservation, into: &nextStack, encoder: encoder)
        appendStacks(action: action, reward: reward, terminated: terminated, truncated: truncated)
    }

    public mutating func append(stored observation: UnsafeBufferPointer<Encoder.Stored>, action: Int, reward: Double,
                                next nextObservation: UnsafeBufferPointer<Encoder.Stored>, terminated: Bool,
                                truncated: Bool) {
        currentStack.replaceSubrange(0..<currentStack.count, with: observation)
        nextStack.replaceSubrange(0..<nextStack.count, with: nextObservation)
        appendStacks(action: action, reward: reward, terminated: terminated, truncated: truncated)
    }

    /// Adds the transition from ``currentStack`` to ``nextStack`` (checking that they follow on from each other).
    private mutating func appendStacks(action: Int, reward: Double, terminated: Bool, truncated: Bool) {
        let stack = encoder.stackedFrames
        let frameBytes = frameBytes, startsEpisode = !episodeContinues
        currentStack.withUnsafeBytes { current in
            nextStack.withUnsafeBytes { next in
                precondition(memcmp(next.baseAddress!, current.baseAddress! + frameBytes, (stack - 1) * frameBytes) == 0,
                             "FrameStackReplayBuffer needs observations that are stacks of \(stack) frames moving one frame a step")
                precondition(!startsEpisode || (1..<stack).allSatisfy {
                    memcmp(current.baseAddress! + $0 * frameBytes, current.baseAddress!, frameBytes) == 0
                }, "FrameStackReplayBuffer needs episodes whose first stack repeats the first frame (reset padding)")
            }
        }
        if startsEpisode { writeSlot(newestFrameOf: currentStack, flags: .episodeStart) }
        let slot = (written - 1) % capacity
        actions[slot] = Int32(action)
        rewards[slot] = Float(reward)
        flags[slot].insert(.transition)
        if terminated { flags[slot].insert(.terminated) }
        if truncated { flags[slot].insert(.truncated) }
        count += 1
        writeSlot(newestFrameOf: nextStack, flags: [])
        episodeContinues = !(terminated || truncated)
    }

    /// Draws `size` transitions uniformly (with replacement) and decodes them into a batch.
    public func sample(_ size: Int, using generator: inout RandomGenerator) -> ReplayBatch {
        precondition(count > 0, "cannot sample from an empty replay buffer")
        let held = min(written, capacity)
        let oldest = written - held
        var positions: [Int] = []
        positions.reserveCapacity(size)
        var attempts = 0
        while positions.count < size {
            attempts += 1
            precondition(attempts <= 1000 * size, "the replay buffer holds no transition whose frames are all still stored; enlarge it")
            let position = oldest + generator.nextInt(below: held)
            if flags[position % capacity].contains(.transition) && stackPositions(endingAt: position) != nil {
                positions.append(position)
            }
        }
        return batch(atPositions: positions)
    }

    /// The transitions held, oldest first, at `indices` (for inspection and tests; sampling does not use it).
    public func batch(at indices: [Int]) -> ReplayBatch {
        let oldest = written - min(written, capacity)
        let positions = (oldest..<written).filter {
            flags[$0 % capacity].contains(.transition) && stackPositions(endingAt: $0) != nil
        }
        return batch(atPositions: indices.map { positions[$0] })
    }

    /// Bytes of transition storage (what the capacity costs in memory).
    public static func bytesPerSlot(encoder: Encoder) -> Int {
        encoder.storedWidth / encoder.stackedFrames * MemoryLayout<Encoder.Stored>.stride
            + MemoryLayout<Int32>.stride + MemoryLayout<Float>.stride + MemoryLayout<FrameSlotFlags>.stride
    }

    // MARK: - Slots

    /// Writes the newest frame of a stored stack into the next slot, retiring the transition it overwrites.
    private mutating func writeSlot(newestFrameOf stack: [Encoder.Stored], flags slotFlags: FrameSlotFlags) {
        let slot = written % capacity
        if written >= capacity && flags[slot].contains(.transition) { count -= 1 }
        let (frameBytes, newest) = (frameBytes, encoder.stackedFrames - 1)
        frames.withUnsafeMutableBytes { target in
            stack.withUnsafeBytes { source in
                (target.baseAddress! + slot * frameBytes).copyMemory(from: source.baseAddress! + newest * frameBytes,
                                                                      byteCount: frameBytes)
            }
        }
        flags[slot] = slotFlags
        written += 1
    }

    /// The slot positions of the stack whose newest frame is at `position`, oldest first, repeating the episode's
    /// first frame before it; `nil` when part of the stack has been overwritten.
    private func stackPositions(endingAt position: Int) -> [Int]? {
        let oldest = written - min(written, capacity)
        var result = [Int](repeating: position, count: encoder.stackedFrames)
        var source = position
        for index in stride(from: encoder.stackedFrames - 2, through: 0, by: -1) {
            if !flags[source % capacity].contains(.episodeStart) {
                source -= 1
                if source < oldest { return nil }
            }
            result[index] = source
        }
        return result
    }

    /// Decodes the transitions starting at `positions`.
    private func batch(atPositions positions: [Int]) -> ReplayBatch {
        var batch = ReplayBatch(size: positions.count, inputSize: encoder.inputSize)
        var scratch = [Encoder.Stored](repeating: .zero, count: encoder.storedWidth)
        let inputSize = encoder.inputSize
        for (row, position) in positions.enumerated() {
            let slot = position % capacity
            decodeStack(endingAt: position, scratch: &scratch, into: &batch.observations, row: row, inputSize: inputSize)
            decodeStack(endingAt: position + 1, scratch: &scratch, into: &batch.nextObservations, row: row, inputSize: inputSize)
            batch.actions[row] = Int(actions[slot])
            batch.rewards[row] = rewards[slot]
            batch.terminated[row] = flags[slot].contains(.terminated) ? 1 : 0
        }
        return batch
    }

    /// Rebuilds the stack ending at `position` and decodes it into row `row` of `destination`.
    private func decodeStack(endingAt position: Int, scratch: inout [Encoder.Stored], into destination: inout [Float],
                             row: Int, inputSize: Int) {
        guard let sources = stackPositions(endingAt: position) else {
            preconditionFailure("a sampled transition's stack must be held")
        }
        let frameBytes = frameBytes
        scratch.withUnsafeMutableBytes { target in
            frames.withUnsafeBytes { stored in
                for (index, source) in sources.enumerated() {
                    (target.baseAddress! + index * frameBytes).copyMemory(
                        from: stored.baseAddress! + (source % capacity) * frameBytes, byteCount: frameBytes)
                }
            }
        }
        scratch.withUnsafeBufferPointer { stored in
            destination.withUnsafeMutableBufferPointer { input in
                encoder.decode(stored, into: UnsafeMutableBufferPointer(rebasing: input[row * inputSize..<(row + 1) * inputSize]))
            }
        }
    }

    /// Writes `observation` in its stored form into `destination`.
    private static func store(_ observation: Encoder.Observation, into destination: inout [Encoder.Stored],
                              encoder: Encoder) {
        destination.withUnsafeMutableBufferPointer { encoder.store(observation, into: $0) }
    }
}

/// What a slot holds besides its frame.
struct FrameSlotFlags: OptionSet {
    let rawValue: UInt8
    /// A transition starts at this slot (its observation ends here).
    static let transition = FrameSlotFlags(rawValue: 1)
    /// The slot's frame is the first of an episode.
    static let episodeStart = FrameSlotFlags(rawValue: 2)
    /// The transition ended the episode by termination (no bootstrap).
    static let terminated = FrameSlotFlags(rawValue: 4)
    /// The transition was cut by a time limit.
    static let truncated = FrameSlotFlags(rawValue: 8)
}
