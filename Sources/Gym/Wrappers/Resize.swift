/// How ``Resize`` computes output pixels from input pixels.
public enum ResizeMethod: String, Sendable, CaseIterable {
    /// Average over the covered area.
    case area
    /// Bilinear interpolation.
    case bilinear
}

/// Resizes image observations, plane by plane, to a fixed size (Gymnasium's `ResizeObservation`).
///
/// Two methods, both separable (a horizontal pass, then a vertical one) with weights computed once:
/// - ``ResizeMethod/area``: each output pixel is the average of the input area it covers, partial pixels weighted by
///   their overlap (OpenCV's `INTER_AREA`, the choice for shrinking);
/// - ``ResizeMethod/bilinear``: each output pixel interpolates the four nearest input pixels, pixel centres aligned at
///   half-pixel offsets and edges clamped (OpenCV's `INTER_LINEAR`).
///
/// Results are rounded to the nearest byte (halves away from zero).
public struct Resize<Base: Environment>: ObservationTransform
where Base.Observation == PlanarImage, Base.ObservationSpace == ImageSpace {
    public var base: Base
    /// The output size and method.
    public let observationSpace: ImageSpace
    /// The method.
    public let method: ResizeMethod
    private let horizontal: ResamplingWeights
    private let vertical: ResamplingWeights

    /// Wraps `base`, resizing its images to `height` x `width` with `method`.
    public init(_ base: Base, height: Int, width: Int, method: ResizeMethod = .area) {
        precondition(height > 0 && width > 0, "Resize needs a positive size, got \(height)x\(width)")
        self.base = base
        self.method = method
        let input = base.observationSpace
        observationSpace = ImageSpace(channels: input.channels, height: height, width: width,
                                      stackedFrames: input.stackedFrames)
        horizontal = ResamplingWeights(from: input.width, to: width, method: method)
        vertical = ResamplingWeights(from: input.height, to: height, method: method)
    }

    public func start(_ observation: PlanarImage) -> PlanarImage { resized(observation) }
    public func transform(_ observation: PlanarImage) -> PlanarImage { resized(observation) }

    /// `image` resized to the output size.
    public func resized(_ image: PlanarImage) -> PlanarImage {
        Self.resize(image, horizontal: horizontal, vertical: vertical)
    }

    /// Resizes `image` to `height` x `width` (one-off use, outside an environment).
    public static func resize(_ image: PlanarImage, height: Int, width: Int, method: ResizeMethod) -> PlanarImage {
        resize(image, horizontal: ResamplingWeights(from: image.width, to: width, method: method),
               vertical: ResamplingWeights(from: image.height, to: height, method: method))
    }

    private static func resize(_ image: PlanarImage, horizontal: ResamplingWeights, vertical: ResamplingWeights) -> PlanarImage {
        let inWidth = image.width, inHeight = image.height
        let outWidth = horizontal.outputCount, outHeight = vertical.outputCount
        var output = PlanarImage(channels: image.channels, height: outHeight, width: outWidth)
        var rows = [Float](repeating: 0, count: inHeight * outWidth)
        image.pixels.withUnsafeBufferPointer { source in
            output.pixels.withUnsafeMutableBufferPointer { target in
                rows.withUnsafeMutableBufferPointer { rows in
                    for channel in 0..<image.channels {
                        let plane = channel * inHeight * inWidth
                        for row in 0..<inHeight {
                            let rowStart = plane + row * inWidth
                            for column in 0..<outWidth {
                                var sum: Float = 0
                                for index in horizontal.offsets[column]..<horizontal.offsets[column + 1] {
                                    sum += horizontal.weights[index] * Float(source[rowStart + horizontal.sources[index]])
                                }
                                rows[row * outWidth + column] = sum
                            }
                        }
                        let outPlane = channel * outHeight * outWidth
                        for outRow in 0..<outHeight {
                            for column in 0..<outWidth {
                                var sum: Float = 0
                                for index in vertical.offsets[outRow]..<vertical.offsets[outRow + 1] {
                                    sum += vertical.weights[index] * rows[vertical.sources[index] * outWidth + column]
                                }
                                target[outPlane + outRow * outWidth + column] = UInt8(min(max(sum.rounded(), 0), 255))
                            }
                        }
                    }
                }
            }
        }
        return output
    }
}

/// For each output coordinate, the input coordinates it reads and their weights (summing to 1).
struct ResamplingWeights: Sendable {
    /// The number of output coordinates.
    let outputCount: Int
    /// Output `i` reads entries `offsets[i] ..< offsets[i + 1]`.
    let offsets: [Int]
    /// The input coordinate of each entry.
    let sources: [Int]
    /// The weight of each entry.
    let weights: [Float]

    init(from inputCount: Int, to outputCount: Int, method: ResizeMethod) {
        self.outputCount = outputCount
        let scale = Double(inputCount) / Double(outputCount)
        var offsets = [0], sources: [Int] = [], weights: [Float] = []
        for output in 0..<outputCount {
            switch method {
            case .area:
                let start = Double(output) * scale, end = Double(output + 1) * scale
                var input = Int(start)
                while Double(input) < end && input < inputCount {
                    let overlap = min(end, Double(input + 1)) - max(start, Double(input))
                    if overlap > 1e-12 {
                        sources.append(input)
                        weights.append(Float(overlap / scale))
                    }
                    input += 1
                }
            case .bilinear:
                let centre = min(max((Double(output) + 0.5) * scale - 0.5, 0), Double(inputCount - 1))
                let low = Int(centre)
                let high = min(low + 1, inputCount - 1)
                let fraction = centre - Double(low)
                sources.append(low)
                weights.append(Float(1 - fraction))
                if high != low {
                    sources.append(high)
                    weights.append(Float(fraction))
                }
            }
            offsets.append(sources.count)
        }
        self.offsets = offsets
        self.sources = sources
        self.weights = weights
    }
}

extension Resize: ImageEnvironment where Base.ActionSpace == Discrete {}
