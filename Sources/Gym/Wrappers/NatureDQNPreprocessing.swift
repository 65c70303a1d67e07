/// The Nature DQN preprocessing chain (Mnih et al. 2015), as composable wrappers around a ``PixelEnvironment``.
///
/// From the inside out: ``NoopStarts`` (1–30 no-ops), ``PixelObservations`` (the rendered RGB frame),
/// ``Grayscale``, ``MaxPoolFrames`` (maximum of the last two frames), ``ActionRepeat`` (4 frames per step),
/// ``Resize`` to 84x84 (area), ``FrameStack`` (4 frames, reset padding) and ``RewardClipping`` to [−1, 1]. The
/// observation is a `[4, 84, 84]` ``PlanarImage`` — the Nature CNN's input. `gym … --pixels 84` applies it.
public struct NatureDQNPreprocessing: Equatable, Sendable {
    /// The side of the square output images.
    public var size: Int
    /// Base steps per step (frame skip).
    public var frameSkip: Int
    /// Images stacked into one observation.
    public var stack: Int
    /// The most no-ops at the start of an episode.
    public var maximumNoops: Int
    /// How frames are shrunk.
    public var resizeMethod: ResizeMethod
    /// Whether rewards are clamped into [−1, 1].
    public var clipRewards: Bool

    /// Creates the chain's settings; the defaults are the Nature paper's.
    public init(size: Int = 84, frameSkip: Int = 4, stack: Int = 4, maximumNoops: Int = 30,
                resizeMethod: ResizeMethod = .area, clipRewards: Bool = true) throws {
        guard size > 0, frameSkip > 0, stack > 0, maximumNoops > 0 else {
            throw GymError("pixel preprocessing needs a positive size, frame skip, stack and no-op count, got size \(size), frame skip \(frameSkip), stack \(stack), no-ops \(maximumNoops)")
        }
        self.size = size
        self.frameSkip = frameSkip
        self.stack = stack
        self.maximumNoops = maximumNoops
        self.resizeMethod = resizeMethod
        self.clipRewards = clipRewards
    }

    /// The wrapped type of a base environment.
    public typealias Chain<Base: PixelEnvironment> =
        RewardClipping<FrameStack<Resize<ActionRepeat<MaxPoolFrames<Grayscale<PixelObservations<NoopStarts<Base>>>>>>>>

    /// Wraps `environment` in the chain.
    public func apply<Base: PixelEnvironment>(to environment: Base) -> Chain<Base> {
        let pooled = MaxPoolFrames(Grayscale(PixelObservations(NoopStarts(environment, maximumNoops: maximumNoops))))
        let resized = Resize(ActionRepeat(pooled, repeats: frameSkip), height: size, width: size, method: resizeMethod)
        let stacked = FrameStack(resized, count: stack)
        return clipRewards ? RewardClipping(stacked) : RewardClipping(stacked, low: -.infinity, high: .infinity)
    }

    /// Wraps an environment chosen at run time (from the registry); throws when it is not a ``PixelEnvironment``
    /// (it does not draw itself or its actions are not numbered).
    ///
    /// The environment itself must be one, not merely contain one: the chain keeps every wrapper around the game.
    public func apply(toAny environment: any Environment, name: String) throws -> any Environment {
        guard let pixels = environment as? any PixelEnvironment else {
            throw GymError("the pixel preprocessing applies to games whose screen is their observation (PixelEnvironment: breakout, space-invaders, freeway, asterix, seaquest); '\(name)' is not one of them")
        }
        return erasedChain(pixels)
    }

    private func erasedChain<Base: PixelEnvironment>(_ environment: Base) -> any Environment {
        apply(to: environment)
    }
}
