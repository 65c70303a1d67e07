/// The keys the viewer and human play react to.
public enum Key: Hashable, Sendable {
    /// Space: pause and resume (fire in games).
    case space
    /// `.`: one step while paused.
    case period
    /// `+` (or `=`, its unshifted key, or keypad plus): faster.
    case plus
    /// `-` (or keypad minus): slower.
    case minus
    /// `f`: fast-forward without drawing.
    case fastForward
    /// `q` or Escape: quit.
    case quit
    /// The arrow keys.
    case left, right, up, down
}
