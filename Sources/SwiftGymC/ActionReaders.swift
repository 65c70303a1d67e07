import Gym

/// Reads one action per copy from a caller's buffer into a batch's action array, refusing any outside the space
/// before a single copy is stepped (so a bad action leaves the batch as it was).
protocol ActionReader {
    /// The environment's action type.
    associatedtype Action

    /// How actions lie in the buffer, and their space.
    var layout: SpaceLayout { get }
    /// A placeholder action, to size the batch's action array.
    var placeholder: Action { get }
    /// Reads `actions.count` actions from `buffer`.
    func read(_ buffer: UnsafeRawPointer, into actions: inout [Action]) throws
}

/// Discrete actions, one `int64` per copy.
struct DiscreteActionReader: ActionReader {
    let space: Discrete
    var layout: SpaceLayout { SpaceLayout(space) }
    var placeholder: Int { space.start }

    func read(_ buffer: UnsafeRawPointer, into actions: inout [Int]) throws {
        let values = buffer.assumingMemoryBound(to: Int64.self)
        for copy in actions.indices {
            let value = values[copy]
            guard value >= Int64(space.start), value < Int64(space.start) + Int64(space.count) else {
                throw CFailure(.invalidAction, "invalid action \(value) for copy \(copy): the action space is \(space)")
            }
            actions[copy] = Int(value)
        }
    }
}

/// Box actions, `float32` values per copy in row-major order.
struct BoxActionReader: ActionReader {
    let space: Box<Float>
    var layout: SpaceLayout { SpaceLayout(space) }
    var placeholder: [Float] { space.low }

    func read(_ buffer: UnsafeRawPointer, into actions: inout [[Float]]) throws {
        let width = space.low.count
        let values = buffer.assumingMemoryBound(to: Float.self)
        for copy in actions.indices {
            for index in 0..<width {
                let value = values[copy * width + index]
                guard !value.isNaN, value >= space.low[index], value <= space.high[index] else {
                    throw CFailure(.invalidAction, "invalid action for copy \(copy): component \(index) is \(value); the action space is \(space)")
                }
                actions[copy][index] = value
            }
        }
    }
}
