import Foundation
import Testing

/// The README shows example files word for word: every fenced block after a `<!-- file: PATH -->` line must equal the
/// file at PATH, so the README cannot drift from programs that CI builds.
@Suite struct ReadmeFileTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let files = [
        "Examples/CustomEnvironment/WindyHallway.swift", "Examples/CustomEnvironment/main.swift",
        "Examples/TrainingProgram/main.swift", "Examples/UserCommandLine/Sources/MyGym/main.swift",
    ]

    @Test(arguments: files)
    func theReadmeShowsTheFileAsItIs(path: String) throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let file = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        let block = try #require(Self.fencedBlock(after: "<!-- file: \(path) -->", in: readme),
                                 "README.md has no `<!-- file: \(path) -->` line before a fenced block")
        #expect(block == file, "README.md's copy of \(path) differs from the file")
    }

    @Test func everyMarkedBlockIsChecked() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let marked = readme.split(separator: "\n").filter { $0.hasPrefix("<!-- file: ") }
            .map { String($0.dropFirst("<!-- file: ".count).dropLast(" -->".count)) }
        #expect(marked.sorted() == Self.files.sorted())
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
