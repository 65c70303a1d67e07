/// A reinforcement-learning environment with Gymnasium's contract.
///
/// An environment is a value: `reset(seed:)` starts an episode and `step(_:)` advances it by one action,
/// returning the next observation, the reward, whether the MDP ended (`terminated`) and whether something
/// outside the MDP cut the episode short (`truncated`, for example a ``TimeLimit``).
///
/// Seeding follows Gymnasium: `reset(seed:)` reseeds the environment's own generator only when a seed is given;
/// `reset(seed: nil)` continues the current random stream. An environment that was never seeded starts from the
/// documented default seed `0`, so every run is reproducible.
///
/// `step(_:)` throws ``GymError`` when the action is not in ``actionSpace``. Implementations that cannot fail
/// may omit `throws`.
public protocol Environment {
    /// What the agent sees after each step.
    associatedtype Observation
    /// What the agent chooses.
    associatedtype Action
    /// The set of observations, used to sample, validate and describe them.
    associatedtype ObservationSpace: Space where ObservationSpace.Element == Observation
    /// The set of valid actions.
    associatedtype ActionSpace: Space where ActionSpace.Element == Action

    /// The set every observation belongs to.
    var observationSpace: ObservationSpace { get }
    /// The set of valid actions.
    var actionSpace: ActionSpace { get }

    /// Starts a new episode and returns its first observation; reseeds the environment when `seed` is given.
    mutating func reset(seed: UInt64?) -> Observation

    /// Applies `action` and returns what happened.
    mutating func step(_ action: Action) throws -> Step<Observation>

    /// The first environment down the wrapper chain, starting with this one, that conforms to `C`, as a `C`; `nil`
    /// when none does (see ``Environment/capability(_:)`` for the defaults every environment and wrapper gets).
    func capability<C>(_ type: C.Type) -> C?

    /// Changes the first environment down the wrapper chain, starting with this one, that conforms to `C`, through
    /// `body`; `false` when none does (see ``Environment/modifyCapability(_:_:)``).
    mutating func modifyCapability<C>(_ type: C.Type, _ body: (inout C) -> Void) -> Bool
}

extension Environment {
    /// Starts a new episode without reseeding.
    public mutating func reset() -> Observation {
        reset(seed: nil)
    }
}

/// An environment whose observations and actions are integers drawn from ``Discrete`` spaces.
///
/// Tabular agents (Q-learning, SARSA) and one-hot encoders work on every conforming type. Conform a custom
/// environment with an empty extension once its spaces are ``Discrete``.
public protocol DiscreteEnvironment: Environment
where Observation == Int, Action == Int, ObservationSpace == Discrete, ActionSpace == Discrete {}

/// An environment whose observations are float vectors in a ``Box`` and whose actions come from a ``Discrete``
/// space, such as CartPole: the shape deep agents feed straight into a multilayer perceptron.
public protocol FloatVectorEnvironment: Environment
where Observation == [Float], Action == Int, ObservationSpace == Box<Float>, ActionSpace == Discrete {}

/// An environment whose observations are float vectors in a ``Box`` and whose actions are float vectors in a ``Box``
/// too, such as Pendulum and MountainCarContinuous: continuous control, where an agent chooses how hard to push
/// rather than which button to press.
public protocol ContinuousControlEnvironment: Environment
where Observation == [Float], Action == [Float], ObservationSpace == Box<Float>, ActionSpace == Box<Float> {}

/// An environment whose observations are ``ChannelGrid``s and whose actions come from a ``Discrete`` space: the
/// arcade games, which deep agents read with the MinAtar convolutional network.
public protocol ChannelGridEnvironment: Environment
where Observation == ChannelGrid, Action == Int, ObservationSpace == ChannelGridSpace, ActionSpace == Discrete {}

/// An environment whose observations are 8-bit ``PlanarImage``s and whose actions come from a ``Discrete`` space,
/// such as an arcade game behind the Nature DQN preprocessing chain; deep agents read it with a convolutional network.
public protocol ImageEnvironment: Environment
where Observation == PlanarImage, Action == Int, ObservationSpace == ImageSpace, ActionSpace == Discrete {}
