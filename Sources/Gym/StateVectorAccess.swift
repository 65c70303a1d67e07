/// An environment whose physical state is a short vector of numbers that can be read and set, as Gymnasium's
/// classic-control environments expose `env.unwrapped.state`: for replaying a known trajectory from a set start.
///
/// Reach it through wrappers with ``Environment/capability(_:)`` (reading) and ``Environment/modifyCapability(_:_:)``
/// (setting).
public protocol StateVectorAccess {
    /// The state, in Gymnasium's order (CartPole: position, velocity, angle, angular velocity); always the same
    /// count of numbers for one environment.
    var stateVector: [Double] { get set }
}
