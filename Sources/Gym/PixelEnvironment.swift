/// An environment with numbered actions that draws itself, known statically: what the pixel preprocessing chain
/// (``NatureDQNPreprocessing``) needs, since ``PixelObservations`` reads a frame on every step. The arcade games
/// conform.
///
/// It is a kind, like ``DiscreteEnvironment``, not a capability: a wrapper that keeps its base's actions and frames
/// declares it (its `frame()` forwards to the base, see ``EnvironmentWrapper``), so that the chain can wrap it with
/// no lookup on the step path. To draw an arbitrary environment, look up ``FrameRendering`` with
/// ``Environment/capability(_:)``.
public protocol PixelEnvironment: Environment where Action == Int {
    /// The current state as pixels: for an environment that is also ``FrameRendering``, the same picture.
    func frame() -> Frame
}
