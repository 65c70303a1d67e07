/// Observes the pixel-wise maximum of the current and the previous image (DQN's fix for Atari's flicker).
///
/// Under ``ActionRepeat`` it yields the maximum over the last two frames of each repeat, as in the Nature DQN
/// preprocessing. At the start of an episode the previous image is the first one, so the maximum is the image.
public struct MaxPoolFrames<Base: Environment>: ObservationTransform
where Base.Observation == PlanarImage, Base.ObservationSpace == ImageSpace {
    public var base: Base
    private var previous: PlanarImage

    /// Wraps `base`.
    public init(_ base: Base) {
        self.base = base
        let space = base.observationSpace
        previous = PlanarImage(channels: space.channels, height: space.height, width: space.width)
    }

    public var observationSpace: ImageSpace { base.observationSpace }

    public mutating func start(_ observation: PlanarImage) -> PlanarImage {
        previous = observation
        return observation
    }

    public mutating func transform(_ observation: PlanarImage) -> PlanarImage {
        var pooled = observation
        pooled.pixels.withUnsafeMutableBufferPointer { target in
            previous.pixels.withUnsafeBufferPointer { earlier in
                for index in target.indices where earlier[index] > target[index] {
                    target[index] = earlier[index]
                }
            }
        }
        previous = observation
        return pooled
    }
}

extension MaxPoolFrames: ImageEnvironment where Base.ActionSpace == Discrete {}
