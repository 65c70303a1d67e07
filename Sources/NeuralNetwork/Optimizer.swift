import TensorCore

/// Updates a fixed list of parameters from their accumulated gradients.
public protocol Optimizer: AnyObject {
    /// The parameters this optimizer updates, in a fixed order.
    var parameters: [Parameter] { get }
    /// The step size (schedules anneal it between steps).
    var learningRate: Float { get set }

    /// Applies one update using the current gradients (parameters without a gradient are skipped).
    func step()
}

extension Optimizer {
    /// Forgets every parameter's gradient; call before each backward pass.
    public func clearGradients() {
        for parameter in parameters { parameter.clearGradient() }
    }

    /// Calls `body(index, value, gradient)` for each parameter that has a gradient.
    func forEachGradient(_ body: (Int, UnsafeMutableBufferPointer<Float>, UnsafeBufferPointer<Float>) -> Void) {
        for (index, parameter) in parameters.enumerated() {
            guard let gradient = parameter.gradient else { continue }
            gradient.withUnsafeBufferPointer { g in
                parameter.update { p in body(index, p, g) }
            }
        }
    }
}

/// An optimizer whose state (per-parameter buffers and a step count) a checkpoint can hold, so that training resumes
/// exactly where it stopped.
public protocol CheckpointableOptimizer: Optimizer {
    /// Steps taken so far.
    var stepCount: Int { get }
    /// The per-parameter state buffers under PyTorch's names (`exp_avg`, `square_avg`, …), each with one tensor per
    /// parameter in ``Optimizer/parameters`` order.
    var stateBuffers: [(name: String, tensors: [Tensor])] { get }
    /// Restores the step count and the buffers of ``stateBuffers``, given in the same order and shapes.
    func restore(stepCount: Int, stateBuffers: [[Tensor]])
}

/// One zero-filled buffer per parameter (optimizer moments).
func zeroBuffers(like parameters: [Parameter]) -> [Tensor] {
    parameters.map { Tensor.zeros($0.shape) }
}
