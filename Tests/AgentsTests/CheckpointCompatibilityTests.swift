import Agents
import Foundation
import Gym
import TensorCore
import Testing

/// A checkpoint written before a setting existed loads with that setting's default, and keeps the values it has.
@Suite struct CheckpointCompatibilityTests {
    /// Saves `agent`, then rewrites the file's configuration without `field`, as an older version wrote it.
    static func saveWithout<Agent: NeuralAgent>(_ field: String, _ agent: Agent) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("old-\(UUID().uuidString).safetensors")
        try agent.save(to: url, metadata: [:])
        var (tensors, metadata) = try CheckpointFile.read(url)
        let json = try #require(metadata["configuration"])
        var fields = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(fields.removeValue(forKey: field) != nil)
        metadata["configuration"] = String(decoding: try JSONSerialization.data(withJSONObject: fields), as: UTF8.self)
        try Safetensors.write(tensors, metadata: metadata, to: url)
        return url
    }

    @Test func aDQNCheckpointFromBeforeNumEnvsLoadsWithOneCopy() throws {
        var configuration = DQNTests.smallConfiguration()
        configuration.environmentCount = 2
        configuration.batchSize = 17
        let agent = try DQN(encoder: OneHotEncoder(count: 12), actionCount: 4, configuration: configuration)
        let url = try Self.saveWithout("environmentCount", agent)
        defer { try? FileManager.default.removeItem(at: url) }
        let loaded = try DQN<OneHotEncoder>.load(from: url, encoder: OneHotEncoder(count: 12), actionCount: 4)
        #expect(loaded.configuration.environmentCount == 1 && loaded.configuration.batchSize == 17)
    }

    @Test func aMissingSettingDoesNotResetAnOptionalOneThatWasOff() throws {
        var configuration = OnPolicyConfiguration.ppoCartPole
        configuration.maxGradientNorm = nil   // the default is 0.5; saved as nothing at all
        let agent = try PPO(encoder: VectorEncoder(size: 4), actionCount: 2, configuration: configuration)
        let url = try Self.saveWithout("rolloutSteps", agent)
        defer { try? FileManager.default.removeItem(at: url) }
        let loaded = try PPO<VectorEncoder>.load(from: url, encoder: VectorEncoder(size: 4), actionCount: 2)
        #expect(loaded.configuration.rolloutSteps == OnPolicyConfiguration().rolloutSteps)
        #expect(loaded.configuration.maxGradientNorm == nil && loaded.configuration.environmentCount == 8)
    }
}
