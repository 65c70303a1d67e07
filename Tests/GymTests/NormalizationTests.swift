import Foundation
import Gym
import Testing

/// NormalizeObservation and NormalizeReward against what Gymnasium 1.4.0's wrappers made of the same stream
/// (`scripts/peers/record_normalization.py`): the same float32 and float64 arithmetic, so the same numbers.
@Suite struct NormalizationTests {
    struct Recording: Decodable {
        var observations: [[Float]]
        var rewards: [Double]
        var terminated: [Bool]
        var normalized_first: [Float]
        var normalized_observations: [[Float]]
        var scaled_rewards: [Double]
    }

    static let recording: Recording? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/normalization.json")
        return (try? Data(contentsOf: url)).flatMap { try? JSONDecoder().decode(Recording.self, from: $0) }
    }()

    /// Plays the recorded stream: a reset gives the current observation, a step the next one with its reward.
    struct Replay: FloatVectorEnvironment {
        let recording: Recording
        var position = 0
        var observationSpace: Box<Float> { Box(low: -.infinity, high: .infinity, shape: [4]) }
        var actionSpace: Discrete { Discrete(2) }
        mutating func reset(seed: UInt64?) -> [Float] { recording.observations[position] }
        mutating func step(_ action: Int) throws -> Step<[Float]> {
            defer { position += 1 }
            return Step(observation: recording.observations[position + 1], reward: recording.rewards[position],
                        terminated: recording.terminated[position])
        }
    }

    /// The observations and rewards of `environment` over the recorded stream, resetting after each termination.
    static func play<E: Environment>(_ environment: inout E, steps: Int) throws -> (first: E.Observation, steps: [Step<E.Observation>])
    where E.Action == Int {
        let first = environment.reset(seed: nil)
        var outcomes: [Step<E.Observation>] = []
        for index in 0..<steps {
            let step = try environment.step(0)
            outcomes.append(step)
            if step.terminated && index + 1 < steps { _ = environment.reset(seed: nil) }
        }
        return (first, outcomes)
    }

    @Test func observationsAreNormalizedAsGymnasiumDoes() throws {
        let recording = try #require(Self.recording, "Tests/GymTests/Fixtures/normalization.json is missing")
        var environment = NormalizeObservation(Replay(recording: recording))
        let (first, steps) = try Self.play(&environment, steps: recording.rewards.count)
        #expect(first == recording.normalized_first)
        #expect(steps.map(\.observation) == recording.normalized_observations)
        #expect(environment.observationSpace.low.allSatisfy { $0 == -.infinity })
    }

    @Test func rewardsAreScaledAsGymnasiumDoes() throws {
        let recording = try #require(Self.recording, "Tests/GymTests/Fixtures/normalization.json is missing")
        var environment = NormalizeReward(Replay(recording: recording))
        let (_, steps) = try Self.play(&environment, steps: recording.rewards.count)
        for (index, (step, expected)) in zip(steps, recording.scaled_rewards).enumerated() {
            #expect(abs(step.reward - expected) <= 1e-12 * abs(expected), "step \(index): \(step.reward) vs \(expected)")
        }
    }

    @Test func frozenStatisticsStayPut() throws {
        let recording = try #require(Self.recording, "Tests/GymTests/Fixtures/normalization.json is missing")
        var environment = NormalizeObservation(Replay(recording: recording))
        _ = try Self.play(&environment, steps: 20)
        environment.updatesStatistics = false
        let frozen = environment.statistics
        _ = try environment.step(0)
        #expect(environment.statistics == frozen)
    }
}
