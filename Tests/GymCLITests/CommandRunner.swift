import Foundation
import Testing

/// Runs a built executable of this package and captures what it printed.
struct CommandRunner {
    /// Exit status, standard output and standard error of one run.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Whether a signal ended the process (then `status` is the signal's number).
        var signaled = false
        /// Whether the run was killed for outlasting its time limit.
        var timedOut = false
    }

    /// The products directory of the build that holds the test bundle (`.build/<triple>/debug`).
    static let productsDirectory: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On Linux the test runner is the bundle itself, in the products directory.
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("gym").path),
              directory.pathComponents.count > 1 {
            directory.deleteLastPathComponent()
        }
        return directory
    }()

    /// The release `gym` that `.ci/run` (or the README's `swift run -c release gym …`) builds, for end-to-end
    /// checks that need release speed; `nil` when it has not been built.
    static let releaseGym: URL? = {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let binary = packageRoot.appendingPathComponent(".build/release/gym")
        return FileManager.default.isExecutableFile(atPath: binary.path) ? binary : nil
    }()

    /// Runs `executable` (a product name of this package) with `arguments`, in `directory` if given, with
    /// `environment` as its whole environment if given (else this process's).
    static func run(_ arguments: [String], executable: String = "gym", in directory: URL? = nil,
                    environment: [String: String]? = nil) throws -> Output {
        try run(arguments, binary: productsDirectory.appendingPathComponent(executable), in: directory,
                environment: environment)
    }

    /// Runs the executable at `binary` with `arguments`, in `directory` if given, with `environment` as its whole
    /// environment if given.
    static func run(_ arguments: [String], binary: URL, in directory: URL? = nil,
                    environment: [String: String]? = nil, timeLimit: Double? = nil) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        // Standard error goes to a file, so that neither stream can fill a pipe and stall the process.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("gym-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let watchdog = DispatchWorkItem { kill(process.processIdentifier, SIGKILL) }
        if let timeLimit { DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: watchdog) }
        let outputBytes = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let timedOut = timeLimit != nil && !watchdog.isCancelled && process.terminationReason == .uncaughtSignal
            && process.terminationStatus == SIGKILL
        watchdog.cancel()
        let errorBytes = try Data(contentsOf: errorFile)
        return Output(status: process.terminationStatus, stdout: String(decoding: outputBytes, as: UTF8.self),
                      stderr: String(decoding: errorBytes, as: UTF8.self),
                      signaled: process.terminationReason == .uncaughtSignal, timedOut: timedOut)
    }

    /// Parses standard output as one JSON object.
    static func json(_ output: Output) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
        return try #require(object as? [String: Any], "stdout is not a JSON object: \(output.stdout)")
    }
}
