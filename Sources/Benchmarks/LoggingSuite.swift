import Foundation
import Training

/// `gym bench logging`: what a TensorBoard scalar costs (protobuf, TFRecord framing with CRC-32C, buffered writes),
/// per value written to a temporary file.
struct LoggingSuite: BenchmarkSuite {
    static let name = "logging"
    static let summary = "TensorBoard scalar cost per value"

    /// Values written per measurement.
    let count = 200_000

    func run(settings: BenchmarkSettings, report: (BenchmarkFigure) -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gym-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let scalarSeconds = try fastestSeconds {
            let writer = try TensorBoardWriter(directory: directory.path)
            for step in 0..<count { writer.scalar("charts/episodic_return", Double(step), step: step) }
            try writer.flush()
        }
        report(BenchmarkFigure(name: "tensorboard_scalar", value: scalarSeconds / Double(count) * 1e9, unit: "ns",
                               comparison: "one scalar event, written through to the file"))
    }
}
