import Gym

/// Turns an environment's observations into network inputs, and keeps them compact in a replay buffer.
///
/// An observation is stored as `storedWidth` values of `Stored` (an `Int32` state index for discrete environments,
/// the `Float` vector itself for vector observations, bytes for pixels) and expanded into `inputSize` floats only
/// when a batch is assembled. The encoder also names the replay memory that suits its observations: a
/// ``ReplayBuffer`` of observation pairs by default, a ``FrameStackReplayBuffer`` that keeps each frame once for
/// stacked images.
///
/// Storing is the ``ObservationPacker`` half, so a ``BatchedEnvironment`` writes its copies' observations compactly
/// and the agent expands a whole batch with ``decode(rows:from:into:)``.
public protocol ObservationEncoder: ObservationPacker where Stored: AdditiveArithmetic & Sendable {
    /// The replay memory DQN keeps these observations in.
    associatedtype Memory: ReplayMemory = ReplayBuffer<Self> where Memory.Encoder == Self

    /// The network input's shape for one observation (`[n]` for vectors, `[channels, height, width]` for images).
    var inputShape: [Int] { get }
    /// Expands a stored observation into the `inputSize` floats the network reads.
    func decode(_ stored: UnsafeBufferPointer<Stored>, into destination: UnsafeMutableBufferPointer<Float>)
}

extension ObservationEncoder {
    /// Floats per observation in the network input.
    public var inputSize: Int { inputShape.reduce(1, *) }

    /// Expands `rows` stored observations, back to back in `stored`, into `rows × inputSize` floats.
    public func decode(rows: Int, from stored: UnsafeBufferPointer<Stored>,
                       into destination: UnsafeMutableBufferPointer<Float>) {
        for row in 0..<rows {
            decode(UnsafeBufferPointer(rebasing: stored[row * storedWidth..<(row + 1) * storedWidth]),
                   into: UnsafeMutableBufferPointer(rebasing: destination[row * inputSize..<(row + 1) * inputSize]))
        }
    }

    /// The network input for one observation, as a flat array.
    public func features(_ observation: Observation) -> [Float] {
        var stored = [Stored](unsafeUninitializedCapacity: storedWidth) { buffer, count in
            store(observation, into: buffer)
            count = storedWidth
        }
        return [Float](unsafeUninitializedCapacity: inputSize) { buffer, count in
            stored.withUnsafeMutableBufferPointer { decode(UnsafeBufferPointer($0), into: buffer) }
            count = inputSize
        }
    }
}

/// One-hot vectors for integer observations, so deep agents run on every gridworld, FrozenLake, CliffWalking and
/// tabular MDP. Stores one `Int32` per observation.
public struct OneHotEncoder: ObservationEncoder {
    /// The number of distinct observations (the length of the one-hot vector).
    public let count: Int

    /// An encoder for observations in `0..<count`.
    public init(count: Int) {
        self.count = count
    }

    public var inputShape: [Int] { [count] }
    public var storedWidth: Int { 1 }

    public func store(_ observation: Int, into destination: UnsafeMutableBufferPointer<Int32>) {
        destination[0] = Int32(observation)
    }

    public func decode(_ stored: UnsafeBufferPointer<Int32>, into destination: UnsafeMutableBufferPointer<Float>) {
        destination.update(repeating: 0)
        destination[Int(stored[0])] = 1
    }
}

/// Float vectors passed through as they are (CartPole's four state variables, for instance).
public struct VectorEncoder: ObservationEncoder {
    /// The vector's length.
    public let size: Int

    /// An encoder for vectors of `size` floats.
    public init(size: Int) {
        self.size = size
    }

    public var inputShape: [Int] { [size] }
    public var storedWidth: Int { size }

    public func store(_ observation: [Float], into destination: UnsafeMutableBufferPointer<Float>) {
        ArrayPacker<Float>(count: size).store(observation, into: destination)
    }

    public func decode(_ stored: UnsafeBufferPointer<Float>, into destination: UnsafeMutableBufferPointer<Float>) {
        // An element loop, not a memmove call: vectors are a few floats, and a replayed batch decodes one per row.
        for index in 0..<size { destination[index] = stored[index] }
    }
}
