import Foundation

/// The heap buffer behind a ``Tensor``: a fixed number of `Float`s, shared between copies until one writes.
@usableFromInline
final class TensorStorage {
    @usableFromInline let pointer: UnsafeMutablePointer<Float>
    @usableFromInline let count: Int

    /// Allocates uninitialized storage for `count` floats (callers fill every element).
    @usableFromInline
    init(count: Int) {
        self.count = count
        pointer = BufferPool.shared.allocate(count: count)
    }

    /// Allocates storage with every element set to `value`.
    convenience init(repeating value: Float, count: Int) {
        self.init(count: count)
        pointer.initialize(repeating: value, count: count)
    }

    /// A new buffer with the same contents.
    func copy() -> TensorStorage {
        let result = TensorStorage(count: count)
        result.pointer.update(from: pointer, count: count)
        return result
    }

    deinit {
        BufferPool.shared.deallocate(pointer, count: count)
    }
}

/// A small cache of large freed buffers, reused by exact size: tensor storage and the scratch matrices of the
/// convolution passes.
///
/// Training loops allocate the same large shapes every step (im2col matrices, activations, weight gradients);
/// returning those to the system and faulting fresh pages back in costs more than the arithmetic. The cache is
/// bounded, so memory stays flat.
final class BufferPool: @unchecked Sendable {
    static let shared = BufferPool()

    /// Buffers smaller than this many floats go straight to the allocator.
    static let minimumCount = 1 << 12
    /// The most floats the pool holds at once (256 MB).
    static let capacity = 1 << 26

    private let lock = NSLock()
    private var free: [Int: [UnsafeMutablePointer<Float>]] = [:]
    private var held = 0

    /// Uninitialized room for `count` floats: a cached buffer of that size when one is free. Give it back with
    /// ``deallocate(_:count:)``.
    func allocate(count: Int) -> UnsafeMutablePointer<Float> {
        take(count: count) ?? .allocate(capacity: Swift.max(count, 1))
    }

    /// Returns a buffer from ``allocate(count:)`` to the cache, or to the system when it is small or the cache full.
    func deallocate(_ buffer: UnsafeMutablePointer<Float>, count: Int) {
        if !give(buffer, count: count) { buffer.deallocate() }
    }

    /// Scratch room for `count` floats that remembers its size, for passes that borrow a buffer and give it back.
    struct Scratch {
        let pointer: UnsafeMutablePointer<Float>
        let count: Int

        /// Borrows room for `count` floats from the shared pool.
        init(count: Int) {
            self.count = count
            pointer = BufferPool.shared.allocate(count: count)
        }

        /// Gives the room back to the pool.
        func release() { BufferPool.shared.deallocate(pointer, count: count) }
    }

    /// A cached buffer of exactly `count` floats, if one is free.
    func take(count: Int) -> UnsafeMutablePointer<Float>? {
        guard count >= BufferPool.minimumCount else { return nil }
        return lock.withLock {
            guard let buffer = free[count]?.popLast() else { return nil }
            held -= count
            return buffer
        }
    }

    /// Keeps `buffer` for reuse; returns false (the caller frees it) when it is small or the pool is full.
    func give(_ buffer: UnsafeMutablePointer<Float>, count: Int) -> Bool {
        guard count >= BufferPool.minimumCount else { return false }
        return lock.withLock {
            guard held + count <= BufferPool.capacity else { return false }
            free[count, default: []].append(buffer)
            held += count
            return true
        }
    }
}
