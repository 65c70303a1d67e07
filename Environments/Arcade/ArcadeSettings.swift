import Gym

/// The settings every arcade game shares: sticky actions, difficulty ramping and the action set.
public struct ArcadeSettings: Equatable, Sendable {
    /// The probability that a step repeats the previous action instead of the chosen one (MinAtar's default 0.1).
    public var stickyActionProbability: Double
    /// Whether the game speeds up as it goes (MinAtar's default); games without ramping ignore it.
    public var difficultyRamping: Bool
    /// The actions offered.
    public var actionSet: ArcadeActionSet

    /// Creates settings; the defaults are MinAtar's (sticky 0.1, ramping on, the full 6-action set).
    public init(stickyActionProbability: Double, difficultyRamping: Bool = true, actionSet: ArcadeActionSet = .full) throws {
        guard stickyActionProbability >= 0, stickyActionProbability <= 1 else {
            throw GymError("the sticky action probability must lie in [0, 1], got \(stickyActionProbability)")
        }
        self.stickyActionProbability = stickyActionProbability
        self.difficultyRamping = difficultyRamping
        self.actionSet = actionSet
    }

    /// MinAtar's defaults: sticky actions 0.1, ramping on, the full action set.
    public static let standard = ArcadeSettings(unchecked: 0.1, ramping: true, actions: .full)

    /// Deterministic play for tests and demonstrations: no sticky actions, ramping on, the full action set.
    public static let deterministic = ArcadeSettings(unchecked: 0, ramping: true, actions: .full)

    private init(unchecked probability: Double, ramping: Bool, actions: ArcadeActionSet) {
        stickyActionProbability = probability
        difficultyRamping = ramping
        actionSet = actions
    }
}
