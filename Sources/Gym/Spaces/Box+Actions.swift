extension Box where Scalar: BinaryFloatingPoint {
    /// Checks `action` as a continuous-control environment takes it: one value per component, each finite.
    ///
    /// Values outside the bounds pass: Gymnasium's continuous-control tasks accept them and clip (Pendulum clips the
    /// torque, MountainCarContinuous clips the force but charges for the action as given), and each environment does
    /// what its Gymnasium counterpart does. Throws ``GymError`` naming the action and the space otherwise.
    public func validate(_ action: [Scalar]) throws {
        guard action.count == low.count, action.allSatisfy(\.isFinite) else {
            throw GymError.invalidAction(action, space: self)
        }
    }
}
