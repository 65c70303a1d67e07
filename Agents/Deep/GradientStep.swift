import NeuralNetwork
import TensorCore

/// One gradient step of `optimizer` on `loss`, with the gradients' global norm clipped to `maxGradientNorm` (none:
/// not clipped); returns the loss. Throws ``TrainingDiverged``, leaving the parameters untouched, when the loss or its
/// gradient is not finite: `what` names the loss in the message (`DQN`, `policy`), `when` the moment.
@discardableResult
func descend(_ loss: Tensor, with optimizer: any Optimizer, maxGradientNorm: Double?, what: String,
             when: String) throws -> Float {
    let lossValue = loss.item
    guard lossValue.isFinite else {
        throw TrainingDiverged("the \(what) loss became \(lossValue) at \(when); training stopped with the last good networks — lower the learning rate or enable gradient clipping")
    }
    optimizer.clearGradients()
    loss.backward()
    let norm = clipGradientNorm(optimizer.parameters, maxNorm: Float(maxGradientNorm ?? .infinity))
    guard norm.isFinite else {
        optimizer.clearGradients()
        throw TrainingDiverged("the \(what) gradient norm became \(norm) at \(when); training stopped with the last good networks — lower the learning rate or enable gradient clipping")
    }
    optimizer.step()
    return lossValue
}
