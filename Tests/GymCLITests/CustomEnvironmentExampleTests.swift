@testable import CustomEnvironmentExample
import Foundation
import Gym
import Testing

/// The custom-environment example: its environment keeps the contract at every length it accepts, and the README
/// shows its files as they are.
@Suite struct CustomEnvironmentExampleTests {
    @Test func aHallwayTooShortForItsStartIsRejected() {
        #expect(throws: GymError("a hallway needs at least 4 cells (the treasure lies beyond the start, cell 2), got 3")) {
            try WindyHallway(length: 3)
        }
    }

    @Test(arguments: 4...7)
    func everyAcceptedLengthPassesTheChecker(length: Int) throws {
        let hallway = try WindyHallway(length: length, windProbability: 0.3)
        let failures = EnvironmentChecker.check(hallway, seed: 2, steps: 500).filter { !$0.passed }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test(arguments: ["Examples/CustomEnvironment/WindyHallway.swift", "Examples/CustomEnvironment/main.swift"])
    func theReadmeShowsTheExampleFileAsItIs(path: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let file = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        let block = try #require(Self.fencedBlock(after: "<!-- file: \(path) -->", in: readme),
                                 "README.md has no `<!-- file: \(path) -->` line before a fenced block")
        #expect(block == file, "README.md's copy of \(path) differs from the file")
    }

    /// The text of the fenced code block on the lines right after `marker`, with its final newline.
    static func fencedBlock(after marker: String, in text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let markerLine = lines.firstIndex(where: { $0 == marker }), markerLine + 1 < lines.count,
              lines[markerLine + 1].hasPrefix("```"),
              let end = lines[(markerLine + 2)...].firstIndex(where: { $0 == "```" }) else { return nil }
        return lines[(markerLine + 2)..<end].map { $0 + "\n" }.joined()
    }
}
