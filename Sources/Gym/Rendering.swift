/// An environment that can describe its current state as text (Gymnasium's `ansi` render mode).
public protocol TextRendering {
    /// The current state as printable text; may contain ANSI colour codes.
    func text() -> String
}

/// An environment that can draw its current state as an RGB image (Gymnasium's `rgb_array` render mode).
///
/// The window, the GIF recorder and the tests all read the same ``Frame``.
public protocol FrameRendering {
    /// The current state as pixels.
    func frame() -> Frame
}

/// An environment that can draw a policy over its states (arrows on a grid, a table for an MDP).
public protocol PolicyRendering {
    /// A text picture of `policy`, which gives an action for every state.
    func policyText(_ policy: [Int]) -> String
}

/// An environment that can paint state values and a policy over its picture: a heat map of V with the greedy
/// action drawn as an arrow in every state (gridworld tiles), for watching planners and learners.
public protocol ValueMapRendering: FrameRendering {
    /// The current state as pixels, with `values` (one per state) as a heat map and `policy` (one action per state)
    /// as arrows.
    func frame(values: [Double], policy: [Int]) -> Frame
}
