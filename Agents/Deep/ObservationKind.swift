import Gym

/// The observation kinds neural agents have an encoder and tuned presets for; the preset of each agent lives here,
/// next to the presets themselves.
public enum ObservationKind: Sendable {
    /// Integer states, one-hot encoded (gridworlds, FrozenLake, CliffWalking, MDP files).
    case discreteStates
    /// Float vectors (CartPole).
    case vectors
    /// The arcade games' 10x10 channel grids (MinAtar's network and settings).
    case channelGrids
    /// Preprocessed frames, such as 84x84 stacks (the Nature CNN and settings).
    case images

    /// DQN's tuned settings for the kind.
    public var dqnPreset: DQNConfiguration {
        switch self {
        case .discreteStates: .discreteStates
        case .vectors: .cartPole
        case .channelGrids: .minAtar
        case .images: .natureAtari
        }
    }

    /// REINFORCE's tuned settings for the kind.
    public var reinforcePreset: PolicyGradientConfiguration {
        self == .discreteStates ? .discreteStates : .cartPole
    }

    /// PPO's settings for the kind, each from a published configuration (see ``OnPolicyConfiguration``'s presets).
    public var ppoPreset: OnPolicyConfiguration {
        switch self {
        case .discreteStates: .ppoDiscreteStates
        case .vectors: .ppoCartPole
        case .channelGrids: .ppoMinAtar
        case .images: .ppoNatureAtari
        }
    }

    /// A2C's settings for the kind.
    public var a2cPreset: OnPolicyConfiguration {
        self == .vectors ? .a2cCartPole : .a2cOther
    }

    /// Actor-critic's tuned settings for the kind.
    public var actorCriticPreset: PolicyGradientConfiguration {
        self == .discreteStates ? .actorCriticDiscreteStates : .actorCriticCartPole
    }
}

/// Generic work on an environment together with the encoder its observations call for (see
/// ``withObservationEncoder(for:_:)``).
public protocol EncodedEnvironmentVisitor {
    /// What the work returns.
    associatedtype Result
    /// Does the work on `environment`, whose observations `encoder` turns into network inputs.
    func visit<E: Environment, Encoder: ObservationEncoder>(_ environment: E, encoder: Encoder,
                                                           kind: ObservationKind) throws -> Result
    where E.Observation == Encoder.Observation, E.Action == Int
}

/// Runs `visitor` on `environment` with the encoder of its observation kind; `nil` when neural agents have no
/// encoder for it (the error then says what the environment has).
public func withObservationEncoder<V: EncodedEnvironmentVisitor>(for environment: any Environment,
                                                                 _ visitor: V) throws -> V.Result? {
    if let discrete = environment as? any DiscreteEnvironment {
        return try visitor.visit(discrete, encoder: OneHotEncoder(count: discrete.observationSpace.count),
                                 kind: .discreteStates)
    }
    if let vector = environment as? any FloatVectorEnvironment {
        guard vector.observationSpace.shape.count == 1 else {
            throw GymError("neural agents need flat observation vectors; this environment's have shape \(vector.observationSpace.shape)")
        }
        return try visitor.visit(vector, encoder: VectorEncoder(size: vector.observationSpace.shape[0]), kind: .vectors)
    }
    if let grid = environment as? any ChannelGridEnvironment {
        return try visitor.visit(grid, encoder: ChannelGridEncoder(space: grid.observationSpace), kind: .channelGrids)
    }
    if let image = environment as? any ImageEnvironment {
        return try visitor.visit(image, encoder: ImageEncoder(space: image.observationSpace), kind: .images)
    }
    return nil
}
