import Agents
import Gym

/// The agents a run can train, with what each needs from an environment and the settings each reads.
public enum AgentKind: String, CaseIterable, Sendable {
    case qLearning = "q-learning"
    case sarsa
    case expectedSarsa = "expected-sarsa"
    case valueIteration = "value-iteration"
    case policyIteration = "policy-iteration"
    case dqn
    case reinforce
    case actorCritic = "actor-critic"
    case ppo
    case a2c
    case sac

    /// A one-line description for listings.
    public var summary: String {
        switch self {
        case .qLearning: "tabular Q-learning, ε-greedy with linear decay (discrete states and actions)"
        case .sarsa: "tabular SARSA, on-policy TD control (discrete states and actions)"
        case .expectedSarsa: "tabular Expected SARSA (discrete states and actions)"
        case .valueIteration: "value iteration: plans V* and Q* from the model (environments with a TabularModel)"
        case .policyIteration: "policy iteration: evaluate and improve until stable (environments with a TabularModel)"
        case .dqn: "deep Q-network with experience replay and a target network, on one or N environment copies (discrete actions; states, vectors, grids or frames)"
        case .reinforce: "REINFORCE policy gradient with a learned or mean-return baseline (discrete actions; states, vectors, grids or frames)"
        case .actorCritic: "one-step actor-critic: TD-error policy gradient after every step (discrete actions; states, vectors, grids or frames)"
        case .ppo: "proximal policy optimization on N environment copies: clipped surrogate, GAE, minibatch epochs (discrete actions with states, vectors, grids or frames; continuous Box actions with vectors)"
        case .a2c: "synchronous advantage actor-critic on N environment copies: one RMSProp step per rollout (discrete actions with states, vectors, grids or frames; continuous Box actions with vectors)"
        case .sac: "soft actor-critic: twin critics, a tanh-squashed Gaussian policy, tuned entropy (continuous Box actions, vector observations)"
        }
    }

    /// Whether the agent plans from the environment's model instead of learning from steps.
    public var isPlanner: Bool { self == .valueIteration || self == .policyIteration }

    /// Whether the agent is a neural-network agent (and keeps checkpoints).
    public var isNeural: Bool { !isPlanner && self != .qLearning && self != .sarsa && self != .expectedSarsa }

    /// The settings the agent reads.
    public var settings: [SettingInfo] {
        switch self {
        case .qLearning, .sarsa, .expectedSarsa: SettingInfo.of(QLearning.Configuration.self)
        case .valueIteration: SettingInfo.of(ValueIteration.Configuration.self)
        case .policyIteration: SettingInfo.of(PolicyIteration.Configuration.self)
        case .dqn: SettingInfo.of(DQNConfiguration.self)
        case .reinforce: SettingInfo.of(PolicyGradientConfiguration.self)
        case .actorCritic:
            SettingInfo.of(PolicyGradientConfiguration.self).filter { setting in
                !PolicyGradientConfiguration.reinforceSettings.contains { $0.name == setting.name }
            }
        case .ppo: SettingInfo.of(OnPolicyConfiguration.self)
        case .sac: SettingInfo.of(SACConfiguration.self)
        case .a2c:
            SettingInfo.of(OnPolicyConfiguration.self).filter { setting in
                !OnPolicyConfiguration.ppoSettings.contains { $0.name == setting.name }
            }
        }
    }

    /// The agent called `name`; the error lists the valid names.
    public static func named(_ name: String) throws -> AgentKind {
        guard let kind = AgentKind(rawValue: name) else {
            throw GymError.unknownName("agent", name, valid: allCases.map(\.rawValue))
        }
        return kind
    }
}

/// What a setting is, without its configuration type: for command lines, help and documentation.
public struct SettingInfo: Sendable, Equatable {
    /// The name in kebab case (`batch-size`).
    public var name: String
    /// Other accepted names.
    public var aliases: [String]
    /// What it means.
    public var help: String
    /// The values it accepts, in words.
    public var validValues: String
    /// Whether it is a switch without a value.
    public var isSwitch: Bool

    /// The settings of `configuration`.
    public static func of<C: Configurable>(_ configuration: C.Type) -> [SettingInfo] {
        C.settings.map { SettingInfo(name: $0.name, aliases: $0.aliases, help: $0.help, validValues: $0.validValues,
                                     isSwitch: $0.isSwitch) }
    }
}

/// A setting given by name with its value as text, such as `batch-size` = `64`.
public struct SettingValue: Sendable, Equatable {
    /// The setting's name or alias.
    public var name: String
    /// Its value as text.
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension Configurable {
    /// Applies `values` in order; throws for a name this configuration has no setting for, or a bad value.
    public mutating func apply(_ values: [SettingValue]) throws {
        for given in values {
            guard let setting = Self.setting(named: given.name) else {
                throw GymError.unknownName("setting", given.name, valid: Self.settings.map(\.name))
            }
            try setting.apply(given.value, to: &self)
        }
    }
}
