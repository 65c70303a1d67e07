/// Converts RGB observations to one luminance plane with the ITU-R BT.601 weights 0.299 R + 0.587 G + 0.114 B
/// (the weights of OpenCV's `COLOR_RGB2GRAY`, which Gymnasium's Atari preprocessing uses).
///
/// The weights are applied in 14-bit fixed point and rounded to the nearest byte, as OpenCV does.
public struct Grayscale<Base: Environment>: ObservationTransform
where Base.Observation == PlanarImage, Base.ObservationSpace == ImageSpace {
    /// Red, green and blue weights in units of 2^-14 (4899 + 9617 + 1868 = 16384).
    public static var weights: (red: Int, green: Int, blue: Int) { (4899, 9617, 1868) }

    public var base: Base

    /// Wraps `base`, whose observations must have three channels.
    public init(_ base: Base) {
        precondition(base.observationSpace.channels == 3,
                     "Grayscale needs RGB observations (3 channels), got \(base.observationSpace)")
        self.base = base
    }

    public var observationSpace: ImageSpace {
        ImageSpace(channels: 1, height: base.observationSpace.height, width: base.observationSpace.width)
    }

    public func start(_ observation: PlanarImage) -> PlanarImage { Self.luminance(of: observation) }
    public func transform(_ observation: PlanarImage) -> PlanarImage { Self.luminance(of: observation) }

    /// The luminance plane of an RGB image.
    public static func luminance(of image: PlanarImage) -> PlanarImage {
        let planeSize = image.height * image.width
        let (red, green, blue) = weights
        var gray = PlanarImage(channels: 1, height: image.height, width: image.width)
        image.pixels.withUnsafeBufferPointer { source in
            gray.pixels.withUnsafeMutableBufferPointer { target in
                for index in 0..<planeSize {
                    let sum = red * Int(source[index]) + green * Int(source[planeSize + index])
                        + blue * Int(source[2 * planeSize + index])
                    target[index] = UInt8((sum + 8192) >> 14)
                }
            }
        }
        return gray
    }
}

extension Grayscale: ImageEnvironment where Base.ActionSpace == Discrete {}
