import Agents
import ArgumentParser
import Gym

/// Flags every neural agent shares: the network's shape, gradient clipping, and checkpoints.
struct NetworkOptions: ParsableArguments {
    @Option(help: "Hidden layer widths, comma-separated (such as 120,84).")
    var hidden: String?

    @Option(help: "The network body: mlp, minatar (conv 16 3x3, for the arcade games' 10x10 grids) or nature (the Nature DQN CNN on 84x84x4 frames; implies --pixels 84 on an arcade game). Default: from the observation.")
    var network: NetworkArchitecture?

    @Option(help: "With --log, also write a line every N gradient updates (loss, mean Q, ε; default \(NetworkOptions.defaultLogUpdates)).")
    var logUpdates: Int?

    /// Gradient updates between `--log` update lines when `--log-updates` is not given.
    static let defaultLogUpdates = 1_000

    @Option(help: "Clip the gradients' global norm to this.")
    var maxGradNorm: Double?

    @Option(help: "Write the trained agent to this safetensors file (atomically; also on Ctrl-C or a NaN loss).")
    var save: String?

    @Option(help: "Start from the agent in this safetensors file: its configuration, networks, optimizer state and counters (flags given override the configuration).")
    var load: String?

    func validate() throws {
        if let logUpdates, logUpdates <= 0 {
            throw ValidationError("--log-updates must be positive, got \(logUpdates)")
        }
    }

    /// The flags that were given, by name.
    var givenFlags: [String] {
        [("--hidden", hidden != nil), ("--network", network != nil), ("--log-updates", logUpdates != nil), ("--max-grad-norm", maxGradNorm != nil), ("--save", save != nil),
         ("--load", load != nil)]
            .filter(\.1).map(\.0)
    }

    /// Applies the given flags to `configuration`.
    func apply(to configuration: inout some AgentConfiguration) throws {
        if let maxGradNorm { configuration.maxGradientNorm = maxGradNorm }
        if let network { configuration.network = network }
        if let hidden {
            let widths = hidden.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !widths.isEmpty, widths.allSatisfy({ ($0 ?? 0) > 0 }) else {
                throw GymError("--hidden takes positive layer widths separated by commas (such as 120,84), not '\(hidden)'")
            }
            configuration.hiddenLayers = widths.compactMap { $0 }
        }
    }
}

extension NetworkArchitecture: ExpressibleByArgument {}
