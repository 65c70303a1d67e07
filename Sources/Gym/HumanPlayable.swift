/// A key a person presses to play an environment.
public enum PlayKey: Hashable, Sendable, CaseIterable {
    case left, right, up, down
    /// Space: fire in the arcade games.
    case fire
}

/// An environment a person can play from the keyboard (`gym play`).
///
/// The keys are looked up once for a whole session (through ``Environment/capability(_:)``), so what they stand for
/// should depend on the environment's configuration, not on its state.
public protocol HumanPlayable {
    /// The action `key` stands for, or `nil` when the key does nothing in this environment.
    func action(for key: PlayKey) -> Int?
    /// The action taken when no key is held in a real-time game, or `nil` for a turn-based environment that waits for
    /// a key before each step.
    var idleAction: Int? { get }
}
