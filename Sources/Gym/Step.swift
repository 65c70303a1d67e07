/// The outcome of one ``Environment/step(_:)``.
public struct Step<Observation> {
    /// The observation after the action.
    public var observation: Observation
    /// The reward for the transition.
    public var reward: Double
    /// The MDP reached a terminal state: the value of the next state is zero, do not bootstrap.
    public var terminated: Bool
    /// The episode was cut for a reason outside the MDP (time limit): the next state still has value.
    public var truncated: Bool

    /// Creates a step outcome.
    @inlinable
    public init(observation: Observation, reward: Double, terminated: Bool, truncated: Bool = false) {
        self.observation = observation
        self.reward = reward
        self.terminated = terminated
        self.truncated = truncated
    }

    /// The episode is over, for either reason.
    @inlinable
    public var isDone: Bool { terminated || truncated }
}

extension Step: Equatable where Observation: Equatable {}
extension Step: Sendable where Observation: Sendable {}
