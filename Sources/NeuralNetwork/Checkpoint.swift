import Foundation
import TensorCore

/// Saving and loading a network's parameters (and optionally its optimizer's state) as safetensors.
///
/// Parameters are stored under their ``Layer/namedParameters`` names, so a PyTorch `state_dict` of the
/// same architecture uses the same keys. The optimizer's buffers go under `optimizer.<buffer>.<name>` (Adam's
/// `exp_avg` and `exp_avg_sq`, RMSProp's `square_avg`, `grad_avg`, `momentum_buffer`), its step count under
/// `optimizer.step`.
public enum Checkpoint {
    /// Why a checkpoint does not fit a network.
    public enum Mismatch: Error, CustomStringConvertible, Equatable {
        /// The file lacks a tensor the network needs.
        case missing(String)
        /// The file has a tensor the network does not.
        case unexpected(String)
        /// A tensor's shape differs from the parameter's.
        case shape(name: String, expected: [Int], found: [Int])
        /// A tensor holds NaN or an infinity.
        case notFinite(String)
        /// The optimizer's step count is not a whole number in range.
        case badStepCount(Double)

        public var description: String {
            switch self {
            case .missing(let name): "checkpoint has no tensor '\(name)'"
            case .unexpected(let name): "checkpoint tensor '\(name)' matches no parameter"
            case .shape(let name, let expected, let found): "tensor '\(name)' has shape \(found), the network expects \(expected)"
            case .notFinite(let name): "tensor '\(name)' holds NaN or infinite values"
            case .badStepCount(let step): "the optimizer step count \(step) is not a whole number from 0 to \(Int(Checkpoint.maximumStepCount))"
            }
        }
    }

    /// The largest optimizer step count a checkpoint may hold.
    public static let maximumStepCount = 1e12

    /// The tensors a checkpoint of `layer` (and `optimizer`) holds, by name.
    public static func tensors(of layer: some Layer, optimizer: (any CheckpointableOptimizer)? = nil) -> [String: Tensor] {
        var result: [String: Tensor] = [:]
        let named = layer.namedParameters
        for (name, parameter) in named { result[name] = parameter.value.detached() }
        if let optimizer {
            precondition(optimizer.parameters.count == named.count, "the optimizer does not belong to this network")
            for buffer in optimizer.stateBuffers {
                for (index, (name, _)) in named.enumerated() {
                    result["optimizer.\(buffer.name).\(name)"] = buffer.tensors[index]
                }
            }
            result["optimizer.step"] = Tensor(Float(optimizer.stepCount))
        }
        return result
    }

    /// Writes the parameters of `layer` (and the state of `optimizer`) to `url` atomically.
    public static func save(_ layer: some Layer, optimizer: (any CheckpointableOptimizer)? = nil, to url: URL) throws {
        try Safetensors.write(tensors(of: layer, optimizer: optimizer), metadata: ["format": "pt"], to: url)
    }

    /// Loads parameters (and, when given, the optimizer's state) from `url` into `layer`.
    ///
    /// Nothing is changed unless every name, shape and dtype matches; the error names the first mismatch.
    public static func load(into layer: some Layer, optimizer: (any CheckpointableOptimizer)? = nil, from url: URL) throws {
        try load(into: layer, optimizer: optimizer, tensors: Safetensors.read(from: url).tensors)
    }

    /// Loads parameters (and, when given, the optimizer's state) from decoded tensors, checking names and shapes.
    public static func load(into layer: some Layer, optimizer: (any CheckpointableOptimizer)? = nil, tensors: [String: Tensor]) throws {
        let expected = Self.tensors(of: layer, optimizer: optimizer)
        for name in expected.keys.sorted() {
            guard let found = tensors[name] else { throw Mismatch.missing(name) }
            guard found.shape == expected[name]!.shape else {
                throw Mismatch.shape(name: name, expected: expected[name]!.shape, found: found.shape)
            }
        }
        let wanted = optimizer == nil ? tensors.keys.filter { !$0.hasPrefix("optimizer.") } : Array(tensors.keys)
        if let extra = wanted.sorted().first(where: { expected[$0] == nil }) { throw Mismatch.unexpected(extra) }
        for name in expected.keys.sorted() where tensors[name]?.scalars.allSatisfy(\.isFinite) == false {
            throw Mismatch.notFinite(name)
        }
        var stepCount = 0
        if optimizer != nil {
            let step = Double(tensors["optimizer.step"]?.item ?? 0)
            guard step >= 0, step <= Self.maximumStepCount, step == step.rounded() else { throw Mismatch.badStepCount(step) }
            stepCount = Int(step)
        }
        let named = layer.namedParameters
        for (name, parameter) in named { parameter.assign(tensors[name]!) }
        if let optimizer {
            optimizer.restore(
                stepCount: stepCount,
                stateBuffers: optimizer.stateBuffers.map { buffer in
                    named.map { tensors["optimizer.\(buffer.name).\($0.name)"]! }
                })
        }
    }
}
