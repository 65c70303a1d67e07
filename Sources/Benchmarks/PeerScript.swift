import Foundation

/// A Python script in `scripts/peers/` that measures a suite's peers (Gymnasium, NumPy, PyTorch, MinAtar, EnvPool,
/// Stable-Baselines3) on this machine, run right after the suite so both sides are measured in the same run.
///
/// Its output is shown as the script prints it. Where Python or a peer package is missing, the run says which one
/// ("peer not installed: torch") instead of showing any figure.
public struct PeerScript: Sendable {
    /// The script's file name in `scripts/peers/`.
    public let name: String
    /// Arguments, given the thread counts of the run.
    let arguments: @Sendable ([Int]) -> [String]

    /// The directory of the scripts: `scripts/peers/` of this package's sources, else of the working directory.
    static let directory: URL = {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/peers")
        return FileManager.default.fileExists(atPath: sources.path)
            ? sources : URL(fileURLWithPath: "scripts/peers", isDirectory: true)
    }()

    /// Runs the script with `python3` and returns what it printed, or the reason there are no peer figures.
    public func run(threadCounts: [Int]) -> String {
        let script = Self.directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: script.path) else {
            return "peer not measured: \(script.path) is missing (run gym bench from the package directory)"
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + arguments(threadCounts)
        // NumPy is compared with OpenBLAS choosing its own kernels (these variables slow it on some processors).
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_CORETYPE"] = nil
        environment["OPENBLAS_L2_SIZE"] = nil
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        guard (try? process.run()) != nil else { return "peer not installed: python3" }
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let failure = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if let missing = failure.range(of: "No module named '") {
            return "peer not installed: " + failure[missing.upperBound...].prefix { $0 != "'" }
        }
        guard process.terminationStatus == 0 else {
            return "peer failed (exit \(process.terminationStatus)): \(failure.split(separator: "\n").last ?? "")"
        }
        return printed.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
