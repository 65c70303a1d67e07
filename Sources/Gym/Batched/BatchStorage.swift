import Parallelism

/// The copies and per-copy buffers of a ``BatchedEnvironment``, as a value of plain pointers: the worker threads step
/// copies through it without touching any reference count (a shared count would bounce between the cores on every
/// copy).
@usableFromInline
struct BatchStorage<Base: Environment, Packer: ObservationPacker>: @unchecked Sendable
where Packer.Observation == Base.Observation {
    // @unchecked: each thread writes only the rows of its own copies.

    @usableFromInline let count: Int
    @usableFromInline let threads: Int
    @usableFromInline let packer: Packer
    @usableFromInline let autoreset: AutoresetMode
    /// Whether the environments report goals (looked up once, not per episode).
    @usableFromInline let reportsGoals: Bool
    @usableFromInline let copies: UnsafeMutableBufferPointer<Base>
    @usableFromInline let observations: UnsafeMutableBufferPointer<Packer.Stored>
    @usableFromInline let finalObservations: UnsafeMutableBufferPointer<Packer.Stored>
    @usableFromInline let rewards: UnsafeMutableBufferPointer<Double>
    @usableFromInline let terminated: UnsafeMutableBufferPointer<Bool>
    @usableFromInline let truncated: UnsafeMutableBufferPointer<Bool>
    @usableFromInline let runningReturns: UnsafeMutableBufferPointer<Double>
    @usableFromInline let runningLengths: UnsafeMutableBufferPointer<Int>
    /// Return, length and goal (1 reached, 0 missed, −1 not reported) of each copy's last finished episode.
    @usableFromInline let lastReturns: UnsafeMutableBufferPointer<Double>
    @usableFromInline let lastLengths: UnsafeMutableBufferPointer<Int>
    @usableFromInline let lastGoals: UnsafeMutableBufferPointer<Int8>
    /// Whether each copy's episode ended in the latest step and waits for its reset (``AutoresetMode/nextStep``).
    @usableFromInline let awaitingReset: UnsafeMutableBufferPointer<Bool>
    /// The first error of each part (range of copies) of the latest step.
    @usableFromInline let errors: UnsafeMutableBufferPointer<(any Error)?>

    /// Storage for `environments`, stepped on `threads` threads (free it with ``deallocate()``).
    init(_ environments: [Base], packer: Packer, threads: Int, autoreset: AutoresetMode) {
        count = environments.count
        self.threads = threads
        self.packer = packer
        self.autoreset = autoreset
        reportsGoals = environments[0].capability(GoalReporting.self) != nil
        copies = lineAlignedBuffer(count)
        _ = copies.initialize(from: environments)
        observations = zeroedBuffer(count * packer.storedWidth)
        finalObservations = zeroedBuffer(count * packer.storedWidth)
        rewards = filledBuffer(count, with: 0)
        terminated = filledBuffer(count, with: false)
        truncated = filledBuffer(count, with: false)
        runningReturns = filledBuffer(count, with: 0)
        runningLengths = filledBuffer(count, with: 0)
        lastReturns = filledBuffer(count, with: 0)
        lastLengths = filledBuffer(count, with: 0)
        lastGoals = filledBuffer(count, with: -1)
        awaitingReset = filledBuffer(count, with: false)
        errors = filledBuffer(threads, with: nil)
    }

    func deallocate() {
        copies.deinitialize().deallocate()
        observations.deallocate()
        finalObservations.deallocate()
        rewards.deallocate()
        terminated.deallocate()
        truncated.deallocate()
        runningReturns.deallocate()
        runningLengths.deallocate()
        lastReturns.deallocate()
        lastLengths.deallocate()
        lastGoals.deallocate()
        awaitingReset.deallocate()
        errors.deinitialize().deallocate()
    }

    /// The per-copy buffers that describe the episodes the latest step ended, and the step's errors.
    var episodeBuffers: EpisodeBuffers {
        EpisodeBuffers(terminated: terminated, truncated: truncated, lastReturns: lastReturns, lastLengths: lastLengths,
                       lastGoals: lastGoals, errors: errors)
    }

    /// The elements of copy `copy`'s row in a packed buffer.
    @inlinable
    func row(_ copy: Int) -> Range<Int> {
        copy * packer.storedWidth..<(copy + 1) * packer.storedWidth
    }

    /// Resets one copy (with `seed` when given) and clears its row.
    @usableFromInline
    func reset(_ copy: Int, seed: UInt64?) {
        packer.store(copies[copy].reset(seed: seed), into: UnsafeMutableBufferPointer(rebasing: observations[row(copy)]))
        rewards[copy] = 0
        terminated[copy] = false
        truncated[copy] = false
        runningReturns[copy] = 0
        runningLengths[copy] = 0
        awaitingReset[copy] = false
    }

    /// Steps one copy, writing its row of every buffer, and resets it when its episode ends as ``autoreset`` says:
    /// at once (`sameStep`), instead of its next step (`nextStep`), or not at all (`disabled`).
    @inlinable @inline(__always)
    func step(_ copy: Int, with action: Base.Action) throws {
        if autoreset == .nextStep, awaitingReset[copy] {
            reset(copy, seed: nil)
            return
        }
        let outcome = try copies[copy].step(action)
        rewards[copy] = outcome.reward
        // The flags of 64 copies share a cache line: writing only changes keeps threads from fighting over it.
        if terminated[copy] != outcome.terminated { terminated[copy] = outcome.terminated }
        if truncated[copy] != outcome.truncated { truncated[copy] = outcome.truncated }
        runningReturns[copy] += outcome.reward
        runningLengths[copy] += 1
        guard outcome.isDone else {
            packer.store(outcome.observation, into: UnsafeMutableBufferPointer(rebasing: observations[row(copy)]))
            return
        }
        packer.store(outcome.observation, into: UnsafeMutableBufferPointer(rebasing: finalObservations[row(copy)]))
        lastReturns[copy] = runningReturns[copy]
        lastLengths[copy] = runningLengths[copy]
        lastGoals[copy] = reportsGoals ? (copies[copy].capability(GoalReporting.self)?.isAtGoal == true ? 1 : 0) : -1
        runningReturns[copy] = 0
        runningLengths[copy] = 0
        if autoreset == .sameStep {
            packer.store(copies[copy].reset(seed: nil), into: UnsafeMutableBufferPointer(rebasing: observations[row(copy)]))
        } else {
            packer.store(outcome.observation, into: UnsafeMutableBufferPointer(rebasing: observations[row(copy)]))
            awaitingReset[copy] = true
        }
    }

    /// Runs `body(part, copies)` on the copies split into at most `threads` contiguous ranges, part 0 on the
    /// calling thread.
    @inlinable
    func forEachPart(_ body: (Int, Range<Int>) -> Void) {
        let (count, parts) = (count, min(threads, count))
        WorkerPool.shared.run(parts: parts) { part in
            body(part, WorkerPool.range(ofPart: part, of: parts, splitting: count))
        }
    }
}

/// The buffers of a ``BatchStorage`` that say how the latest step ended each copy's episode (see there), in a type
/// that is not generic.
struct EpisodeBuffers {
    let terminated: UnsafeMutableBufferPointer<Bool>
    let truncated: UnsafeMutableBufferPointer<Bool>
    let lastReturns: UnsafeMutableBufferPointer<Double>
    let lastLengths: UnsafeMutableBufferPointer<Int>
    let lastGoals: UnsafeMutableBufferPointer<Int8>
    let errors: UnsafeMutableBufferPointer<(any Error)?>
}

/// A buffer of `count` elements set to `value`, in cache lines of its own (see ``lineAlignedBuffer(_:)``).
private func filledBuffer<T>(_ count: Int, with value: T) -> UnsafeMutableBufferPointer<T> {
    let buffer: UnsafeMutableBufferPointer<T> = lineAlignedBuffer(count)
    buffer.initialize(repeating: value)
    return buffer
}

/// A buffer of `count` plain elements whose bytes are all zero, in cache lines of its own.
private func zeroedBuffer<T: BitwiseCopyable>(_ count: Int) -> UnsafeMutableBufferPointer<T> {
    let buffer: UnsafeMutableBufferPointer<T> = lineAlignedBuffer(count)
    UnsafeMutableRawBufferPointer(buffer).initializeMemory(as: UInt8.self, repeating: 0)
    return buffer
}

/// Uninitialized room for `count` elements that starts on a cache line and fills its last line alone: no other
/// buffer shares a line with it, and a range of copies that starts on a line boundary (32 CartPole observations,
/// say) is written by one thread without touching the other thread's lines.
private func lineAlignedBuffer<T>(_ count: Int) -> UnsafeMutableBufferPointer<T> {
    let line = 64
    let bytes = (max(count, 1) * MemoryLayout<T>.stride + line - 1) / line * line
    let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: max(line, MemoryLayout<T>.alignment))
    return UnsafeMutableBufferPointer(start: raw.bindMemory(to: T.self, capacity: count), count: count)
}
