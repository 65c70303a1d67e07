import Foundation
import Gym
import NeuralNetwork
import TensorCore

/// DQN checkpoints: safetensors files holding the online network (under PyTorch-style names such as `0.weight`),
/// the target network (`target.0.weight`, …), Adam's moments when Adam is the optimizer, and metadata with the
/// configuration (JSON) and the step, episode and update counters, so a run resumes where it stopped.
extension DQN {
    /// The metadata key of the configuration's JSON.
    public static var configurationKey: String { "dqn_configuration" }

    /// Writes the agent to `url` atomically; `metadata` adds entries (such as the environment's name).
    public func save(to url: URL, metadata: [String: String] = [:]) throws {
        var tensors = Checkpoint.tensors(of: network, optimizer: optimizer as? Adam)
        for (name, tensor) in Checkpoint.tensors(of: targetNetwork) { tensors["target." + name] = tensor }
        var entries = metadata
        entries["format"] = "pt"
        entries["agent"] = "dqn"
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

    /// Reads a checkpoint's metadata and tensors, with errors that name the file.
    public static func readCheckpoint(from url: URL) throws -> (tensors: [String: Tensor], metadata: [String: String],
                                                                configuration: DQNConfiguration) {
        let contents: (tensors: [String: Tensor], metadata: [String: String])
        do {
            contents = try Safetensors.read(from: url)
        } catch {
            throw GymError("cannot load the checkpoint '\(url.path)': \(error)")
        }
        guard let json = contents.metadata[configurationKey],
              let configuration = try? JSONDecoder().decode(DQNConfiguration.self, from: Data(json.utf8)) else {
            throw GymError("'\(url.path)' is a safetensors file but not a DQN checkpoint: its metadata has no valid '\(configurationKey)'")
        }
        return (contents.tensors, contents.metadata, configuration)
    }

    /// Restores an agent from a checkpoint: networks, Adam's state, counters (and so the ε schedule).
    ///
    /// `configuration` replaces the saved one when given (for example a larger step budget to continue training);
    /// the network shape must stay the same.
    public static func load(from url: URL, encoder: Encoder, actionCount: Int,
                            configuration override: DQNConfiguration? = nil) throws -> DQN {
        let (tensors, metadata, saved) = try readCheckpoint(from: url)
        let agent = try DQN(encoder: encoder, actionCount: actionCount, configuration: override ?? saved)
        let online = tensors.filter { !$0.key.hasPrefix("target.") }
        let target = Dictionary(uniqueKeysWithValues: tensors.compactMap { name, tensor in
            name.hasPrefix("target.") ? (String(name.dropFirst("target.".count)), tensor) : nil
        })
        do {
            try Checkpoint.load(into: agent.network, optimizer: agent.optimizer as? Adam, tensors: online)
            try Checkpoint.load(into: agent.targetNetwork, tensors: target)
        } catch {
            throw GymError("the checkpoint '\(url.path)' does not fit this agent (\(encoder.inputSize) inputs, \(actionCount) actions, hidden \(agent.configuration.hiddenLayers)): \(error)")
        }
        agent.stepsTaken = Int(metadata["steps_taken"] ?? "") ?? 0
        agent.episodesCompleted = Int(metadata["episodes_completed"] ?? "") ?? 0
        agent.updates = Int(metadata["updates"] ?? "") ?? 0
        return agent
    }
}
