import Foundation

/// Filled and random tensors.
extension Tensor {
    /// A tensor of zeros.
    public static func zeros(_ shape: [Int]) -> Tensor { Tensor(repeating: 0, shape: shape) }

    /// A tensor of ones.
    public static func ones(_ shape: [Int]) -> Tensor { Tensor(repeating: 1, shape: shape) }

    /// Independent samples from U[low, high), drawn from `generator` with a platform-independent conversion.
    public static func uniform(
        _ shape: [Int], low: Float = 0, high: Float = 1, using generator: inout some RandomNumberGenerator
    ) -> Tensor {
        Tensor(shape: shape) { out in
            for i in 0..<out.count { out[i] = low + (high - low) * unitFloat(&generator) }
        }
    }

    /// Independent samples from N(mean, standardDeviation²) by the Box–Muller transform.
    public static func normal(
        _ shape: [Int], mean: Float = 0, standardDeviation: Float = 1, using generator: inout some RandomNumberGenerator
    ) -> Tensor {
        Tensor(shape: shape) { out in
            var i = 0
            while i < out.count {
                let u1 = 1 - Double(generator.next() >> 11) * 0x1.0p-53
                let u2 = Double(generator.next() >> 11) * 0x1.0p-53
                let radius = Foundation.sqrt(-2 * Foundation.log(u1))
                out[i] = mean + standardDeviation * Float(radius * Foundation.cos(2 * .pi * u2))
                if i + 1 < out.count {
                    out[i + 1] = mean + standardDeviation * Float(radius * Foundation.sin(2 * .pi * u2))
                }
                i += 2
            }
        }
    }

    /// A uniform `Float` in [0, 1) from the top 24 bits of the generator's next word.
    static func unitFloat(_ generator: inout some RandomNumberGenerator) -> Float {
        Float(generator.next() >> 40) * 0x1.0p-24
    }
}
