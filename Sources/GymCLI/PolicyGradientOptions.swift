import Agents
import ArgumentParser
import Gym

/// The flags of `gym run reinforce` and `gym run actor-critic`.
struct PolicyGradientOptions: ParsableArguments {
    @Option(help: "Adam's step size for the value network (the baseline or critic).")
    var valueLearningRate: Double?

    @Option(help: "Complete episodes per REINFORCE update.")
    var episodesPerUpdate: Int?

    @Option(help: "REINFORCE's baseline: \(PolicyGradientConfiguration.Baseline.allCases.map(\.rawValue).joined(separator: ", ")).")
    var baseline: String?

    @Flag(inversion: .prefixedNo, help: "Standardize the policy-gradient weights (return minus baseline) over each batch.")
    var normalizeAdvantages: Bool?

    @Option(help: "Weight of the entropy bonus.")
    var entropyCoefficient: Double?

    /// The flags that were given, by name.
    var givenFlags: [String] {
        [("--value-learning-rate", valueLearningRate != nil), ("--episodes-per-update", episodesPerUpdate != nil),
         ("--baseline", baseline != nil), ("--[no-]normalize-advantages", normalizeAdvantages != nil),
         ("--entropy-coefficient", entropyCoefficient != nil)]
            .filter(\.1).map(\.0)
    }

    /// The REINFORCE-only flags that were given (actor-critic's critic is its baseline and it updates every step).
    var reinforceOnlyFlags: [String] {
        [("--episodes-per-update", episodesPerUpdate != nil), ("--baseline", baseline != nil),
         ("--[no-]normalize-advantages", normalizeAdvantages != nil)]
            .filter(\.1).map(\.0)
    }

    /// Applies the given flags to `configuration`.
    func apply(to configuration: inout PolicyGradientConfiguration) throws {
        if let valueLearningRate { configuration.valueLearningRate = valueLearningRate }
        if let episodesPerUpdate { configuration.episodesPerUpdate = episodesPerUpdate }
        if let baseline {
            guard let kind = PolicyGradientConfiguration.Baseline(rawValue: baseline) else {
                throw GymError.unknownName("baseline", baseline,
                                           valid: PolicyGradientConfiguration.Baseline.allCases.map(\.rawValue))
            }
            configuration.baseline = kind
        }
        if let normalizeAdvantages { configuration.normalizeAdvantages = normalizeAdvantages }
        if let entropyCoefficient { configuration.entropyCoefficient = entropyCoefficient }
    }
}

/// Every neural agent's flags, as one value.
struct DeepAgentOptions {
    var network: NetworkOptions
    var dqn: DQNOptions
    var policyGradient: PolicyGradientOptions

    /// Options with no flag given except `--load FILE`.
    static func loading(_ path: String) throws -> DeepAgentOptions {
        var network = try NetworkOptions.parse([])
        network.load = path
        return DeepAgentOptions(network: network, dqn: try DQNOptions.parse([]),
                                policyGradient: try PolicyGradientOptions.parse([]))
    }
}
