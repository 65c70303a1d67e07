/// An observation array that an environment writes again in place every step, so that stepping allocates nothing
/// while each caller lets the previous observation go before the next step (the batched environments, the C ABI and
/// most training loops do).
///
/// A caller that keeps an observation keeps a value: the next write finds the array shared and writes a fresh copy
/// (Swift's copy-on-write), so the kept observation never changes.
public struct ReusableObservation<Element: BitwiseCopyable & Sendable>: Sendable {
    @usableFromInline var storage: [Element]

    /// Room for observations of `count` elements, initially all `value`.
    public init(count: Int, repeating value: Element) {
        storage = Array(repeating: value, count: count)
    }

    /// Fills the array with `fill` (which must write every element) and returns it.
    @inlinable
    public mutating func write(_ fill: (UnsafeMutableBufferPointer<Element>) -> Void) -> [Element] {
        storage.withUnsafeMutableBufferPointer { fill($0) }
        return storage
    }
}
