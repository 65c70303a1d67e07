import Foundation
import Testing

/// Runs the Python package's own test suite (python/tests, with pytest) against the release library that `.ci/run`
/// builds; skipped, with what is missing, where the library or the Python packages are not there.
@Suite struct PythonPackageTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let library = packageRoot.appendingPathComponent(".build/release/libSwiftGymC.so")

    /// What is missing for the suite, or `nil` when it can run.
    static let missing: String? = {
        guard FileManager.default.fileExists(atPath: library.path) else {
            return "the release C library is not built (swift build -c release --product SwiftGymC)"
        }
        let probe = run(["python3", "-c", "import gymnasium, numpy, pytest"])
        return probe.status == 0 ? nil : "python3 lacks gymnasium, numpy or pytest (pip install gymnasium numpy pytest)"
    }()

    static func run(_ arguments: [String], environment: [String: String] = [:]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("pytest-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        guard let handle = try? FileHandle(forWritingTo: output) else { return (-1, "cannot write \(output.path)") }
        process.standardOutput = handle
        process.standardError = handle
        do { try process.run() } catch { return (-1, "\(error)") }
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }

    @Test(.enabled(if: missing == nil, "\(missing ?? "")"))
    func pythonSuitePasses() throws {
        let result = Self.run(["python3", "-m", "pytest", "python/tests", "-q", "-p", "no:cacheprovider"],
                              environment: ["SWIFTGYM_LIBRARY": Self.library.path, "PYTHONPATH": "python"])
        let summary = result.output.split(separator: "\n").last.map(String.init) ?? ""
        #expect(result.status == 0, "pytest failed:\n\(result.output.suffix(6000))")
        #expect(summary.contains(" passed") && !summary.contains("failed"), "pytest said: \(summary)")
    }
}
