import Foundation
import Gym

/// The inverted-pendulum swing-up task with Gymnasium's `Pendulum-v1` dynamics.
///
/// A pendulum hangs from a frictionless pivot; the agent applies a torque at the pivot to swing it up and hold it
/// upright, its motor too weak to lift it in one go. The constants, the semi-implicit Euler step, the cost and the
/// angle normalization are Gymnasium's, with the same `float32` and `float64` arithmetic, so a trajectory from the
/// same state under the same actions matches `Pendulum-v1` number for number (tests replay trajectories recorded
/// from it).
///
/// ## Action Space
/// `Box(1)` of `Float` in [−2, 2]: the torque, positive counterclockwise. A value outside is clipped, as in
/// Gymnasium; one that is not finite, or a wrong number of values, is rejected.
///
/// ## Observation Space
/// `Box(3)` of `Float`: cos θ and sin θ (each in [−1, 1]) and θ̇ in [−8, 8] rad/s, where θ is the angle from upright,
/// positive counterclockwise. The simulation runs in `Double`, as Gymnasium's does; observations are rounded to
/// `Float` like its `float32` arrays.
///
/// ## Starting State
/// θ uniform in [−π, π] and θ̇ uniform in [−1, 1]. The distribution is Gymnasium's; the random stream is this
/// package's ``RandomGenerator``, so a seed starts a different episode here than in Gymnasium.
///
/// ## Rewards
/// −(θ² + 0.1 · θ̇² + 0.001 · torque²) for every step, with θ normalized into [−π, π) and the torque after clipping:
/// from about −16.27 (hanging down, spinning, pushing hard) to 0 (upright, still, no torque).
///
/// ## Episode End
/// Never terminated. The registry's `pendulum` adds Gymnasium's 200-step time limit (truncation); Gymnasium defines
/// no reward threshold.
///
/// ## Arguments
/// `gravity` (option `gravity`, Gymnasium's `g`; default 10, m/s²). ``state`` can be read and set for replaying a
/// known trajectory.
public struct Pendulum: ContinuousControlEnvironment {
    // MARK: - Constants (Gymnasium's Pendulum-v1)

    /// The largest angular speed, rad/s.
    public static let maxSpeed = 8.0
    /// The largest torque, N·m.
    public static let maxTorque: Float = 2
    /// Seconds between state updates.
    public static let timeStep = 0.05
    /// Mass of the bob, kg.
    public static let mass = 1.0
    /// Length of the rod, m.
    public static let length = 1.0
    /// Gymnasium's default gravity, m/s².
    public static let defaultGravity = 10.0
    /// The cost per squared rad/s of angular velocity.
    public static let velocityCost = 0.1
    /// The cost per squared N·m of torque.
    public static let torqueCost = 0.001

    // MARK: - State

    /// The physical state: angle and angular velocity.
    public struct State: Equatable, Sendable {
        /// Angle from upright, radians, positive counterclockwise; not normalized (it grows as the pendulum spins).
        public var angle: Double
        /// Angular velocity, rad/s.
        public var angularVelocity: Double

        /// Creates a state from its two variables.
        public init(angle: Double, angularVelocity: Double) {
            self.angle = angle
            self.angularVelocity = angularVelocity
        }

        /// The observation Gymnasium returns for this state (`float32`).
        public var observation: [Float] { [Float(cos(angle)), Float(sin(angle)), Float(angularVelocity)] }
    }

    /// The current physical state; set it to replay a trajectory from a known start.
    public var state = State(angle: Double.pi, angularVelocity: 0)
    /// Gravity, m/s².
    public let gravity: Double
    private var generator = RandomGenerator(seed: 0)

    /// Creates the environment; call ``reset(seed:)`` to draw a start state.
    public init(gravity: Double = Pendulum.defaultGravity) {
        precondition(gravity.isFinite, "Pendulum needs a finite gravity, got \(gravity)")
        self.gravity = gravity
    }

    public var observationSpace: Box<Float> {
        let high: [Float] = [1, 1, Float(Self.maxSpeed)]
        return Box(low: high.map { -$0 }, high: high, shape: [3])
    }

    public var actionSpace: Box<Float> { Box(low: -Self.maxTorque, high: Self.maxTorque, shape: [1]) }

    // MARK: - Dynamics

    public mutating func reset(seed: UInt64?) -> [Float] {
        if let seed { generator = RandomGenerator(seed: seed) }
        state = State(angle: Double.sample(low: -Double.pi, high: Double.pi, using: &generator),
                      angularVelocity: Double.sample(low: -1, high: 1, using: &generator))
        return state.observation
    }

    public mutating func step(_ action: [Float]) throws -> Step<[Float]> {
        try actionSpace.validate(action)
        let torque = min(max(action[0], -Self.maxTorque), Self.maxTorque)
        let reward = -Self.cost(state, torque: torque)
        state = advance(state, torque: torque)
        return Step(observation: state.observation, reward: reward, terminated: false)
    }

    /// The cost of being in `state` while applying `torque`: θ² + 0.1 · θ̇² + 0.001 · torque², with θ normalized and
    /// the torque term in `float32`, as NumPy computes it for a `float32` action (the `float64` constant rounded first).
    public static func cost(_ state: State, torque: Float) -> Double {
        let angle = normalizedAngle(state.angle)
        let velocity = state.angularVelocity
        return angle * angle + velocityCost * (velocity * velocity) + Double(Float(torqueCost) * (torque * torque))
    }

    /// One semi-implicit Euler step under `torque` (already clipped), in Gymnasium's order of operations: the angular
    /// velocity changes by gravity and the torque and is clipped to ±``maxSpeed``, then the angle moves by the new
    /// velocity. The torque term is `float32`, as NumPy computes it for a `float32` action.
    public func advance(_ state: State, torque: Float) -> State {
        let l = Self.length, dt = Self.timeStep
        let gravityTerm = 3 * gravity / (2 * l) * sin(state.angle)
        let torqueTerm = Float(3.0 / (Self.mass * (l * l))) * torque
        var angularVelocity = state.angularVelocity + (gravityTerm + Double(torqueTerm)) * dt
        angularVelocity = min(max(angularVelocity, -Self.maxSpeed), Self.maxSpeed)
        return State(angle: state.angle + angularVelocity * dt, angularVelocity: angularVelocity)
    }

    /// `angle` in [−π, π): ((angle + π) mod 2π) − π, with the floored modulo NumPy uses (the result takes the sign
    /// of the divisor).
    public static func normalizedAngle(_ angle: Double) -> Double {
        let turn = 2 * Double.pi
        var remainder = (angle + Double.pi).truncatingRemainder(dividingBy: turn)
        if remainder < 0 { remainder += turn }
        return remainder - Double.pi
    }
}
