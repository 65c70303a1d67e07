import Agents
import Environments
import Foundation
import Gym
import Training

/// Makes the DQN agent a `swiftgym_agent_make` configuration asks for: the tuned preset of the environment's
/// observation kind with the configuration's seed and settings (as `gym run dqn` builds it), or a checkpoint.
struct AgentFactory: EncodedEnvironmentVisitor {
    /// The keys an agent configuration may have.
    static let keys = ["agent", "env", "seed", "settings", "env_options", "load"]

    let plan: RunPlan

    /// The agent `json` describes.
    static func make(json: String) throws -> any OpenAgent {
        let request = try TrainRequest(json: json, keys: keys)
        guard request.plan.agent == .dqn else {
            throw CFailure(.unsupported, "the C ABI's agents are DQN agents (Ape-X actors and learners); got '\(request.plan.agent.rawValue)': train other agents with swiftgym_train")
        }
        guard let agent = try withObservationEncoder(for: request.environment, AgentFactory(plan: request.plan)) else {
            let spaces = spaceDescriptions(of: request.environment)
            throw CFailure(.unsupported, "dqn needs discrete actions and integer, float-vector or channel-grid observations; '\(request.plan.environmentName)' has observations \(spaces.observation) and actions \(spaces.action)")
        }
        return agent
    }

    func visit<E: Environment, Encoder: ObservationEncoder>(_ environment: E, encoder: Encoder,
                                                           kind: ObservationKind) throws -> any OpenAgent
    where E.Observation == Encoder.Observation, E.Action == Int {
        guard let actions = environment.actionSpace as? Discrete else {
            throw CFailure(.unsupported, "dqn needs a discrete action space; '\(plan.environmentName)' has \(environment.actionSpace)")
        }
        switch environment.observationSpace {
        case let space as Discrete:
            return try open(StateRowReader(space: space), kind: kind, actionCount: actions.count)
        case let space as Box<Float>:
            return try open(VectorRowReader(space: space), kind: kind, actionCount: actions.count)
        case let space as ChannelGridSpace:
            return try open(ChannelGridRowReader(space: space), kind: kind, actionCount: actions.count)
        default:
            throw CFailure(.unsupported, "the C ABI's agents take integer, float-vector and channel-grid observations; '\(plan.environmentName)' has \(environment.observationSpace)")
        }
    }

    private func open<Reader: StoredRowReader>(_ reader: Reader, kind: ObservationKind,
                                               actionCount: Int) throws -> any OpenAgent
    where Reader.Encoder.Memory == ReplayBuffer<Reader.Encoder> {
        let made: (DQN<Reader.Encoder>, DQNConfiguration)
        do {
            made = try plan.makeAgent(DQN<Reader.Encoder>.self, preset: kind.dqnPreset, encoder: reader.encoder,
                                      actionCount: actionCount, checkpoint: plan.load)
        } catch let refusal as GymError {
            // A setting's value, or a checkpoint that is missing or made for another environment.
            throw CFailure(.invalidArgument, refusal.message)
        }
        let (agent, configuration) = made
        var hyperparameters = configuration.settingValues
        hyperparameters["network"] = configuration.architecture(for: reader.encoder.inputShape).rawValue
        let document: [String: Any] = ["agent": "dqn", "env": plan.spec.canonicalName, "seed": configuration.seed,
                                       "hyperparameters": hyperparameters]
        return try TypedAgent(agent, reader: reader, document: document,
                              checkpointMetadata: ["env": plan.spec.canonicalName])
    }
}
