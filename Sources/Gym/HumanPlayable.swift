/// A key a person presses to play an environment.
public enum PlayKey: Hashable, Sendable, CaseIterable {
    case left, right, up, down
    /// Space: fire in the arcade games.
    case fire
}

/// An environment a person can play from the keyboard (`gym play`).
///
/// The keys are looked up once for a whole session (through ``Environment/capability(_:)``), so what they stand for
/// should depend on the environment's configuration, not on its state. A key stands for one of the environment's
/// actions: an action number for discrete actions, a vector such as `[-2]`, `[0]` or `[2]` for continuous ones.
public protocol HumanPlayable {
    /// The environment's action type (an environment's `Action`).
    associatedtype Action

    /// The action `key` stands for, or `nil` when the key does nothing in this environment.
    func action(for key: PlayKey) -> Action?
    /// The action taken when no key is held in a real-time game, or `nil` for a turn-based environment that waits for
    /// a key before each step.
    var idleAction: Action? { get }
}

extension HumanPlayable where Self: ContinuousControlEnvironment {
    /// ← pushes with the action space's lower bound in every component, → with its upper bound (−2 and +2 for
    /// Pendulum's torque); the other keys do nothing.
    public func action(for key: PlayKey) -> [Float]? {
        switch key {
        case .left: actionSpace.low
        case .right: actionSpace.high
        case .up, .down, .fire: nil
        }
    }

    /// Real time: zero in every component (clipped into the bounds) while no key is held.
    public var idleAction: [Float]? { zip(actionSpace.low, actionSpace.high).map { low, high in min(max(0, low), high) } }
}
