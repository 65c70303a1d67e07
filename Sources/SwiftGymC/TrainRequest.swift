import Environments
import Foundation
import Gym
import Training

/// The configuration `swiftgym_train` reads, a JSON object:
///
///     {"agent": "dqn", "env": "CartPole-v1", "seed": 0, "settings": {"learning_rate": 0.00025, "hidden": [64, 64]},
///      "env_options": {}, "max_episode_steps": -1, "eval_episodes": 100, "save": "agent.safetensors",
///      "load": null, "report_every": 10}
///
/// Only `agent` and `env` are required. A setting is named by its JSON key or its flag name (`learning_rate` or
/// `learning-rate`), with the same valid values as `gym run`.
struct TrainRequest {
    /// The plan the library's ``TrainingSession`` carries out.
    let plan: RunPlan
    /// The environment it trains on.
    let environment: any Environment
    /// Training episodes between two progress events.
    let reportEvery: Int

    /// The keys a configuration may have.
    static let keys = ["agent", "env", "seed", "settings", "env_options", "max_episode_steps", "eval_episodes",
                       "save", "load", "report_every"]
    /// Valid `report_every` values.
    static let reportEveryRange = 1...1_000_000_000

    private struct Fields: Decodable {
        var agent: String
        var env: String
        var seed: UInt64?
        var settings: [String: JSONText]?
        var envOptions: [String: JSONText]?
        var maxEpisodeSteps: Int64?
        var evalEpisodes: Int?
        var save: String?
        var load: String?
        var reportEvery: Int?

        enum CodingKeys: String, CodingKey {
            case agent, env, seed, settings, save, load
            case envOptions = "env_options", maxEpisodeSteps = "max_episode_steps", evalEpisodes = "eval_episodes"
            case reportEvery = "report_every"
        }
    }

    /// The request in `json`, checked: every key one of `keys`, every setting one of the agent's, every number in
    /// range.
    init(json: String, keys: [String] = TrainRequest.keys) throws {
        let data = Data(json.utf8)
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CFailure(.invalidArgument, "the configuration must be a JSON object such as {\"agent\": \"q-learning\", \"env\": \"frozenlake\"}, got \(json.prefix(200))")
        }
        for key in object.keys.sorted() where !keys.contains(key) {
            throw CFailure(.invalidArgument, "the configuration has no key '\(key)'; valid keys: \(keys.joined(separator: ", ")) (agent settings go inside \"settings\")")
        }
        let fields: Fields
        do {
            fields = try JSONDecoder().decode(Fields.self, from: data)
        } catch {
            throw CFailure(.invalidArgument, "the configuration needs \"agent\" and \"env\" strings, a \"seed\" from 0 to 2^64-1, integers for max_episode_steps, eval_episodes and report_every, strings for save and load, and objects for settings and env_options: \(Self.describe(error))")
        }
        let agent = try AgentKind.named(fields.agent)
        let registry = Registry.standard
        let spec = try registry.spec(named: fields.env)
        var plan = RunPlan(agent: agent, environmentName: fields.env, spec: spec)
        plan.showsProgress = false
        plan.seed = fields.seed ?? 0
        plan.settings = try Self.settings(fields.settings ?? [:], for: agent)
        if let episodes = fields.evalEpisodes {
            guard RunPlan.evaluationEpisodeRange.contains(episodes) else {
                throw CFailure(.invalidArgument, "eval_episodes must be from \(RunPlan.evaluationEpisodeRange.lowerBound) to \(RunPlan.evaluationEpisodeRange.upperBound), got \(episodes)")
            }
            plan.evaluationEpisodes = episodes
        }
        guard agent.isNeural || (fields.save == nil && fields.load == nil) else {
            throw CFailure(.invalidArgument, "save and load apply to the neural agents (\(AgentKind.allCases.filter(\.isNeural).map(\.rawValue).joined(separator: ", "))), not \(agent.rawValue)")
        }
        plan.save = fields.save.map { URL(fileURLWithPath: $0) }
        plan.load = fields.load.map { URL(fileURLWithPath: $0) }
        let reportEvery = fields.reportEvery ?? 10
        guard Self.reportEveryRange.contains(reportEvery) else {
            throw CFailure(.invalidArgument, "report_every must be from 1 to \(Self.reportEveryRange.upperBound) episodes, got \(reportEvery)")
        }
        self.reportEvery = reportEvery
        let options = EnvironmentOptions((fields.envOptions ?? [:]).mapValues(\.text))
        let limit = try MakeArguments.timeLimit(fields.maxEpisodeSteps ?? -1, registered: spec.maxEpisodeSteps)
        environment = try registry.make(fields.env, options: options, maxEpisodeSteps: limit,
                                        applyingTimeLimit: limit != nil)
        self.plan = plan
    }

    /// The settings given by key (`batch_size`) or name (`batch-size`), each one the agent reads.
    private static func settings(_ given: [String: JSONText], for agent: AgentKind) throws -> [SettingValue] {
        try given.keys.sorted().map { key in
            let name = key.replacingOccurrences(of: "_", with: "-")
            guard agent.settings.contains(where: { $0.name == name || $0.aliases.contains(name) }) else {
                let valid = agent.settings.map { $0.name.replacingOccurrences(of: "-", with: "_") }
                throw CFailure(.invalidArgument, "\(agent.rawValue) has no setting '\(key)'; its settings: \(valid.joined(separator: ", "))")
            }
            return SettingValue(name: name, value: given[key]?.text ?? "")
        }
    }

    /// A decoding error in a sentence: which key and what was wrong.
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, _): return "'\(key.stringValue)' is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "'\(path)': \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
