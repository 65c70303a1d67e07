import Foundation
import SwiftGymC

/// `gym bench python`: the C ABI that the Python package calls, timed from Swift (the floor under every Python
/// figure), then `scripts/peers/python_peers.py` measures `swiftgym` from Python beside EnvPool, Gymnasium's
/// `SyncVectorEnv` and MinAtar.
///
/// Method: `swiftgym_make` by id, `swiftgym_step` into caller buffers with actions drawn beforehand (256 rows used
/// in turn), the fastest of three runs.
struct PythonBridgeSuite: BenchmarkSuite {
    static let name = "python"
    static let summary = "the C ABI's step cost from Swift, then swiftgym from Python beside EnvPool, SyncVectorEnv and MinAtar"
    static let peerScript: PeerScript? = PeerScript(name: "python_peers.py") { threads in
        ["--threads", String(threads.last ?? 2)]
    }

    func run(settings: BenchmarkSettings, report: (BenchmarkFigure) -> Void) throws {
        for threads in settings.threadCounts {
            let seconds = try secondsPerStep("CartPole-v1", copies: 64, actionCount: 2, steps: 20_000, threads: threads)
            report(BenchmarkFigure(name: "c_abi_cartpole_n64_t\(threads)_step", value: seconds * 1e6, unit: "us",
                                   comparison: "swiftgym_step on 64 CartPole-v1 copies, \(threads) thread(s): \(String(format: "%.3g", 64 / seconds)) steps/s"))
        }
        let seconds = try secondsPerStep("MinAtar/Breakout-v1", copies: 1, actionCount: 3, steps: 200_000, threads: 1)
        report(BenchmarkFigure(name: "c_abi_breakout_n1_step", value: seconds * 1e6, unit: "us",
                               comparison: "swiftgym_step on one MinAtar/Breakout-v1 (the Python Env's floor per step)"))
    }

    /// Seconds per `swiftgym_step` call on `copies` copies of `id`.
    private func secondsPerStep(_ id: String, copies: Int, actionCount: Int, steps: Int, threads: Int) throws -> Double {
        var handle: OpaquePointer?
        let status = id.withCString { swiftgym_make($0, nil, Int64(copies), 0, Int32(threads), -1, 0, &handle) }
        guard status == 0 else { throw BenchmarkFailure(String(cString: swiftgym_last_error())) }
        defer { _ = swiftgym_close(handle) }
        var json: UnsafePointer<CChar>?
        _ = swiftgym_describe(handle, &json)
        let observationBytes = try observationRowSize(json) * copies
        var generator = SystemRandomNumberGenerator()
        let actionRows = (0..<256).map { _ in (0..<copies).map { _ in Int64.random(in: 0..<Int64(actionCount), using: &generator) } }
        var observations = [UInt8](repeating: 0, count: observationBytes)
        var finals = observations
        var rewards = [Double](repeating: 0, count: copies)
        var terminated = [UInt8](repeating: 0, count: copies), truncated = terminated
        let total = try fastestSeconds {
            for step in 0..<steps {
                let code = actionRows[step & 255].withUnsafeBytes { actions in
                    swiftgym_step(handle, actions.baseAddress, Int64(actions.count), &observations, Int64(observationBytes),
                                  &rewards, &terminated, &truncated, Int64(copies), &finals, Int64(observationBytes))
                }
                guard code == 0 else { throw BenchmarkFailure(String(cString: swiftgym_last_error())) }
            }
        }
        return total / Double(steps)
    }

    /// Bytes of one copy's observation, from the description's observation space.
    private func observationRowSize(_ json: UnsafePointer<CChar>?) throws -> Int {
        guard let json, let description = try JSONSerialization.jsonObject(with: Data(String(cString: json).utf8)) as? [String: Any],
              let space = description["observation_space"] as? [String: Any], let shape = space["shape"] as? [Int],
              let itemSize = space["item_size"] as? Int else { throw BenchmarkFailure("the description has no observation space") }
        return shape.reduce(1, *) * itemSize
    }
}

/// A benchmark that could not run, with the reason.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
