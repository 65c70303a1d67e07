import NeuralNetwork
import Foundation

/// The process's resident memory, read from `/proc/self/status` on Linux (0 elsewhere).
public enum ResidentMemory {
    /// Current resident set size in MB.
    public static func current() -> Double { field("VmRSS:") }

    private static func field(_ name: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1024
    }
}
