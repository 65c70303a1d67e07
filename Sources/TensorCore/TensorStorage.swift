/// The heap buffer behind a ``Tensor``: a fixed number of `Float`s, shared between copies until one writes.
@usableFromInline
final class TensorStorage {
    @usableFromInline let pointer: UnsafeMutablePointer<Float>
    @usableFromInline let count: Int

    /// Allocates uninitialized storage for `count` floats (callers fill every element).
    @usableFromInline
    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: Swift.max(count, 1))
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
        pointer.deallocate()
    }
}
