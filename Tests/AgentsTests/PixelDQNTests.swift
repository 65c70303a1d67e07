import Agents
import Environments
import Gym
import NeuralNetwork
import TensorCore
import Testing

/// Deep agents on the arcade games: channel-grid and image encoders, the frame-stack replay buffer, the
/// convolutional networks and a DQN smoke run on each kind of observation.
@Suite struct PixelDQNTests {
    // MARK: - Encoders

    @Test func channelGridEncoderStoresBitsAndDecodesTheGrid() {
        var generator = RandomGenerator(seed: 7)
        let space = ChannelGridSpace(channels: 10)
        let encoder = ChannelGridEncoder(space: space)
        #expect(encoder.inputShape == [10, 10, 10])
        #expect(encoder.storedWidth == 20)
        for _ in 0..<20 {
            let grid = space.sample(using: &generator)
            #expect(encoder.features(grid) == grid.floats)
        }
    }

    @Test func imageEncoderScalesBytesIntoTheUnitInterval() throws {
        let image = PlanarImage(channels: 2, height: 1, width: 2, pixels: [0, 51, 255, 102])
        let encoder = ImageEncoder(space: ImageSpace(channels: 2, height: 1, width: 2, stackedFrames: 2))
        let expected: [Float] = [0, 0.2, 1, 0.4]
        #expect(zip(encoder.features(image), expected).allSatisfy { abs($0 - $1) < 1e-6 })
        #expect(encoder.stackedFrames == 2)
    }

    // MARK: - Frame-stack replay

    /// A stack of the last three one-pixel frames, reset-padded, whose values are the given frame numbers.
    static func stack(_ frames: [UInt8]) -> PlanarImage {
        PlanarImage(channels: 3, height: 1, width: 1, pixels: frames)
    }

    /// The frame numbers a decoded three-frame row holds.
    static func frameNumbers(_ floats: ArraySlice<Float>) -> [UInt8] {
        floats.map { UInt8(($0 * 255).rounded()) }
    }

    /// Appends an episode of `length` transitions whose frames are numbered from `first`.
    static func appendEpisode(first: UInt8, length: Int, terminated: Bool,
                              to buffer: inout FrameStackReplayBuffer<ImageEncoder>) {
        var frames = [first, first, first]
        for step in 0..<length {
            let next = Array(frames.dropFirst()) + [first + UInt8(step + 1)]
            let last = step == length - 1
            buffer.append(observation: stack(frames), action: step % 2, reward: Double(step), nextObservation: stack(next),
                          terminated: last && terminated, truncated: last && !terminated)
            frames = next
        }
    }

    @Test func frameStackBufferRebuildsStacksWithResetPaddingAcrossEpisodes() throws {
        let encoder = ImageEncoder(space: ImageSpace(channels: 3, height: 1, width: 1, stackedFrames: 3))
        var buffer = try FrameStackReplayBuffer(capacity: 100, encoder: encoder)
        Self.appendEpisode(first: 10, length: 3, terminated: true, to: &buffer)
        Self.appendEpisode(first: 50, length: 2, terminated: false, to: &buffer)
        #expect(buffer.count == 5)
        let batch = buffer.batch(at: Array(0..<5))
        let observations = (0..<5).map { Self.frameNumbers(batch.observations[$0 * 3..<($0 + 1) * 3]) }
        let next = (0..<5).map { Self.frameNumbers(batch.nextObservations[$0 * 3..<($0 + 1) * 3]) }
        #expect(observations == [[10, 10, 10], [10, 10, 11], [10, 11, 12], [50, 50, 50], [50, 50, 51]])
        #expect(next == [[10, 10, 11], [10, 11, 12], [11, 12, 13], [50, 50, 51], [50, 51, 52]])
        #expect(batch.actions == [0, 1, 0, 0, 1])
        #expect(batch.rewards == [0, 1, 2, 0, 1])
        // Termination stops bootstrapping; the time-limit cut of the second episode does not.
        #expect(batch.terminated == [0, 0, 1, 0, 0])
        // Seven frames (five transitions, two final observations), one byte each.
        #expect(buffer.storageBytes == 100 * (1 + 4 + 4 + 1))
    }

    @Test func frameStackBufferForgetsTransitionsWhoseFramesWereOverwritten() throws {
        let encoder = ImageEncoder(space: ImageSpace(channels: 3, height: 1, width: 1, stackedFrames: 3))
        var buffer = try FrameStackReplayBuffer(capacity: 6, encoder: encoder)
        Self.appendEpisode(first: 10, length: 4, terminated: true, to: &buffer)   // slots 0-4
        Self.appendEpisode(first: 50, length: 3, terminated: true, to: &buffer)   // slots 5-8, overwriting 0-2
        // Held: slots 3-8. Slot 3 (frame 13) starts a transition but its stack reaches the overwritten slots 1-2.
        #expect(buffer.count == 4)
        let batch = buffer.batch(at: [0, 1, 2])
        #expect(Self.frameNumbers(batch.observations[0..<3]) == [50, 50, 50])
        #expect(Self.frameNumbers(batch.nextObservations[6..<9]) == [51, 52, 53])
        var generator = RandomGenerator(seed: 1)
        let sampled = buffer.sample(64, using: &generator)
        for row in 0..<64 {
            let observation = Self.frameNumbers(sampled.observations[row * 3..<(row + 1) * 3])
            let next = Self.frameNumbers(sampled.nextObservations[row * 3..<(row + 1) * 3])
            #expect(observation.allSatisfy { $0 >= 50 }, "only the second episode is whole: \(observation)")
            #expect(Array(next.prefix(2)) == Array(observation.suffix(2)))
        }
    }

    @Test func frameStackBufferReplaysTheNatureChainExactly() throws {
        var environment = try NatureDQNPreprocessing(size: 36, maximumNoops: 3).apply(to: Breakout())
        let encoder = ImageEncoder(space: environment.observationSpace)
        #expect(encoder.stackedFrames == 4)
        var buffer = try FrameStackReplayBuffer(capacity: 60, encoder: encoder)
        var generator = RandomGenerator(seed: 3)
        var recorded: [(observation: [Float], next: [Float])] = []
        var observation = environment.reset(seed: 5)
        for _ in 0..<150 {
            let step = try environment.step(generator.nextInt(below: 6))
            buffer.append(observation: observation, action: 0, reward: step.reward, nextObservation: step.observation,
                          terminated: step.terminated, truncated: step.truncated)
            recorded.append((encoder.features(observation), encoder.features(step.observation)))
            observation = step.isDone ? environment.reset() : step.observation
        }
        // The transitions still held are the newest ones, rebuilt bit for bit from single frames.
        let held = recorded.suffix(buffer.count)
        let batch = buffer.batch(at: Array(0..<buffer.count))
        let size = encoder.inputSize
        for (row, transition) in held.enumerated() {
            #expect(Array(batch.observations[row * size..<(row + 1) * size]) == transition.observation)
            #expect(Array(batch.nextObservations[row * size..<(row + 1) * size]) == transition.next)
        }
        // Random Breakout episodes last a few steps: each spends one slot on its final frame.
        #expect(buffer.count >= 30)
        #expect(buffer.storageBytes < 60 * (36 * 36 + 16))
    }

    // MARK: - Networks

    @Test func architecturesFollowTheObservationKind() throws {
        #expect(NetworkArchitecture.automatic(for: [4]) == .mlp)
        #expect(NetworkArchitecture.automatic(for: [4, 10, 10]) == .minatar)
        #expect(NetworkArchitecture.automatic(for: [4, 84, 84]) == .nature)
        var generator = RandomGenerator(seed: 0)
        let minAtar = NetworkArchitecture.minatar.build(inputShape: [4, 10, 10], hidden: [128], outputs: 6, using: &generator)
        #expect(minAtar.namedParameters.map { "\($0.name) \($0.parameter.value.shape)" }
                == ["0.weight [16, 4, 3, 3]", "0.bias [16]", "3.weight [128, 1024]", "3.bias [128]", "5.weight [6, 128]", "5.bias [6]"])
        #expect(minAtar(Tensor.zeros([2, 4, 10, 10])).shape == [2, 6])
        let nature = NetworkArchitecture.nature.build(inputShape: [4, 84, 84], hidden: [512], outputs: 6, using: &generator)
        #expect(nature.namedParameters.first { $0.name == "7.weight" }?.parameter.value.shape == [512, 3136])
        let flattened = NetworkArchitecture.mlp.build(inputShape: [2, 3, 3], hidden: [8], outputs: 2, using: &generator)
        #expect(flattened(Tensor.zeros([1, 2, 3, 3])).shape == [1, 2])
    }

    @Test func architecturesRejectInputsTheyCannotRead() {
        #expect(throws: GymError.self) { try NetworkArchitecture.minatar.validate(inputShape: [4]) }
        #expect(throws: GymError.self) { try NetworkArchitecture.nature.validate(inputShape: [4, 10, 10]) }
        #expect(throws: Never.self) { try NetworkArchitecture.nature.validate(inputShape: [4, 36, 36]) }
        var configuration = DQNConfiguration.minAtar
        configuration.network = .nature
        #expect(throws: GymError.self) {
            try DQN(encoder: ChannelGridEncoder(space: ChannelGridSpace(channels: 4)), actionCount: 6, configuration: configuration)
        }
    }

    // MARK: - DQN smoke runs

    static func smokeConfiguration(_ preset: DQNConfiguration) -> DQNConfiguration {
        var configuration = preset
        configuration.totalSteps = 400
        configuration.learningStarts = 100
        configuration.bufferSize = 1_000
        configuration.batchSize = 8
        configuration.trainFrequency = 4
        configuration.targetUpdateInterval = 100
        return configuration
    }

    @Test func minAtarDQNTrainsOnBreakoutGridsAndReplaysBitForBit() throws {
        func run() throws -> (loss: Double?, steps: Int, episodes: Int) {
            var environment = Breakout()
            let agent = try DQN(encoder: ChannelGridEncoder(space: environment.observationSpace), actionCount: 6,
                                configuration: Self.smokeConfiguration(.minAtar))
            try agent.train(in: &environment)
            #expect(agent.updates == 75)
            #expect(agent.buffer.storageBytes == 1_000 * (2 * 8 * 8 + 4 + 4 + 1))
            return (agent.lastLoss, agent.stepsTaken, agent.episodesCompleted)
        }
        let first = try run(), second = try run()
        #expect(first.loss?.isFinite == true)
        #expect(first.loss == second.loss && first.episodes == second.episodes)
    }

    @Test func natureDQNTrainsOnPreprocessedFrames() throws {
        var environment = try NatureDQNPreprocessing(size: 36, maximumNoops: 3).apply(to: Breakout())
        let encoder = ImageEncoder(space: environment.observationSpace)
        var configuration = Self.smokeConfiguration(.natureAtari)
        configuration.totalSteps = 160
        configuration.hiddenLayers = [32]
        let agent = try DQN(encoder: encoder, actionCount: 6, configuration: configuration)
        try agent.train(in: &environment)
        #expect(agent.updates == 15)
        #expect(agent.lastLoss?.isFinite == true)
        #expect(agent.network.namedParameters.first?.parameter.value.shape == [32, 4, 8, 8])
    }

    @Test func policyGradientAgentsReadTheGridsThroughTheMinAtarNetwork() throws {
        var configuration = PolicyGradientConfiguration.cartPole
        configuration.totalSteps = 300
        configuration.hiddenLayers = [32]
        var environment = Breakout()
        let encoder = ChannelGridEncoder(space: environment.observationSpace)
        let reinforce = try Reinforce(encoder: encoder, actionCount: 6, configuration: configuration)
        try reinforce.train(in: &environment)
        #expect(reinforce.updates > 0 && reinforce.lastLoss?.isFinite == true)
        #expect(reinforce.networks.policy.namedParameters.first?.parameter.value.shape == [16, 4, 3, 3])
        let actorCritic = try ActorCritic(encoder: encoder, actionCount: 6, configuration: configuration)
        try actorCritic.train(in: &environment)
        #expect(actorCritic.updates == 300 && actorCritic.lastLoss?.isFinite == true)
    }
}
