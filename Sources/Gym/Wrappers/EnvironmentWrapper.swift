/// An environment that wraps another.
///
/// A wrapper declares only what it changes. Capabilities it leaves alone (models, rendering, keys, goals) are found
/// in its base through ``Environment/capability(_:)``. What Swift must know statically is the exception: a wrapper
/// that keeps its base's observation and action types declares the kinds that describe them
/// (`extension MyWrapper: DiscreteEnvironment where Base: DiscreteEnvironment {}`, likewise ``FloatVectorEnvironment``,
/// ``ContinuousControlEnvironment``, ``ChannelGridEnvironment``, ``ImageEnvironment``), and ``PixelEnvironment``,
/// whose frames the pixel chain reads on every step; its `frame()` then forwards to ``base`` through the extension
/// below.
public protocol EnvironmentWrapper: Environment {
    /// The wrapped environment's type.
    associatedtype Base: Environment
    /// The wrapped environment.
    var base: Base { get set }
}

extension EnvironmentWrapper where Self: PixelEnvironment, Base: PixelEnvironment {
    /// The base's frame: a wrapper that keeps a pixel environment's actions keeps what it draws.
    public func frame() -> Frame { base.frame() }
}
