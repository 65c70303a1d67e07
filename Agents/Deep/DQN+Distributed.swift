import Foundation
import Gym
import NeuralNetwork
import TensorCore

/// DQN split into an actor and a learner, as Ape-X (Horgan et al., 2018) runs it: actors act ε-greedily with a copy
/// of the Q-network, each with its own ε, and send their transitions to one learner, which keeps the replay memory
/// and the optimizer and publishes its weights. The pieces below are what the C ABI exposes for that
/// (`swiftgym_agent_*`); ``trainEpisode(in:)`` remains the single-process loop.
extension DQN {
    /// Chooses an action for each of `rows` network inputs (`rows × inputSize` floats, row after row): a uniformly
    /// random action with probability `epsilon`, else the greedy one (the first on ties). One forward pass for all
    /// rows; the draws come from the agent's seeded generator, row by row.
    public func actions(forInputs inputs: [Float], rows: Int, epsilon: Double,
                        into actions: UnsafeMutableBufferPointer<Int>) {
        let values = withoutGradient { network(Tensor(shape: [rows] + encoder.inputShape, scalars: inputs)).scalars }
        values.withUnsafeBufferPointer { values in
            for row in 0..<rows {
                if generator.nextDouble() < epsilon {
                    actions[row] = generator.nextInt(below: actionCount)
                } else {
                    actions[row] = argmax(UnsafeBufferPointer(rebasing: values[row * actionCount..<(row + 1) * actionCount]))
                }
            }
        }
    }

    /// The online network's parameters as safetensors bytes (PyTorch-style names such as `0.weight`).
    public var weights: Data {
        Safetensors.encode(Checkpoint.tensors(of: network))
    }

    /// Replaces the online network's parameters (and the target network's, which an actor does not use) with
    /// safetensors `bytes` as ``weights`` gives them; throws, leaving the networks as they were, when they do not fit.
    public func setWeights(_ bytes: Data) throws {
        let tensors = try Safetensors.decode(bytes).tensors
        do {
            try Checkpoint.load(into: network, tensors: tensors)
        } catch {
            throw GymError("these weights do not fit this agent (\(encoder.inputSize) inputs, \(actionCount) actions): \(error)")
        }
        targetNetwork.copyParameters(from: network)
    }
}

extension DQN where Encoder.Memory == ReplayBuffer<Encoder> {
    /// Adds a transition received from an actor, its observations in the encoder's stored form, and counts it as an
    /// environment step: the target network follows the online one every `target-update-interval` steps received,
    /// as in the single-process loop.
    public func remember(stored observation: UnsafeBufferPointer<Encoder.Stored>, action: Int, reward: Double,
                         storedNext nextObservation: UnsafeBufferPointer<Encoder.Stored>, terminated: Bool) {
        buffer.append(to: 0, stored: observation, action: action, reward: reward, next: nextObservation,
                      terminated: terminated, truncated: false)
        stepsTaken += 1
        if stepsTaken % configuration.targetUpdateInterval == 0 { updateTargetNetwork() }
    }

    /// `count` gradient steps on minibatches of `batch-size` transitions sampled from the replay memory; throws
    /// when the memory is empty or an update diverges (the network keeps its last good parameters).
    public func learn(updates count: Int) throws {
        guard buffer.count > 0 else { throw GymError("the learner has no transitions yet: add some before learning") }
        for _ in 0..<count { try update() }
    }
}
