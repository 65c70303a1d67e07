import Foundation
import Gym

/// The acrobot swing-up task (Sutton, 1996; Sutton and Barto's book) with Gymnasium's `Acrobot-v1` dynamics.
///
/// Two links hang in a chain from a fixed pivot; the joint between them is driven. The agent applies a torque at that
/// joint to swing the free end above a line one link length over the pivot. The constants, the book's equations of
/// motion, the fourth-order Runge-Kutta step, the angle wrapping and the velocity bounds are Gymnasium's, computed in
/// the same order, so a trajectory from the same state under the same actions matches `Acrobot-v1` number for number
/// (tests replay trajectories recorded from it).
///
/// ## Action Space
/// `Discrete(3)`: a torque of −1 (action 0), 0 (1) or +1 (2) N·m on the joint between the links.
///
/// ## Observation Space
/// `Box(6)` of `Float`: cos θ1, sin θ1, cos θ2, sin θ2 (each in [−1, 1]), θ̇1 in [−4π, 4π] and θ̇2 in [−9π, 9π] rad/s,
/// where θ1 is the first link's angle from hanging straight down and θ2 the second link's angle relative to the first.
/// The simulation runs in `Double`, as Gymnasium's does; observations are rounded to `Float` like its `float32` arrays.
///
/// ## Starting State
/// θ1, θ2, θ̇1 and θ̇2 each uniform in [−0.1, 0.1] and rounded to `Float`, as Gymnasium stores them: hanging down,
/// nearly still. The distribution is Gymnasium's; the random stream is this package's ``RandomGenerator``, so a seed
/// starts a different episode here than in Gymnasium.
///
/// ## Rewards
/// −1 for every step that does not reach the line, 0 for the one that does.
///
/// ## Episode End
/// Terminated when the free end rises above the line: −cos θ1 − cos(θ1 + θ2) > 1. The registry's `acrobot` adds
/// Gymnasium's 500-step time limit (truncation); its reward threshold is −100.
///
/// ## Arguments
/// `torqueNoise` (option `torque_noise_max`, default 0, Gymnasium's `torque_noise_max`): when positive, each step's
/// torque gets uniform noise in [−torqueNoise, torqueNoise] from the environment's generator. ``state`` can be read
/// and set for replaying a known trajectory.
public struct Acrobot: FloatVectorEnvironment {
    // MARK: - Constants (Gymnasium's Acrobot-v1)

    /// Seconds covered by one step (one Runge-Kutta step).
    public static let timeStep = 0.2
    /// Length of the first link, m.
    public static let linkLength1 = 1.0
    /// Length of the second link, m.
    public static let linkLength2 = 1.0
    /// Mass of the first link, kg.
    public static let linkMass1 = 1.0
    /// Mass of the second link, kg.
    public static let linkMass2 = 1.0
    /// Distance from the pivot to the first link's centre of mass, m.
    public static let linkCenterOfMass1 = 0.5
    /// Distance from the joint to the second link's centre of mass, m.
    public static let linkCenterOfMass2 = 0.5
    /// Moment of inertia of either link, kg·m².
    public static let linkMomentOfInertia = 1.0
    /// Gravity, m/s².
    public static let gravity = 9.8
    /// The bound on θ̇1: 4π rad/s.
    public static let maxVelocity1 = 4 * Double.pi
    /// The bound on θ̇2: 9π rad/s.
    public static let maxVelocity2 = 9 * Double.pi
    /// The torque of each action, N·m.
    public static let torques: [Double] = [-1, 0, 1]

    // MARK: - State

    /// The physical state: both angles and both angular velocities.
    public struct State: Equatable, Sendable {
        /// The first link's angle from hanging straight down, radians in [−π, π].
        public var angle1: Double
        /// The second link's angle relative to the first, radians in [−π, π].
        public var angle2: Double
        /// θ̇1, rad/s.
        public var angularVelocity1: Double
        /// θ̇2, rad/s.
        public var angularVelocity2: Double

        /// Creates a state from its four variables.
        public init(angle1: Double, angle2: Double, angularVelocity1: Double, angularVelocity2: Double) {
            self.angle1 = angle1
            self.angle2 = angle2
            self.angularVelocity1 = angularVelocity1
            self.angularVelocity2 = angularVelocity2
        }

        /// The observation Gymnasium returns for this state (`float32`).
        public var observation: [Float] {
            [Float(cos(angle1)), Float(sin(angle1)), Float(cos(angle2)), Float(sin(angle2)),
             Float(angularVelocity1), Float(angularVelocity2)]
        }

        /// Whether the free end is above the line one link length over the pivot.
        public var isAboveTheLine: Bool {
            -cos(angle1) - cos(angle2 + angle1) > 1.0
        }
    }

    /// The current physical state; set it to replay a trajectory from a known start.
    public var state = State(angle1: 0, angle2: 0, angularVelocity1: 0, angularVelocity2: 0)
    /// The largest torque noise (0: none).
    public let torqueNoise: Double
    private var generator = RandomGenerator(seed: 0)

    /// Creates the environment; call ``reset(seed:)`` to draw a start state.
    public init(torqueNoise: Double = 0) {
        precondition(torqueNoise >= 0 && torqueNoise.isFinite, "Acrobot needs a finite torque noise >= 0, got \(torqueNoise)")
        self.torqueNoise = torqueNoise
    }

    public var observationSpace: Box<Float> {
        let high: [Float] = [1, 1, 1, 1, Float(Self.maxVelocity1), Float(Self.maxVelocity2)]
        return Box(low: high.map { -$0 }, high: high, shape: [6])
    }

    public var actionSpace: Discrete { Discrete(3) }

    // MARK: - Dynamics

    public mutating func reset(seed: UInt64?) -> [Float] {
        if let seed { generator = RandomGenerator(seed: seed) }
        func draw() -> Double { Double(Float(Double.sample(low: -0.1, high: 0.1, using: &generator))) }
        state = State(angle1: draw(), angle2: draw(), angularVelocity1: draw(), angularVelocity2: draw())
        return state.observation
    }

    public mutating func step(_ action: Int) throws -> Step<[Float]> {
        guard Self.torques.indices.contains(action) else { throw GymError.invalidAction(action, space: actionSpace) }
        var torque = Self.torques[action]
        if torqueNoise > 0 {
            torque += Double.sample(low: -torqueNoise, high: torqueNoise, using: &generator)
        }
        state = Self.advance(state, torque: torque)
        let terminated = state.isAboveTheLine
        return Step(observation: state.observation, reward: terminated ? 0 : -1, terminated: terminated)
    }

    /// One step: a Runge-Kutta step of ``timeStep`` under `torque`, then the angles wrapped into [−π, π] and the
    /// velocities bounded, as Gymnasium does.
    public static func advance(_ state: State, torque: Double) -> State {
        let start = SIMD4(state.angle1, state.angle2, state.angularVelocity1, state.angularVelocity2)
        let end = rungeKuttaStep(start, torque: torque)
        return State(angle1: wrap(end[0]), angle2: wrap(end[1]),
                     angularVelocity1: min(max(end[2], -maxVelocity1), maxVelocity1),
                     angularVelocity2: min(max(end[3], -maxVelocity2), maxVelocity2))
    }

    /// The classic fourth-order Runge-Kutta step over [0, ``timeStep``], in Gymnasium's order of operations.
    static func rungeKuttaStep(_ y: SIMD4<Double>, torque: Double) -> SIMD4<Double> {
        let halfStep = timeStep / 2
        let k1 = derivatives(y, torque: torque)
        let k2 = derivatives(y + halfStep * k1, torque: torque)
        let k3 = derivatives(y + halfStep * k2, torque: torque)
        let k4 = derivatives(y + timeStep * k3, torque: torque)
        return y + timeStep / 6.0 * (k1 + 2 * k2 + 2 * k3 + k4)
    }

    /// The time derivative of (θ1, θ2, θ̇1, θ̇2) under `torque`: the book's equations of motion (the NeurIPS paper's
    /// omit the θ̇1² term of θ̈2).
    static func derivatives(_ s: SIMD4<Double>, torque a: Double) -> SIMD4<Double> {
        let m1 = linkMass1, m2 = linkMass2, l1 = linkLength1
        let lc1 = linkCenterOfMass1, lc2 = linkCenterOfMass2, i1 = linkMomentOfInertia, i2 = linkMomentOfInertia
        let g = gravity
        let theta1 = s[0], theta2 = s[1], dtheta1 = s[2], dtheta2 = s[3]
        let d1 = m1 * (lc1 * lc1) + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * cos(theta2)) + i1 + i2
        let d2 = m2 * (lc2 * lc2 + l1 * lc2 * cos(theta2)) + i2
        let phi2 = m2 * lc2 * g * cos(theta1 + theta2 - Double.pi / 2.0)
        let coriolis1 = -m2 * l1 * lc2 * (dtheta2 * dtheta2) * sin(theta2)
        let coriolis2 = 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * sin(theta2)
        let phi1 = coriolis1 - coriolis2 + (m1 * lc1 + m2 * l1) * g * cos(theta1 - Double.pi / 2) + phi2
        let centrifugal = m2 * l1 * lc2 * (dtheta1 * dtheta1) * sin(theta2)
        let ddtheta2 = (a + d2 / d1 * phi1 - centrifugal - phi2) / (m2 * (lc2 * lc2) + i2 - d2 * d2 / d1)
        let ddtheta1 = -(d2 * ddtheta2 + phi1) / d1
        return SIMD4(dtheta1, dtheta2, ddtheta1, ddtheta2)
    }

    /// `angle` shifted by whole turns into [−π, π], a turn at a time as Gymnasium's `wrap` does. An angle more than
    /// a million radians away, which only a caller's state can hold, is first brought near with a remainder.
    static func wrap(_ angle: Double) -> Double {
        let low = -Double.pi, high = Double.pi, turn = high - low
        guard angle.isFinite else { return angle }
        var angle = abs(angle) > 1e6 ? angle.remainder(dividingBy: turn) : angle
        while angle > high { angle -= turn }
        while angle < low { angle += turn }
        return angle
    }
}
