/// The integers `start ..< start + count`, like Gymnasium's `Discrete(n, start=...)`.
public struct Discrete: Space, Equatable, Hashable, Sendable {
    /// How many values the space holds.
    public let count: Int
    /// The smallest value.
    public let start: Int

    /// Creates the space of `count` consecutive integers from `start`.
    public init(_ count: Int, start: Int = 0) {
        precondition(count > 0, "Discrete needs at least one value, got count \(count)")
        self.count = count
        self.start = start
    }

    /// A uniformly random value.
    @inlinable
    public func sample(using generator: inout RandomGenerator) -> Int {
        start + generator.nextInt(below: count)
    }

    @inlinable
    public func contains(_ element: Int) -> Bool {
        element >= start && element < start + count
    }

    public var description: String {
        start == 0 ? "Discrete(\(count))" : "Discrete(\(count), start: \(start))"
    }
}
