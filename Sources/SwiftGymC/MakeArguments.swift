import Foundation
import Gym

/// The checks and conversions of `swiftgym_make`'s arguments, each with the message a caller needs.
enum MakeArguments {
    /// The most copies one batch holds.
    static let maximumCount = 65_536
    /// The most worker threads one batch asks for.
    static let maximumThreads = 256

    /// The options from a JSON object of strings, numbers and Booleans (`NULL` or empty: none).
    static func options(_ json: String?) throws -> EnvironmentOptions {
        guard let json, !json.isEmpty else { return EnvironmentOptions() }
        guard let values = try? JSONDecoder().decode([String: JSONText].self, from: Data(json.utf8)) else {
            throw CFailure(.invalidArgument, "options must be a JSON object of names and string, number or Boolean values, got \(json)")
        }
        return EnvironmentOptions(values.mapValues(\.text))
    }

    /// The number of copies, 1 to ``maximumCount``.
    static func count(_ count: Int64) throws -> Int {
        guard count >= 1, count <= Int64(maximumCount) else {
            throw CFailure(.invalidArgument, "num_envs must be 1...\(maximumCount), got \(count)")
        }
        return Int(count)
    }

    /// Worker threads: `nil` (one per core) for 0, else 1 to ``maximumThreads``.
    static func threads(_ threads: Int32) throws -> Int? {
        guard threads >= 0, threads <= Int32(maximumThreads) else {
            throw CFailure(.invalidArgument, "threads must be 0 (one per core) or 1...\(maximumThreads), got \(threads)")
        }
        return threads == 0 ? nil : Int(threads)
    }

    /// The time limit: the registered one for −1, none for 0, else the given number of steps.
    static func timeLimit(_ steps: Int64, registered: Int?) throws -> Int? {
        guard steps >= -1, steps <= 1_000_000_000 else {
            throw CFailure(.invalidArgument, "max_episode_steps must be -1 (the registered limit), 0 (none) or 1...1000000000, got \(steps)")
        }
        return steps == -1 ? registered : steps == 0 ? nil : Int(steps)
    }

    /// The autoreset mode by its number in the header: 0 same-step, 1 next-step, 2 disabled.
    static func autoreset(_ mode: Int32) throws -> AutoresetMode {
        switch mode {
        case 0: .sameStep
        case 1: .nextStep
        case 2: .disabled
        default: throw CFailure(.invalidArgument, "autoreset must be 0 (same-step), 1 (next-step) or 2 (disabled), got \(mode)")
        }
    }
}
