/// A vector of independent discrete values, component `i` in `0 ..< counts[i]` (Gymnasium's `MultiDiscrete`).
public struct MultiDiscrete: Space, Equatable, Hashable, Sendable {
    /// The number of values of each component.
    public let counts: [Int]

    /// Creates the space; every count must be positive.
    public init(_ counts: [Int]) {
        precondition(!counts.isEmpty && counts.allSatisfy { $0 > 0 },
                     "MultiDiscrete needs positive counts, got \(counts)")
        self.counts = counts
    }

    public func sample(using generator: inout RandomGenerator) -> [Int] {
        counts.map { generator.nextInt(below: $0) }
    }

    public func contains(_ element: [Int]) -> Bool {
        element.count == counts.count && zip(element, counts).allSatisfy { $0 >= 0 && $0 < $1 }
    }

    public var description: String { "MultiDiscrete(\(counts))" }
}
