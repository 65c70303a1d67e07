import Foundation
import TensorCore

/// Weight initializations, matching PyTorch's definitions of fan-in and fan-out.
public enum Initialization {
    /// (fan-in, fan-out) of a weight `[out, in, kernel...]`.
    public static func fans(of shape: [Int]) -> (fanIn: Int, fanOut: Int) {
        let receptive = shape.dropFirst(2).reduce(1, *)
        return (shape.count > 1 ? shape[1] * receptive : shape[0], shape[0] * receptive)
    }

    /// PyTorch's default for `Linear` and `Conv2d` weights: Kaiming-uniform with a = √5, i.e. U(±1/√fan_in).
    public static func kaimingUniform(_ shape: [Int], a: Float = Float(5).squareRoot(), using generator: inout some RandomNumberGenerator) -> Tensor {
        let gain = (2 / (1 + a * a)).squareRoot()
        let bound = gain * (3 / Float(fans(of: shape).fanIn)).squareRoot()
        return Tensor.uniform(shape, low: -bound, high: bound, using: &generator)
    }

    /// Xavier/Glorot uniform: U(±gain·√(6 / (fan_in + fan_out))).
    public static func xavierUniform(_ shape: [Int], gain: Float = 1, using generator: inout some RandomNumberGenerator) -> Tensor {
        let (fanIn, fanOut) = fans(of: shape)
        let bound = gain * (6 / Float(fanIn + fanOut)).squareRoot()
        return Tensor.uniform(shape, low: -bound, high: bound, using: &generator)
    }

    /// A (semi-)orthogonal weight scaled by `gain` (Saxe et al., 2014), as PyTorch's `orthogonal_`: the weight seen
    /// as a `[out, in · kernel]` matrix has orthonormal rows or columns, whichever are fewer, times `gain`.
    ///
    /// Drawn as the Q factor (Gram–Schmidt, in double precision) of a standard normal matrix, so it is uniformly
    /// distributed over such matrices. The policy-gradient agents initialize their layers this way (CleanRL's
    /// `layer_init`, Stable-Baselines3's `ortho_init`).
    public static func orthogonal(_ shape: [Int], gain: Float = 1, using generator: inout some RandomNumberGenerator) -> Tensor {
        let rows = shape[0], columns = shape.dropFirst().reduce(1, *)
        // Orthonormalize the columns of a tall m × n matrix, stored column by column.
        let (m, n) = rows >= columns ? (rows, columns) : (columns, rows)
        var q = Tensor.normal([n * m], using: &generator).scalars.map(Double.init)
        for j in 0..<n {
            for k in 0..<j {
                var dot = 0.0
                for i in 0..<m { dot += q[k * m + i] * q[j * m + i] }
                for i in 0..<m { q[j * m + i] -= dot * q[k * m + i] }
            }
            var norm = 0.0
            for i in 0..<m { norm += q[j * m + i] * q[j * m + i] }
            norm = norm.squareRoot()
            for i in 0..<m { q[j * m + i] /= norm }
        }
        // Element (r, c) of the weight is Q[r, c] when tall, Q[c, r] (the transpose) when wide.
        return Tensor(shape: shape) { out in
            for r in 0..<rows {
                for c in 0..<columns {
                    out[r * columns + c] = gain * Float(rows >= columns ? q[c * m + r] : q[r * m + c])
                }
            }
        }
    }

    /// PyTorch's default bias: U(±1/√fan_in) for the layer's weight fan-in.
    public static func bias(_ count: Int, fanIn: Int, using generator: inout some RandomNumberGenerator) -> Tensor {
        let bound = 1 / Float(fanIn).squareRoot()
        return Tensor.uniform([count], low: -bound, high: bound, using: &generator)
    }
}
