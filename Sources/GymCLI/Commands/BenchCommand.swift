import Training
import ArgumentParser
import Foundation
import Gym
import Benchmarks

/// `gym bench [suite ...]`: throughput figures, as text or one JSON object.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput (build with -c release for meaningful numbers).",
        discussion: "Suites: " + BenchCommand.suites.map { "\($0.name) (\($0.summary))" }.joined(separator: "; ")
    )

    /// Every suite, in the order they run.
    static var suites: [any BenchmarkSuite.Type] { benchmarkSuites }

    @Argument(help: "Suites to run (default: all): \(BenchCommand.suites.map { $0.name }.joined(separator: ", ")).")
    var suiteNames: [String] = []

    @Option(help: "Comma-separated compute thread counts for the tensor suite.")
    var threads = "1,2"

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    @Flag(inversion: .prefixedNo, help: "Measure the peers (Python scripts in scripts/peers/) right after each suite; a missing peer is reported as not installed.")
    var peers = true

    /// The parsed `--threads` list.
    func threadCounts() throws -> [Int] {
        let counts = threads.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !counts.isEmpty, counts.allSatisfy({ OptionLimits.threads.contains($0 ?? 0) }) else {
            throw ValidationError("--threads takes thread counts from \(OptionLimits.threads.lowerBound) to \(OptionLimits.threads.upperBound) separated by commas (such as 1,2), not '\(threads)'")
        }
        return counts.compactMap { $0 }
    }

    func run() throws {
        let chosen = try suiteNames.isEmpty ? Self.suites : suiteNames.map { name in
            guard let suite = Self.suites.first(where: { $0.name == name }) else {
                throw GymError.unknownName("benchmark suite", name, valid: Self.suites.map { $0.name })
            }
            return suite
        }
        #if DEBUG
        TerminalOutput.write("warning: this is a debug build; run `swift run -c release gym bench` for real numbers\n")
        #endif
        let settings = BenchmarkSettings(threadCounts: try threadCounts())
        var results: [String: [String: BenchmarkFigure]] = [:]
        var peerResults: [String: String] = [:]
        for suite in chosen {
            if !json { print("\(suite.name):") }
            try suite.init().run(settings: settings) { measurement in
                results[suite.name, default: [:]][measurement.name] = measurement
                guard !json else { return }
                let value = measurement.value >= 1e5 ? String(format: "%.3e", measurement.value)
                                                     : String(format: "%.4g", measurement.value)
                print("  \(measurement.name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(value) \(measurement.unit)"
                      + (measurement.comparison.map { "   (\($0))" } ?? ""))
            }
            guard peers, let script = suite.peerScript else { continue }
            let measured = script.run(threadCounts: settings.threadCounts)
            peerResults[suite.name] = measured
            if !json { print("  peers, measured now by scripts/peers/\(script.name):\n" + measured.split(separator: "\n").map { "    \($0)" }.joined(separator: "\n")) }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(BenchReport(figures: results, peers: peerResults)), as: UTF8.self))
        }
    }
}

/// `gym bench --json`: every suite's figures, and what each suite's peer script printed in the same run.
private struct BenchReport: Encodable {
    var figures: [String: [String: BenchmarkFigure]]
    var peers: [String: String]
}
