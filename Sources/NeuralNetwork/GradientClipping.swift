import TensorCore

/// Rescales the gradients of `parameters` so their global L2 norm is at most `maxNorm`.
///
/// Returns the norm before clipping, as PyTorch's `clip_grad_norm_` does.
@discardableResult
public func clipGradientNorm(_ parameters: [Parameter], maxNorm: Float) -> Float {
    var squares: Double = 0
    for parameter in parameters {
        squares += parameter.gradient?.sumOfSquares ?? 0
    }
    let norm = Float(squares.squareRoot())
    let factor = maxNorm / (norm + 1e-6)
    if factor < 1 {
        for parameter in parameters { parameter.value.scaleGradient(by: factor) }
    }
    return norm
}
