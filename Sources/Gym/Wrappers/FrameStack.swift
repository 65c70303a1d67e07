/// Observes the last `k` images stacked along the channel axis, oldest first (Gymnasium's `FrameStackObservation`).
///
/// A stack of `k` grayscale frames is a `k`-channel ``PlanarImage`` — the `[k, height, width]` input of a
/// convolutional network — and the observation space says it stacks `k` frames (``ImageSpace/stackedFrames``). At
/// the start of an episode the missing older frames are ``Padding/reset`` copies of the first image (Gymnasium's
/// default) or ``Padding/zero`` blank images.
public struct FrameStack<Base: Environment>: ObservationTransform
where Base.Observation == PlanarImage, Base.ObservationSpace == ImageSpace {
    /// What fills the stack before `k` images have been seen.
    public enum Padding: String, Sendable, CaseIterable {
        /// Copies of the episode's first image.
        case reset
        /// Images of zeros.
        case zero
    }

    public var base: Base
    /// The number of stacked images.
    public let count: Int
    /// How the stack starts.
    public let padding: Padding
    private var stacked: PlanarImage

    /// Wraps `base`, stacking its last `count` images.
    public init(_ base: Base, count: Int, padding: Padding = .reset) {
        precondition(count > 0, "FrameStack needs a positive count, got \(count)")
        self.base = base
        self.count = count
        self.padding = padding
        let space = base.observationSpace
        stacked = PlanarImage(channels: space.channels * count, height: space.height, width: space.width)
    }

    public var observationSpace: ImageSpace {
        let space = base.observationSpace
        return ImageSpace(channels: space.channels * count, height: space.height, width: space.width, stackedFrames: count)
    }

    public mutating func start(_ observation: PlanarImage) -> PlanarImage {
        let size = observation.pixels.count
        let count = count, padding = padding
        stacked.pixels.withUnsafeMutableBufferPointer { target in
            observation.pixels.withUnsafeBufferPointer { source in
                for slot in 0..<count {
                    for index in 0..<size {
                        target[slot * size + index] = padding == .zero && slot < count - 1 ? 0 : source[index]
                    }
                }
            }
        }
        return stacked
    }

    public mutating func transform(_ observation: PlanarImage) -> PlanarImage {
        let size = observation.pixels.count
        let count = count
        stacked.pixels.withUnsafeMutableBufferPointer { target in
            observation.pixels.withUnsafeBufferPointer { source in
                for index in 0..<(count - 1) * size {
                    target[index] = target[index + size]
                }
                for index in 0..<size {
                    target[(count - 1) * size + index] = source[index]
                }
            }
        }
        return stacked
    }
}

extension FrameStack: ImageEnvironment where Base.ActionSpace == Discrete {}
