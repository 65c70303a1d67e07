import Foundation
import Gym

/// The cart-pole balancing problem (Barto, Sutton and Anderson, 1983) with Gymnasium's `CartPole-v1` dynamics.
///
/// A pole is hinged to a cart that moves along a frictionless track; the agent pushes the cart left or right to keep
/// the pole upright. The constants, the Euler integration and the episode ends are Gymnasium's, so a trajectory from
/// the same state under the same actions matches `CartPole-v1` number for number (a test holds one).
///
/// ## Action Space
/// `Discrete(2)`: 0 pushes the cart to the left, 1 to the right, with a force of 10 N.
///
/// ## Observation Space
/// `Box(4)` of `Float`: cart position in [−4.8, 4.8], cart velocity (unbounded), pole angle in radians in
/// [−0.418, 0.418] (±24°), pole angular velocity (unbounded). The simulation itself runs in `Double`, as Gymnasium's
/// does; observations are rounded to `Float` like its `float32` arrays.
///
/// ## Starting State
/// All four state variables uniform in [−0.05, 0.05].
///
/// ## Rewards
/// +1 for every step, the terminating one included.
///
/// ## Episode End
/// Terminated when the pole angle leaves ±12° or the cart position leaves ±2.4. The registry's `cartpole` adds
/// Gymnasium's 500-step time limit (truncation); its reward threshold is 475.
///
/// ## Arguments
/// None: the physics constants are fixed. ``state`` can be read and set for replaying a known trajectory.
public struct CartPole: FloatVectorEnvironment, TextRendering {
    // MARK: - Constants (Gymnasium's CartPole-v1)

    /// Gravity, m/s².
    public static let gravity = 9.8
    /// Mass of the cart, kg.
    public static let cartMass = 1.0
    /// Mass of the pole, kg.
    public static let poleMass = 0.1
    /// Half the pole's length, m.
    public static let poleHalfLength = 0.5
    /// Magnitude of the push, N.
    public static let forceMagnitude = 10.0
    /// Seconds between state updates.
    public static let timeStep = 0.02
    /// The pole angle beyond which the episode ends: 12°, in radians.
    public static let angleLimit = 12 * 2 * Double.pi / 360
    /// The cart position beyond which the episode ends.
    public static let positionLimit = 2.4

    /// Cart plus pole, kg.
    public static let totalMass = cartMass + poleMass
    /// Pole mass times half length, kg·m.
    public static let poleMassLength = poleMass * poleHalfLength

    // MARK: - State

    /// The physical state: cart position, cart velocity, pole angle, pole angular velocity.
    public struct State: Equatable, Sendable {
        /// Cart position, m.
        public var position: Double
        /// Cart velocity, m/s.
        public var velocity: Double
        /// Pole angle from upright, radians (positive leans right).
        public var angle: Double
        /// Pole angular velocity, rad/s.
        public var angularVelocity: Double

        /// Creates a state from its four variables.
        public init(position: Double, velocity: Double, angle: Double, angularVelocity: Double) {
            self.position = position
            self.velocity = velocity
            self.angle = angle
            self.angularVelocity = angularVelocity
        }

        /// The observation Gymnasium returns for this state (`float32`).
        public var observation: [Float] {
            Array(unsafeUninitializedCapacity: 4) { elements, count in
                write(into: elements)
                count = 4
            }
        }

        /// Writes ``observation``'s four elements into `elements`.
        @inlinable
        public func write(into elements: UnsafeMutableBufferPointer<Float>) {
            elements[0] = Float(position)
            elements[1] = Float(velocity)
            elements[2] = Float(angle)
            elements[3] = Float(angularVelocity)
        }

        /// Whether the pole has fallen or the cart has left the track.
        public var isOutOfBounds: Bool {
            position < -CartPole.positionLimit || position > CartPole.positionLimit
                || angle < -CartPole.angleLimit || angle > CartPole.angleLimit
        }
    }

    /// The current physical state; set it to replay a trajectory from a known start.
    public var state = State(position: 0, velocity: 0, angle: 0, angularVelocity: 0)
    private var generator = RandomGenerator(seed: 0)
    /// The array the latest observation was returned in, written again in place when no one holds it any more.
    private var observationBuffer = ReusableObservation<Float>(count: 4, repeating: 0)

    /// Creates the environment; call ``reset(seed:)`` to draw a start state.
    public init() {}

    public var observationSpace: Box<Float> {
        let high: [Float] = [Float(2 * Self.positionLimit), .greatestFiniteMagnitude,
                             Float(2 * Self.angleLimit), .greatestFiniteMagnitude]
        return Box(low: high.map { -$0 }, high: high, shape: [4])
    }

    public var actionSpace: Discrete { Discrete(2) }

    // MARK: - Dynamics

    public mutating func reset(seed: UInt64?) -> [Float] {
        if let seed { generator = RandomGenerator(seed: seed) }
        func draw() -> Double { -0.05 + 0.1 * generator.nextDouble() }
        state = State(position: draw(), velocity: draw(), angle: draw(), angularVelocity: draw())
        return observationBuffer.write(state.write)
    }

    public mutating func step(_ action: Int) throws -> Step<[Float]> {
        guard action == 0 || action == 1 else { throw GymError.invalidAction(action, space: actionSpace) }
        state = Self.advance(state, pushingRight: action == 1)
        return Step(observation: observationBuffer.write(state.write), reward: 1, terminated: state.isOutOfBounds)
    }

    /// One Euler step of the equations of motion (Florian, 2007, as in Gymnasium), in Gymnasium's order of operations.
    @inlinable
    public static func advance(_ state: State, pushingRight: Bool) -> State {
        let force = pushingRight ? forceMagnitude : -forceMagnitude
        let cosine = cos(state.angle)
        let sine = sin(state.angle)
        let temp = (force + poleMassLength * state.angularVelocity * state.angularVelocity * sine) / totalMass
        let angularAcceleration = (gravity * sine - cosine * temp)
            / (poleHalfLength * (4.0 / 3.0 - poleMass * cosine * cosine / totalMass))
        let acceleration = temp - poleMassLength * angularAcceleration * cosine / totalMass
        return State(position: state.position + timeStep * state.velocity,
                     velocity: state.velocity + timeStep * acceleration,
                     angle: state.angle + timeStep * state.angularVelocity,
                     angularVelocity: state.angularVelocity + timeStep * angularAcceleration)
    }

    // MARK: - Rendering

    /// The track as one text line between the ±2.4 edges, the cart drawn as the pole's lean (`/`, `|` or `\`),
    /// followed by the position and the angle in degrees.
    public func text() -> String {
        let width = 49
        let column = Int(((state.position + Self.positionLimit) / (2 * Self.positionLimit) * Double(width - 1)).rounded())
        let pole = state.angle > 0.035 ? "/" : state.angle < -0.035 ? "\\" : "|"
        var track = Array(repeating: Character("-"), count: width)
        if (0..<width).contains(column) { track[column] = Character(pole) }
        let degrees = state.angle * 180 / Double.pi
        return "|" + String(track) + "|  x \(String(format: "%+.3f", state.position))  θ \(String(format: "%+.2f", degrees))°\n"
    }
}
