import Foundation

/// A scalar type a ``Box`` can hold.
public protocol BoxScalar: Comparable, Sendable {
    /// A value drawn for one component with bounds `low` and `high`, following Gymnasium's rule:
    /// uniform when both bounds are finite, exponential-shifted when one is, normal when neither is.
    static func sample(low: Self, high: Self, using generator: inout RandomGenerator) -> Self
    /// The name of the type in descriptions, like NumPy's dtype names.
    static var typeName: String { get }
    /// Whether the value is usable (not NaN).
    var isValidBoxValue: Bool { get }
}

/// An n-dimensional box: every component of a flat, row-major array lies in its `[low, high]` interval.
///
/// The element is a flat `[Scalar]` of `shape.reduce(1, *)` values; bounds may be infinite for floating types.
public struct Box<Scalar: BoxScalar>: Space, Equatable, Sendable {
    /// The lower bound of each component.
    public let low: [Scalar]
    /// The upper bound of each component.
    public let high: [Scalar]
    /// The logical shape; the element count is its product.
    public let shape: [Int]

    /// Creates a box with per-component bounds.
    public init(low: [Scalar], high: [Scalar], shape: [Int]) {
        let count = shape.reduce(1, *)
        precondition(low.count == count && high.count == count,
                     "Box bounds need \(count) values for shape \(shape), got \(low.count) and \(high.count)")
        precondition(zip(low, high).allSatisfy { $0 <= $1 }, "Box needs low <= high in every component")
        self.low = low
        self.high = high
        self.shape = shape
    }

    /// Creates a box with the same bounds in every component.
    public init(low: Scalar, high: Scalar, shape: [Int]) {
        let count = shape.reduce(1, *)
        self.init(low: Array(repeating: low, count: count), high: Array(repeating: high, count: count), shape: shape)
    }

    public func sample(using generator: inout RandomGenerator) -> [Scalar] {
        (0..<low.count).map { Scalar.sample(low: low[$0], high: high[$0], using: &generator) }
    }

    public func contains(_ element: [Scalar]) -> Bool {
        guard element.count == low.count else { return false }
        for index in element.indices {
            let value = element[index]
            if !value.isValidBoxValue || value < low[index] || value > high[index] { return false }
        }
        return true
    }

    public var description: String {
        func bound(_ values: [Scalar]) -> String {
            Set(values.map { "\($0)" }).count == 1 ? "\(values[0])" : "\(values)"
        }
        return "Box(low: \(bound(low)), high: \(bound(high)), shape: \(shape), \(Scalar.typeName))"
    }
}

extension Float: BoxScalar {
    public static func sample(low: Float, high: Float, using generator: inout RandomGenerator) -> Float {
        Float(Double.sample(low: Double(low), high: Double(high), using: &generator))
    }
    public static var typeName: String { "float32" }
    public var isValidBoxValue: Bool { !isNaN }
}

extension Double: BoxScalar {
    public static func sample(low: Double, high: Double, using generator: inout RandomGenerator) -> Double {
        switch (low.isFinite, high.isFinite) {
        case (true, true):
            return low + (high - low) * generator.nextDouble()
        case (true, false):
            return low - Foundation.log(1 - generator.nextDouble())
        case (false, true):
            return high + Foundation.log(1 - generator.nextDouble())
        case (false, false):
            return generator.nextNormal()
        }
    }
    public static var typeName: String { "float64" }
    public var isValidBoxValue: Bool { !isNaN }
}

extension UInt8: BoxScalar {
    public static func sample(low: UInt8, high: UInt8, using generator: inout RandomGenerator) -> UInt8 {
        UInt8(generator.nextInt(in: Int(low)...Int(high)))
    }
    public static var typeName: String { "uint8" }
    public var isValidBoxValue: Bool { true }
}

extension Int32: BoxScalar {
    public static func sample(low: Int32, high: Int32, using generator: inout RandomGenerator) -> Int32 {
        Int32(generator.nextInt(in: Int(low)...Int(high)))
    }
    public static var typeName: String { "int32" }
    public var isValidBoxValue: Bool { true }
}

