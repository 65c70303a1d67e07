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

/// Discrete actions, one `int64` (Swift's `Int`) per copy.
struct DiscreteActionReader: ActionReader {
    let space: Discrete
    var layout: SpaceLayout { SpaceLayout(space) }
    var placeholder: Int { space.start }

    func read(_ buffer: UnsafeRawPointer, into actions: inout [Int]) throws {
        let values = buffer.assumingMemoryBound(to: Int.self)
        for copy in actions.indices {
            guard space.contains(values[copy]) else {
                throw CFailure(.invalidAction, "invalid action \(values[copy]) for copy \(copy): the action space is \(space)")
            }
            actions[copy] = values[copy]
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
            for index in 0..<width { actions[copy][index] = values[copy * width + index] }
            guard space.contains(actions[copy]) else {
                let bad = (0..<width).first { !(space.low[$0]...space.high[$0]).contains(actions[copy][$0]) } ?? 0
                throw CFailure(.invalidAction, "invalid action for copy \(copy): component \(bad) is \(actions[copy][bad]); the action space is \(space)")
            }
        }
    }
}
