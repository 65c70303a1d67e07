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

    /// PyTorch's default bias: U(±1/√fan_in) for the layer's weight fan-in.
    public static func bias(_ count: Int, fanIn: Int, using generator: inout some RandomNumberGenerator) -> Tensor {
        let bound = 1 / Float(fanIn).squareRoot()
        return Tensor.uniform([count], low: -bound, high: bound, using: &generator)
    }
}
