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
