import Foundation

/// N copies of an environment stepped together with one call, their observations, rewards and flags in contiguous
/// preallocated buffers, the copies split over a pool of worker threads.
///
/// ```swift
/// let batch = try BatchedEnvironment(TimeLimit(CartPole(), maxEpisodeSteps: 500), count: 64,
///                                    packer: ArrayPacker<Float>(count: 4), seed: 7)
/// try batch.step(actions)                  // one action per copy
/// batch.observations                       // 64 × 4 floats, copy after copy
/// batch.rewards, batch.terminated, batch.truncated, batch.finishedEpisodes
/// ```
///
/// **Seeding.** Copy i is reset with seed `seed + i` when the batch is made (and by ``reset(seed:)``); afterwards each
/// copy continues its own random stream, so every copy plays a different, reproducible sequence of episodes.
///
/// **Autoreset.** By default (``AutoresetMode/sameStep``, Gymnasium's `SAME_STEP` mode) a copy whose step ends its
/// episode (terminated or truncated) is reset within the same ``step(_:)``: its row of ``observations`` holds the
/// first observation of the next episode, ready for the next action, while ``rewards``, ``terminated`` and
/// ``truncated`` describe the step that ended the episode, and the episode's last observation is kept aside in
/// ``finalObservations`` (Gymnasium's `info["final_obs"]`). So a learner bootstraps a truncated episode from its
/// final observation, and no step is wasted; this is what Stable-Baselines3's `VecEnv` does. The other two modes are
/// Gymnasium's too: ``AutoresetMode/nextStep`` returns the last observation and resets on the copy's next step
/// (ignoring that step's action), ``AutoresetMode/disabled`` leaves finished copies to ``reset(copies:seed:)``.
///
/// **Threads.** The copies are split into `threads` contiguous ranges stepped in parallel on ``WorkerPool/shared``;
/// each copy owns its environment and its rows of the buffers, so the results are bit-identical for every thread
/// count. The first range, and so copy 0, always runs on the calling thread: a window or a recording may watch
/// copy 0.
///
/// **Statistics.** Every copy keeps the return and length of its episode in progress; ``finishedEpisodes`` lists the
/// episodes the latest step ended, in copy order, as Gymnasium's `RecordEpisodeStatistics` reports them.
///
/// Nothing is allocated per step (besides what the environments themselves allocate). The buffers are views of
/// storage owned by the batch, valid until the next ``step(_:)`` or ``reset(seed:)`` and while the batch lives.
public final class BatchedEnvironment<Base: Environment, Packer: ObservationPacker>
where Packer.Observation == Base.Observation {
    /// The number of copies.
    public let count: Int
    /// Worker threads stepping the copies (at most ``count`` are used).
    public let threads: Int
    /// How each observation is written into ``observations``.
    public let packer: Packer
    /// When copies whose episodes end are reset.
    public var autoreset: AutoresetMode { storage.autoreset }
    /// Copy-steps taken since the batch was made (``count`` per ``step(_:)``).
    public private(set) var stepsTaken = 0
    /// Episodes finished since the batch was made, over all copies.
    public private(set) var episodesCompleted = 0
    /// The episodes that the latest ``step(_:)`` ended, in copy order.
    public private(set) var finishedEpisodes: [FinishedEpisode] = []

    /// The copies and their buffers.
    @usableFromInline let storage: BatchStorage<Base, Packer>
    /// The buffers ``countStep()`` reads, outside the generic ``storage``: code that is not specialized (this method,
    /// called from other modules) reaches a generic struct's fields only through a type-metadata lookup each time,
    /// which cost more than the counting itself (a fifth of a C ABI step of 64 CartPole copies).
    private let episodeBuffers: EpisodeBuffers

    /// A batch of the given copies (usually identical values), reset with seeds `seed`, `seed + 1`, …
    ///
    /// - Parameters:
    ///   - threads: worker threads stepping the copies; `nil` uses one per processor core.
    ///   - autoreset: when copies whose episodes end are reset.
    public init(copies environments: [Base], packer: Packer, seed: UInt64 = 0, threads: Int? = nil,
                autoreset: AutoresetMode = .sameStep) throws {
        guard !environments.isEmpty else { throw GymError("a batched environment needs at least one copy") }
        let threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
        guard threads > 0 else { throw GymError("a batched environment needs at least one thread, got \(threads)") }
        count = environments.count
        self.threads = threads
        self.packer = packer
        storage = BatchStorage(environments, packer: packer, threads: threads, autoreset: autoreset)
        episodeBuffers = storage.episodeBuffers
        finishedEpisodes.reserveCapacity(count)
        reset(seed: seed)
    }

    /// A batch of `count` copies of `environment`, reset with seeds `seed`, `seed + 1`, …
    public convenience init(_ environment: Base, count: Int, packer: Packer, seed: UInt64 = 0,
                            threads: Int? = nil, autoreset: AutoresetMode = .sameStep) throws {
        try self.init(copies: Array(repeating: environment, count: count), packer: packer, seed: seed,
                      threads: threads, autoreset: autoreset)
    }

    deinit {
        storage.deallocate()
    }

    // MARK: - Buffers

    /// Every copy's current observation, `packer.storedWidth` elements each, copy after copy.
    @inlinable
    public var observations: UnsafeBufferPointer<Packer.Stored> { UnsafeBufferPointer(storage.observations) }
    /// The last observation of each episode the latest step ended (rows of other copies are stale).
    @inlinable
    public var finalObservations: UnsafeBufferPointer<Packer.Stored> { UnsafeBufferPointer(storage.finalObservations) }
    /// Every copy's reward for the latest step.
    @inlinable
    public var rewards: UnsafeBufferPointer<Double> { UnsafeBufferPointer(storage.rewards) }
    /// Whether the latest step ended each copy's episode in a terminal state (do not bootstrap).
    @inlinable
    public var terminated: UnsafeBufferPointer<Bool> { UnsafeBufferPointer(storage.terminated) }
    /// Whether the latest step cut each copy's episode short, by a time limit (bootstrap from the final observation).
    @inlinable
    public var truncated: UnsafeBufferPointer<Bool> { UnsafeBufferPointer(storage.truncated) }
    /// The return so far of each copy's episode in progress.
    @inlinable
    public var episodeReturns: UnsafeBufferPointer<Double> { UnsafeBufferPointer(storage.runningReturns) }
    /// The length so far of each copy's episode in progress.
    @inlinable
    public var episodeLengths: UnsafeBufferPointer<Int> { UnsafeBufferPointer(storage.runningLengths) }

    /// Copy `copy`'s current observation.
    @inlinable
    public func observation(of copy: Int) -> UnsafeBufferPointer<Packer.Stored> {
        UnsafeBufferPointer(rebasing: observations[storage.row(copy)])
    }

    /// The last observation of the episode that copy `copy` ended in the latest step.
    @inlinable
    public func finalObservation(of copy: Int) -> UnsafeBufferPointer<Packer.Stored> {
        UnsafeBufferPointer(rebasing: finalObservations[storage.row(copy)])
    }

    /// A copy of environment `copy` as it is now.
    public func environment(at copy: Int) -> Base {
        storage.copies[copy]
    }

    /// Changes environment `copy` in place through `body` (to set a state before the next step, say), returning
    /// what `body` returns. Its row of ``observations`` is left as it was.
    public func modifyEnvironment<R>(at copy: Int, _ body: (inout Base) throws -> R) rethrows -> R {
        precondition(copy >= 0 && copy < count, "copy \(copy) is outside a batch of \(count)")
        return try body(&storage.copies[copy])
    }

    // MARK: - Stepping

    /// Resets every copy, copy i with seed `seed + i` (or each continuing its own stream when `seed` is `nil`).
    public func reset(seed: UInt64?) {
        finishedEpisodes.removeAll(keepingCapacity: true)
        let storage = storage
        storage.forEachPart { _, range in
            for copy in range { storage.reset(copy, seed: Self.seed(seed, of: copy)) }
        }
    }

    /// Resets the copies whose entry in `mask` is `true`, copy i with seed `seed + i` (or continuing its own stream
    /// when `seed` is `nil`), leaving the others as they are: how finished copies start again under
    /// ``AutoresetMode/disabled`` (Gymnasium's `reset(options={"reset_mask": mask})`).
    public func reset(copies mask: [Bool], seed: UInt64?) {
        precondition(mask.count == count, "a batch of \(count) copies needs a mask of \(count), got \(mask.count)")
        finishedEpisodes.removeAll(keepingCapacity: true)
        for copy in 0..<count where mask[copy] {
            storage.reset(copy, seed: Self.seed(seed, of: copy))
        }
    }

    /// Copy `copy`'s seed when the batch is reset with `seed`: `seed + copy`, or none.
    private static func seed(_ seed: UInt64?, of copy: Int) -> UInt64? {
        seed.map { $0 &+ UInt64(copy) }
    }

    /// Steps copy i with `actions[i]` for every copy, resetting the copies whose episodes end.
    ///
    /// Throws the error of the first copy (in copy order within each thread's range) whose step failed; the batch
    /// should not be stepped further after an error.
    @inlinable
    public func step(_ actions: [Base.Action]) throws {
        precondition(actions.count == count, "a batch of \(count) copies needs \(count) actions, got \(actions.count)")
        let storage = storage
        actions.withUnsafeBufferPointer { actions in
            storage.forEachPart { part, range in
                for copy in range {
                    do {
                        try storage.step(copy, with: actions[copy])
                    } catch {
                        storage.errors[part] = error
                        return
                    }
                }
            }
        }
        try countStep()
    }

    /// Rethrows the first error of the step just taken, or counts it and lists the episodes it ended.
    @usableFromInline
    func countStep() throws {
        let buffers = episodeBuffers
        for part in buffers.errors.indices {
            guard let error = buffers.errors[part] else { continue }
            buffers.errors.update(repeating: nil)
            throw error
        }
        stepsTaken += count
        finishedEpisodes.removeAll(keepingCapacity: true)
        for copy in 0..<count where buffers.terminated[copy] || buffers.truncated[copy] {
            let goal = buffers.lastGoals[copy]
            finishedEpisodes.append(FinishedEpisode(
                copy: copy, totalReward: buffers.lastReturns[copy], length: buffers.lastLengths[copy],
                terminated: buffers.terminated[copy], success: goal < 0 ? nil : goal == 1))
        }
        episodesCompleted += finishedEpisodes.count
    }
}

/// When a ``BatchedEnvironment`` resets a copy whose episode ended, in Gymnasium's three modes.
public enum AutoresetMode: String, Sendable, CaseIterable {
    /// In the step that ended the episode: the observation is the next episode's first, the last one is in
    /// ``BatchedEnvironment/finalObservations`` (Gymnasium's `SAME_STEP`).
    case sameStep = "same-step"
    /// In the copy's next step, whose action is ignored and which reports reward 0 and neither flag; the step that
    /// ended the episode returns its last observation (Gymnasium's `NEXT_STEP`, its vector environments' default).
    case nextStep = "next-step"
    /// Never by itself: the caller resets finished copies with ``BatchedEnvironment/reset(copies:seed:)`` (Gymnasium's
    /// `DISABLED`).
    case disabled
}

/// An episode that ended in a ``BatchedEnvironment``.
public struct FinishedEpisode: Equatable, Sendable {
    /// The copy it ran in.
    public var copy: Int
    /// The undiscounted sum of its rewards.
    public var totalReward: Double
    /// Its steps.
    public var length: Int
    /// Whether it ended in a terminal state (rather than being truncated).
    public var terminated: Bool
    /// Whether it ended at the goal, for environments that report goals (``GoalReporting``).
    public var success: Bool?

    public init(copy: Int, totalReward: Double, length: Int, terminated: Bool, success: Bool?) {
        self.copy = copy
        self.totalReward = totalReward
        self.length = length
        self.terminated = terminated
        self.success = success
    }
}
