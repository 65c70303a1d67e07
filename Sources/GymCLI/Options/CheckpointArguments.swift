import ArgumentParser
import Training

/// The saved agent that `gym eval` and `gym watch` load (its kind, the environment it was trained on, the checkpoint
/// file) and how its episodes are seeded, shown and built.
struct CheckpointArguments: ParsableArguments {
    @Argument(help: "The agent that was saved: \(AgentKind.allCases.filter(\.isNeural).map(\.rawValue).joined(separator: ", ")).")
    var agent: String

    @Argument(help: "The environment it was trained on (see `gym list`).")
    var environment: String

    @Option(help: "The safetensors checkpoint written by `gym run … --save`.")
    var load: String

    @Option(parsing: .unconditional, help: "Seed of the episodes (they use seed+1, like the evaluation after `gym run`).")
    var seed: UInt64 = 0

    @OptionGroup(title: "Watching")
    var viewing: ViewingOptions

    @OptionGroup(title: "Environment")
    var environmentOptions: EnvironmentArguments
}
