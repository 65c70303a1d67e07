import Gym

/// How a neural agent that steps N copies (``DQN``, ``PPO``, ``A2C``) batches them: with its encoder as packer, copy i
/// seeded `seed + i`, stepped on its configuration's threads.
extension RolloutLearner where Self: NeuralAgent, Configuration: BatchedConfiguration, Packer == Encoder {
    /// Copies of the environment stepped together.
    public var environmentCount: Int { configuration.environmentCount }

    /// The copies batched with the encoder as packer, copy i seeded `seed + i`, stepped on `threads` threads.
    public func makeBatch<E: Environment>(of copies: [E]) throws -> BatchedEnvironment<E, Encoder>
    where E.Observation == Encoder.Observation {
        try BatchedEnvironment(copies: copies, packer: encoder, seed: configuration.seed, threads: configuration.threads)
    }
}
