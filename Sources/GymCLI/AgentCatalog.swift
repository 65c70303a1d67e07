import Gym

/// The agents `gym run` knows, with what each needs from an environment.
enum AgentKind: String, CaseIterable {
    case qLearning = "q-learning"
    case sarsa
    case expectedSarsa = "expected-sarsa"
    case valueIteration = "value-iteration"
    case policyIteration = "policy-iteration"
    case dqn
    case reinforce
    case actorCritic = "actor-critic"

    /// A one-line description for `gym list`.
    var summary: String {
        switch self {
        case .qLearning: "tabular Q-learning, ε-greedy with linear decay (discrete states and actions)"
        case .sarsa: "tabular SARSA, on-policy TD control (discrete states and actions)"
        case .expectedSarsa: "tabular Expected SARSA (discrete states and actions)"
        case .valueIteration: "value iteration: plans V* and Q* from the model (environments with a TabularModel)"
        case .policyIteration: "policy iteration: evaluate and improve until stable (environments with a TabularModel)"
        case .dqn: "deep Q-network with experience replay and a target network (discrete actions; one-hot or vector observations)"
        case .reinforce: "REINFORCE policy gradient with a learned or mean-return baseline (discrete actions; one-hot or vector observations)"
        case .actorCritic: "one-step actor-critic: TD-error policy gradient after every step (discrete actions; one-hot or vector observations)"
        }
    }

    /// Whether the agent plans from the environment's model instead of learning from steps.
    var isPlanner: Bool { self == .valueIteration || self == .policyIteration }

    /// Whether the agent is a neural-network agent.
    var isDeep: Bool { self == .dqn || isPolicyGradient }

    /// Whether the agent is a policy-gradient agent.
    var isPolicyGradient: Bool { self == .reinforce || self == .actorCritic }

    /// Whether the agent explores ε-greedily.
    var exploresWithEpsilon: Bool { !isPlanner && !isPolicyGradient }

    /// Parses an agent name, listing the valid ones when it is unknown.
    static func named(_ name: String) throws -> AgentKind {
        guard let kind = AgentKind(rawValue: name) else {
            throw GymError.unknownName("agent", name, valid: allCases.map(\.rawValue))
        }
        return kind
    }
}
