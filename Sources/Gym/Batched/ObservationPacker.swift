/// Writes an observation as a fixed number of plain values, so that many observations lie back to back in one
/// contiguous buffer (a ``BatchedEnvironment``'s, a replay buffer's, a rollout's).
///
/// The deep agents' observation encoders are packers (an `Int32` state index, the float vector itself, bit planes,
/// bytes); ``ValuePacker`` and ``ArrayPacker`` keep observations as their raw values.
public protocol ObservationPacker: Sendable {
    /// The environment's observation type.
    associatedtype Observation
    /// The plain element an observation is written as.
    associatedtype Stored: BitwiseCopyable

    /// Elements per observation.
    var storedWidth: Int { get }
    /// Writes `observation` into `storedWidth` elements.
    func store(_ observation: Observation, into destination: UnsafeMutableBufferPointer<Stored>)
}

/// Observations that are single plain values (an integer state, say), stored as they are.
public struct ValuePacker<Value: BitwiseCopyable & Sendable>: ObservationPacker {
    /// A packer for observations of type `Value`.
    public init() {}

    public var storedWidth: Int { 1 }

    public func store(_ observation: Value, into destination: UnsafeMutableBufferPointer<Value>) {
        destination[0] = observation
    }
}

/// Observations that are arrays of a fixed length (CartPole's four floats, say), stored element by element.
public struct ArrayPacker<Element: BitwiseCopyable & Sendable>: ObservationPacker {
    /// Elements in every observation.
    public let count: Int

    /// A packer for arrays of `count` elements.
    public init(count: Int) {
        self.count = count
    }

    public var storedWidth: Int { count }

    public func store(_ observation: [Element], into destination: UnsafeMutableBufferPointer<Element>) {
        precondition(observation.count == count, "expected \(count) observation values, got \(observation.count)")
        _ = destination.initialize(from: observation)
    }
}
