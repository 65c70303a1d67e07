/// Replaces the observation with the environment's rendered frame, as three planes (red, green, blue).
///
/// This is how an environment that draws itself (``PixelEnvironment``) becomes an ``ImageEnvironment``; the rest of
/// the pixel chain (``Grayscale``, ``Resize``, ``MaxPoolFrames``, ``FrameStack``) works on its ``PlanarImage``s.
public struct PixelObservations<Base: PixelEnvironment>: Environment {
    /// The wrapped environment.
    public var base: Base
    /// The frames' shape, read from one rendering when the wrapper is made.
    public let observationSpace: ImageSpace

    /// Wraps `base`; its frames must keep one size.
    public init(_ base: Base) {
        self.base = base
        let frame = base.frame()
        observationSpace = ImageSpace(channels: 3, height: frame.height, width: frame.width)
    }

    public var actionSpace: Base.ActionSpace { base.actionSpace }

    public mutating func reset(seed: UInt64?) -> PlanarImage {
        _ = base.reset(seed: seed)
        return PlanarImage(base.frame())
    }

    public mutating func step(_ action: Base.Action) throws -> Step<PlanarImage> {
        let outcome = try base.step(action)
        return Step(observation: PlanarImage(base.frame()), reward: outcome.reward,
                    terminated: outcome.terminated, truncated: outcome.truncated)
    }
}

extension PixelObservations: EnvironmentWrapper {}
extension PixelObservations: ImageEnvironment where Base.ActionSpace == Discrete {}
