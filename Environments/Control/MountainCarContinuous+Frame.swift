import Gym

extension MountainCarContinuous: FrameRendering {
    /// ``MountainCar``'s scene, with the flag at 0.45.
    public func frame() -> Frame {
        MountainCar.scene(carAt: Double(state.position), flagAt: Self.goalPosition)
    }
}
