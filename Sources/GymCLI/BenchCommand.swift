import ArgumentParser
import Foundation
import Gym

/// `gym bench [suite ...]`: throughput figures, as text or one JSON object.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput (build with -c release for meaningful numbers).",
        discussion: "Suites: " + BenchCommand.suites.map { "\($0.name) (\($0.summary))" }.joined(separator: "; ")
    )

    /// Every suite, in the order they run.
    static var suites: [any BenchmarkSuite.Type] { [TabularBenchmarks.self] }

    @Argument(help: "Suites to run (default: all): \(BenchCommand.suites.map { $0.name }.joined(separator: ", ")).")
    var suiteNames: [String] = []

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

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
        var results: [String: [String: BenchmarkMeasurement]] = [:]
        for suite in chosen {
            if !json { print("\(suite.name):") }
            try suite.init().run { measurement in
                results[suite.name, default: [:]][measurement.name] = measurement
                guard !json else { return }
                let value = measurement.unit == "s" ? String(format: "%.4f", measurement.value)
                                                    : String(format: "%.3e", measurement.value)
                print("  \(measurement.name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(value) \(measurement.unit)"
                      + (measurement.comparison.map { "   (\($0))" } ?? ""))
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        }
    }
}
