import ArgumentParser
import Training

/// The saved agent that `gym eval` and `gym watch` load: its kind, the environment it was trained on, and the
/// checkpoint file.
struct CheckpointArguments: ParsableArguments {
    @Argument(help: "The agent that was saved: \(AgentKind.allCases.filter(\.isNeural).map(\.rawValue).joined(separator: ", ")).")
    var agent: String

    @Argument(help: "The environment it was trained on (see `gym list`).")
    var environment: String

    @Option(help: "The safetensors checkpoint written by `gym run … --save`.")
    var load: String
}
