import Gym

/// The six actions of MinAtar's full action set, in its order (action `i` of the full set is `rawValue == i`).
public enum ArcadeAction: Int, CaseIterable, Sendable {
    /// Do nothing.
    case noop
    /// Move one cell left.
    case left
    /// Move one cell up.
    case up
    /// Move one cell right.
    case right
    /// Move one cell down.
    case down
    /// Shoot.
    case fire

    /// A short name for listings and the terminal view.
    public var name: String {
        switch self {
        case .noop: "noop"
        case .left: "left"
        case .up: "up"
        case .right: "right"
        case .down: "down"
        case .fire: "fire"
        }
    }
}

/// Which actions a game offers.
public enum ArcadeActionSet: String, CaseIterable, Sendable {
    /// The actions that matter in the game (MinAtar's `minimal_action_set()`), numbered from 0 in full-set order.
    case minimal
    /// All six actions, numbered as ``ArcadeAction``; unused ones act as `noop` (MinAtar's default `num_actions()`).
    case full
}
