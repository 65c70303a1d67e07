import Foundation
import Gym

/// An agent that learns from experience: everything a trainer needs to drive it, whatever its kind.
///
/// A learner trains either an episode at a time (``EpisodeLearner``: tabular learners, REINFORCE, actor-critic, SAC)
/// or a rollout over N copies of the environment at a time (``RolloutLearner``: PPO, A2C, and DQN, whose rollout is
/// one step of every copy). A trainer
/// (the `Training` module's `Trainer`) drives it until ``isFinished``, reads ``figures`` for progress lines and logs,
/// and saves checkpoints of learners that keep them.
public protocol Learner {
    /// What the learner observes.
    associatedtype Observation
    /// What the learner does: an action index (`Int`, the default) or a vector of forces (`[Float]`, continuous
    /// control).
    associatedtype Action = Int

    /// How long the learner trains: episodes or environment steps.
    var budget: TrainingBudget { get }
    /// Environment steps taken so far.
    var stepsTaken: Int { get }
    /// Episodes finished so far.
    var episodesCompleted: Int { get }
    /// Whether the budget is spent.
    var isFinished: Bool { get }
    /// The learner's current figures (ε, the latest loss, …) for progress lines, logs and the window.
    var figures: LearningFigures { get }
    /// State values and the greedy policy of a tabular learner, for painting over the environment (`nil` otherwise).
    var valueTable: ValueTable? { get }
    /// Whether ``save(to:metadata:)`` writes a checkpoint.
    var savesCheckpoints: Bool { get }

    /// The greedy action (for a stochastic policy, its most likely or mean action).
    func greedyAction(_ observation: Observation) -> Action
    /// Installs a handler called after every gradient update (learners without updates never call it).
    mutating func onUpdate(_ handler: ((UpdateEvent) -> Void)?)
    /// Installs a check that a learner whose episodes or update bursts can run long asks between steps and updates;
    /// when it returns true the learner ends the current episode early (as a cut, not a termination).
    mutating func checkStops(with check: (@Sendable () -> Bool)?)
    /// Writes the learner to `url` atomically, with `metadata` added to its own.
    func save(to url: URL, metadata: [String: String]) throws
}

/// A learner that plays one environment an episode at a time.
public protocol EpisodeLearner: Learner {
    /// Plays and learns from one episode.
    mutating func trainEpisode<E: Environment>(in environment: inout E) throws -> TrainingEpisode
    where E.Observation == Observation, E.Action == Action
}

/// A learner that steps N copies of the environment together (a ``BatchedEnvironment``) and learns from a rollout of
/// them at a time, such as PPO, A2C and DQN.
///
/// A trainer makes the copies (copy 0 is the one it watches), has the learner batch them with ``makeBatch(of:)``,
/// then calls ``trainRollout(in:)`` until the learner ``isFinished``.
public protocol RolloutLearner: Learner {
    /// How observations are written into the batch's buffers.
    associatedtype Packer: ObservationPacker where Packer.Observation == Observation

    /// Copies of the environment the learner steps together.
    var environmentCount: Int { get }
    /// The batch the learner trains on, of ``environmentCount`` `copies`: seeded, with its threads and packer.
    func makeBatch<E: Environment>(of copies: [E]) throws -> BatchedEnvironment<E, Packer>
    where E.Observation == Observation
    /// Plays one rollout in `environments` and learns from it; returns the episodes that ended during it, in order.
    mutating func trainRollout<E: Environment>(in environments: BatchedEnvironment<E, Packer>) throws -> [TrainingEpisode]
    where E.Observation == Observation, E.Action == Action
}

extension Learner {
    public var valueTable: ValueTable? { nil }
    public var savesCheckpoints: Bool { false }
    public mutating func onUpdate(_ handler: ((UpdateEvent) -> Void)?) {}
    public mutating func checkStops(with check: (@Sendable () -> Bool)?) {}
    public func save(to url: URL, metadata: [String: String]) throws {
        throw GymError("this learner keeps no checkpoint")
    }
}

/// State values and a greedy action for every state of a tabular problem.
public struct ValueTable: Equatable, Sendable {
    /// V(s) for every state.
    public var values: [Double]
    /// The greedy action of every state.
    public var policy: [Int]

    public init(values: [Double], policy: [Int]) {
        self.values = values
        self.policy = policy
    }
}

/// What a learner reports about itself between episodes and updates; `nil` where it has no such figure.
public struct LearningFigures: Equatable, Sendable {
    /// The exploration rate ε of ε-greedy learners.
    public var epsilon: Double?
    /// The training loss of the latest gradient update.
    public var loss: Double?
    /// Gradient updates so far.
    public var updates: Int?
    /// Mean Q(s, a) over the latest batch (value-based agents).
    public var meanQ: Double?
    /// The value network's latest loss (agents with a learned baseline or critic).
    public var valueLoss: Double?
    /// The policy's mean entropy (policy-gradient agents).
    public var entropy: Double?

    public init(epsilon: Double? = nil, loss: Double? = nil, updates: Int? = nil, meanQ: Double? = nil,
                valueLoss: Double? = nil, entropy: Double? = nil) {
        self.epsilon = epsilon
        self.loss = loss
        self.updates = updates
        self.meanQ = meanQ
        self.valueLoss = valueLoss
        self.entropy = entropy
    }
}

/// One finished gradient update.
public struct UpdateEvent: Sendable {
    /// Environment steps taken so far.
    public var totalSteps: Int
    /// Episodes finished so far.
    public var episodes: Int
    /// The learner's figures after the update (its ``LearningFigures/updates`` counts this one).
    public var figures: LearningFigures

    public init(totalSteps: Int, episodes: Int, figures: LearningFigures) {
        self.totalSteps = totalSteps
        self.episodes = episodes
        self.figures = figures
    }
}

/// Training stopped because a loss or gradient stopped being a finite number; the learner keeps its last good state.
public struct TrainingDiverged: Error, CustomStringConvertible, Sendable {
    /// What diverged, where, and what to try.
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
