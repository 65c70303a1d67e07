/// Everything the registry knows about one environment: how to build it and how it is judged.
public struct EnvironmentSpec: Sendable {
    /// The name used on the command line, e.g. `frozenlake`, or an alias's name, e.g. `FrozenLake-v1`.
    public var name: String
    /// The name of the registered environment this spec builds: `name` itself, or for an alias's spec the name of
    /// the environment it stands for (`frozenlake` for `FrozenLake-v1`).
    public internal(set) var canonicalName: String
    /// A one-line description.
    public var summary: String
    /// A group for listings, e.g. `toy-text`, `mdp`, `control`, `arcade`.
    public var family: String
    /// The mean return over 100 episodes at which the task counts as solved, if defined.
    public var rewardThreshold: Double?
    /// The time limit applied by ``Registry/make(_:options:)``, if any.
    public var maxEpisodeSteps: Int?
    /// The options the environment accepts, with defaults.
    public var options: [EnvironmentOption]
    /// The frame rate episodes are shown at by default (Gymnasium's `render_fps` metadata).
    public var renderFPS: Double
    /// Builds the environment without a time limit; throws ``GymError`` for bad option values.
    public var make: @Sendable (EnvironmentOptions) throws -> any Environment

    /// Creates a specification.
    public init(
        name: String,
        summary: String,
        family: String,
        rewardThreshold: Double? = nil,
        maxEpisodeSteps: Int? = nil,
        options: [EnvironmentOption] = [],
        renderFPS: Double = 10,
        make: @escaping @Sendable (EnvironmentOptions) throws -> any Environment
    ) {
        self.name = name
        self.canonicalName = name
        self.summary = summary
        self.family = family
        self.rewardThreshold = rewardThreshold
        self.maxEpisodeSteps = maxEpisodeSteps
        self.options = options
        self.renderFPS = renderFPS
        self.make = make
    }
}
