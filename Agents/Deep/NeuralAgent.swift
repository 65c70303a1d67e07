import Foundation
import Gym
import NeuralNetwork
import TensorCore

/// What every neural agent offers a trainer: episodes of training, a greedy policy, counters, and checkpoints.
///
/// Checkpoints are safetensors files: each network's parameters under a prefix (PyTorch-style names such as
/// `policy.0.weight`), the optimizers' state next to them, and metadata with the agent's name, its configuration as JSON
/// (`configuration`) and the step, episode and update counters, so a run resumes where it stopped.
public protocol NeuralAgent: AnyObject, Learner where Observation == Encoder.Observation {
    /// Turns observations into network inputs.
    associatedtype Encoder: ObservationEncoder
    /// The agent's settings, saved in checkpoints.
    associatedtype Configuration: AgentConfiguration

    /// The agent's name in checkpoints and on the command line (`dqn`, `reinforce`, …).
    static var agentName: String { get }
    /// Creates an agent with fresh networks.
    init(encoder: Encoder, actionCount: Int, configuration: Configuration) throws

    /// The settings this agent runs with.
    var configuration: Configuration { get }
    /// Turns observations into network inputs.
    var encoder: Encoder { get }
    /// Environment steps taken so far.
    var stepsTaken: Int { get }
    /// Episodes finished so far.
    var episodesCompleted: Int { get }
    /// Gradient updates so far.
    var updates: Int { get }
    /// Called after every gradient update, once ``updates`` and ``Learner/figures`` describe it.
    var onUpdate: (() -> Void)? { get set }
    /// The training loss of the latest update (`nil` before the first).
    var lastLoss: Double? { get }
    /// Asked between steps and gradient updates; true ends the current episode early (see ``Learner/checkStops(with:)``).
    var stopCheck: (@Sendable () -> Bool)? { get set }
    /// The networks a checkpoint holds, each under its name prefix, with its optimizer when its state is saved.
    var checkpointedNetworks: [(prefix: String, network: any Layer, optimizer: (any CheckpointableOptimizer)?)] { get }

    /// The agent's estimate of the state's value, when it has one.
    func stateValue(_ observation: Encoder.Observation) -> Double?
    /// Sets the counters of a restored agent.
    func restoreCounters(steps: Int, episodes: Int, updates: Int)
}

/// The settings every neural agent's configuration has.
public protocol AgentConfiguration: Codable, Equatable, Sendable, Configurable {
    /// The defaults.
    init()
    /// Environment steps to train for.
    var totalSteps: Int { get set }
    /// Seed of the network initialization and of the agent's random choices.
    var seed: UInt64 { get set }
    /// Discount factor γ.
    var discount: Double { get set }
    /// The optimizer's step size.
    var learningRate: Double { get set }
    /// Hidden layer widths of the fully connected layers.
    var hiddenLayers: [Int] { get set }
    /// The networks' body: mlp, minatar or nature; auto (nil) picks it from the observation.
    var network: NetworkArchitecture? { get set }
    /// Clip the gradients' global norm to this (none: no clipping).
    var maxGradientNorm: Double? { get set }
    /// Throws a clear error when a field is out of range.
    func validate() throws
    /// This configuration for an agent that will only act (a saved agent evaluated): no training memory is allocated.
    func forEvaluation() -> Self
}

extension AgentConfiguration {
    /// The configuration in `json`, each required field it lacks (a setting added since it was written) taking its
    /// default. Optional fields it lacks stay `nil`, as they were when it was written.
    static func decodingWithDefaults(_ json: Data) throws -> Self {
        var json = json
        while true {
            do {
                return try JSONDecoder().decode(Self.self, from: json)
            } catch DecodingError.keyNotFound(let key, let context) where context.codingPath.isEmpty {
                let defaults = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Self()))
                guard case var saved as [String: Any] = try JSONSerialization.jsonObject(with: json),
                      let value = (defaults as? [String: Any])?[key.stringValue], saved[key.stringValue] == nil else {
                    throw GymError("the configuration has no \(key.stringValue)")
                }
                saved[key.stringValue] = value
                json = try JSONSerialization.data(withJSONObject: saved)
            }
        }
    }

    /// The network body for inputs of `inputShape`: ``network``, or the one the observation's kind calls for.
    public func architecture(for inputShape: [Int]) -> NetworkArchitecture {
        network ?? .automatic(for: inputShape)
    }
}

extension DQNConfiguration: AgentConfiguration {
    public func forEvaluation() -> DQNConfiguration {
        var configuration = self
        configuration.bufferSize = 2   // the smallest memory of either kind; an evaluation never fills it
        configuration.environmentCount = 1
        return configuration
    }
}

extension PolicyGradientConfiguration: AgentConfiguration {
    public func forEvaluation() -> PolicyGradientConfiguration { self }
}

extension OnPolicyConfiguration: AgentConfiguration {
    public func forEvaluation() -> OnPolicyConfiguration { self }
}

extension NeuralAgent {
    public var budget: TrainingBudget { .steps(configuration.totalSteps) }
    public var savesCheckpoints: Bool { true }

    public func checkStops(with check: (@Sendable () -> Bool)?) {
        stopCheck = check
    }

    /// Whether the stop check asks to end the episode now.
    var stopRequested: Bool { stopCheck?() ?? false }

    public func onUpdate(_ handler: ((UpdateEvent) -> Void)?) {
        onUpdate = handler.map { handler in
            { [unowned self] in
                handler(UpdateEvent(totalSteps: stepsTaken, episodes: episodesCompleted, figures: figures))
            }
        }
    }

    /// The metadata key of the configuration's JSON.
    public static var configurationKey: String { "configuration" }
    /// The metadata keys of the step, episode and update counters.
    static var counterKeys: [String] { ["steps_taken", "episodes_completed", "updates"] }
    /// The largest counter a checkpoint may hold.
    static var maximumCounter: Int { 1_000_000_000_000 }

    /// Writes the agent to `url` atomically; `metadata` adds entries (such as the environment's name).
    public func save(to url: URL, metadata: [String: String] = [:]) throws {
        var tensors: [String: Tensor] = [:]
        for (prefix, network, optimizer) in checkpointedNetworks {
            for (name, tensor) in Checkpoint.tensors(of: network, optimizer: optimizer) { tensors[prefix + name] = tensor }
        }
        var entries = metadata
        entries["format"] = "pt"
        entries["agent"] = Self.agentName
        entries[Self.configurationKey] = String(decoding: try JSONEncoder().encode(configuration), as: UTF8.self)
        entries["steps_taken"] = String(stepsTaken)
        entries["episodes_completed"] = String(episodesCompleted)
        entries["updates"] = String(updates)
        do {
            try Safetensors.write(tensors, metadata: entries, to: url)
        } catch {
            throw GymError("cannot write the checkpoint '\(url.path)': \(error)")
        }
    }

    /// Reads a checkpoint's tensors, metadata and configuration, with errors that name the file.
    public static func readCheckpoint(from url: URL) throws -> (tensors: [String: Tensor], metadata: [String: String],
                                                                configuration: Configuration) {
        let contents = try CheckpointFile.read(url)
        let savedAgent = contents.metadata["agent"] ?? "unknown"
        guard savedAgent == agentName else {
            throw GymError("'\(url.path)' holds a \(savedAgent) agent, not \(agentName)")
        }
        guard let json = contents.metadata[configurationKey],
              let configuration = try? Configuration.decodingWithDefaults(Data(json.utf8)) else {
            throw GymError("'\(url.path)' is a safetensors file but not a \(agentName) checkpoint: its metadata has no valid '\(configurationKey)'")
        }
        do {
            try configuration.validate()
        } catch {
            throw GymError("'\(url.path)' holds a configuration that is not valid: \(error)")
        }
        for key in counterKeys {
            guard let text = contents.metadata[key] else { continue }
            guard let value = Int(text), (0...maximumCounter).contains(value) else {
                throw GymError("'\(url.path)' has the counter \(key) = '\(text)'; it must be a whole number from 0 to \(maximumCounter)")
            }
        }
        return (contents.tensors, contents.metadata, configuration)
    }

    /// Restores an agent from a checkpoint: networks, optimizer state, and counters (so schedules continue).
    ///
    /// `configuration` replaces the saved one when given (for example a larger step budget to continue training);
    /// the networks' shapes must stay the same.
    public static func load(from url: URL, encoder: Encoder, actionCount: Int,
                            configuration override: Configuration? = nil) throws -> Self {
        let (tensors, metadata, saved) = try readCheckpoint(from: url)
        let agent = try Self(encoder: encoder, actionCount: actionCount, configuration: override ?? saved)
        // Each tensor belongs to the network with the longest matching prefix.
        let prefixes = agent.checkpointedNetworks.map(\.prefix)
        let owner = { (name: String) in prefixes.filter { name.hasPrefix($0) }.max { $0.count < $1.count } }
        for (prefix, network, optimizer) in agent.checkpointedNetworks {
            let own = Dictionary(uniqueKeysWithValues: tensors.compactMap { name, tensor in
                owner(name) == prefix ? (String(name.dropFirst(prefix.count)), tensor) : nil
            })
            do {
                try Checkpoint.load(into: network, optimizer: optimizer, tensors: own)
            } catch {
                let scope = prefix.isEmpty ? "" : "among the '\(prefix)' tensors, "
                throw GymError("the checkpoint '\(url.path)' does not fit this agent (\(encoder.inputSize) inputs, \(actionCount) actions): \(scope)\(error)")
            }
        }
        agent.restoreCounters(steps: Int(metadata["steps_taken"] ?? "") ?? 0,
                              episodes: Int(metadata["episodes_completed"] ?? "") ?? 0,
                              updates: Int(metadata["updates"] ?? "") ?? 0)
        return agent
    }
}

/// A checkpoint file read and checked as safetensors, with errors that name the file.
public enum CheckpointFile {
    /// The tensors and metadata of the checkpoint at `url`.
    public static func read(_ url: URL) throws -> (tensors: [String: Tensor], metadata: [String: String]) {
        do {
            return try Safetensors.decode(InputFile.read(url.path, role: "checkpoint"))
        } catch let error as GymError {
            throw error
        } catch {
            throw GymError("cannot load the checkpoint '\(url.path)': \(error)")
        }
    }
}
