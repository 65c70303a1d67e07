import Gym

// The classic-control tasks expose their physical state as Gymnasium's `env.unwrapped.state` does, in its order, so a
// caller (a test, the C ABI, Python) can replay a trajectory from a set state.

extension CartPole: StateVectorAccess {
    /// Position, velocity, angle, angular velocity.
    public var stateVector: [Double] {
        get { [state.position, state.velocity, state.angle, state.angularVelocity] }
        set { state = State(position: newValue[0], velocity: newValue[1], angle: newValue[2], angularVelocity: newValue[3]) }
    }
}

extension Acrobot: StateVectorAccess {
    /// θ1, θ2, θ̇1, θ̇2.
    public var stateVector: [Double] {
        get { [state.angle1, state.angle2, state.angularVelocity1, state.angularVelocity2] }
        set {
            state = State(angle1: newValue[0], angle2: newValue[1], angularVelocity1: newValue[2],
                          angularVelocity2: newValue[3])
        }
    }
}

extension MountainCar: StateVectorAccess {
    /// Position, velocity.
    public var stateVector: [Double] {
        get { [state.position, state.velocity] }
        set { state = State(position: newValue[0], velocity: newValue[1]) }
    }
}

extension MountainCarContinuous: StateVectorAccess {
    /// Position, velocity (kept in `float32`, as Gymnasium keeps them).
    public var stateVector: [Double] {
        get { [Double(state.position), Double(state.velocity)] }
        set { state = State(position: Float(newValue[0]), velocity: Float(newValue[1])) }
    }
}

extension Pendulum: StateVectorAccess {
    /// Angle θ, angular velocity θ̇.
    public var stateVector: [Double] {
        get { [state.angle, state.angularVelocity] }
        set { state = State(angle: newValue[0], angularVelocity: newValue[1]) }
    }
}
