import Agents
import Gym

/// Something that follows every reset and step of the environments a ``Trainer`` runs: the window, the GIF
/// recording and the terminal frames.
public protocol EpisodeWatcher: AnyObject {
    /// A new episode began in `environment`.
    func episodeStarted<E: Environment>(_ environment: E) throws
    /// `environment` took a step that earned `reward`.
    func stepped<E: Environment>(_ environment: E, reward: Double) throws
    /// A planner finished a sweep; `environment` is the one it plans for (to paint the values over).
    func sweepFinished<E: Environment>(_ sweep: PlanningSweep, environment: E) throws
    /// Whether to play a greedy demonstration episode after this training episode, and where.
    func demonstration(after event: EpisodeEvent) -> Demonstration?
}

extension EpisodeWatcher {
    public func sweepFinished<E: Environment>(_ sweep: PlanningSweep, environment: E) throws {}
    public func demonstration(after event: EpisodeEvent) -> Demonstration? { nil }
}

/// A greedy episode played on a copy of the training environment (which is left untouched) and drawn as text.
public struct Demonstration {
    /// Longest demonstration in steps, for environments without a time limit.
    public static let maxSteps = 200

    /// The caption above every frame.
    public var caption: String
    /// Where the frames are drawn.
    public var renderer: TerminalRenderer

    public init(caption: String, renderer: TerminalRenderer) {
        self.caption = caption
        self.renderer = renderer
    }
}

/// Reports every reset and step of the wrapped environment to the watchers (a loop over none without them), so
/// training and evaluation loops are shown without knowing about windows.
public struct Watched<Base: Environment>: EnvironmentWrapper {
    /// The wrapped environment.
    public var base: Base
    /// Who is told.
    public let watchers: [any EpisodeWatcher]
    /// An error from a watcher at a reset (which cannot throw), raised at the next step.
    private var pendingError: (any Error)?

    /// Wraps `base`, reporting to `watchers`.
    public init(_ base: Base, watchers: [any EpisodeWatcher]) {
        self.base = base
        self.watchers = watchers
    }

    public var observationSpace: Base.ObservationSpace { base.observationSpace }
    public var actionSpace: Base.ActionSpace { base.actionSpace }

    public mutating func reset(seed: UInt64?) -> Base.Observation {
        let observation = base.reset(seed: seed)
        for watcher in watchers {
            do {
                try watcher.episodeStarted(base)
            } catch {
                pendingError = pendingError ?? error
            }
        }
        return observation
    }

    public mutating func step(_ action: Base.Action) throws -> Step<Base.Observation> {
        if let error = pendingError {
            pendingError = nil
            throw error
        }
        let step = try base.step(action)
        for watcher in watchers { try watcher.stepped(base, reward: step.reward) }
        return step
    }
}

extension Watched: DiscreteEnvironment where Base: DiscreteEnvironment {}
extension Watched: FloatVectorEnvironment where Base: FloatVectorEnvironment {}
extension Watched: ContinuousControlEnvironment where Base: ContinuousControlEnvironment {}
extension Watched: ChannelGridEnvironment where Base: ChannelGridEnvironment {}
extension Watched: ImageEnvironment where Base: ImageEnvironment {}
extension Watched: PixelEnvironment where Base: PixelEnvironment {}
