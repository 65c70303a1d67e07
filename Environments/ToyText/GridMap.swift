import Foundation
import Gym

/// A rectangular gridworld map parsed from text, one character per cell.
///
/// Legend:
/// - `S` start (exactly one)
/// - `G` goal: entering it ends the episode with the goal reward (at least one)
/// - `H` hole or pit: entering it ends the episode with the hole reward
/// - `#` wall: moves into it (or off the grid) leave the agent in place
/// - `C` cliff: entering it costs the cliff reward and sends the agent back to the start, without ending the episode
/// - `.` or `F` floor (frozen ice, in FrozenLake's terms)
///
/// Spaces between cells are ignored, blank lines and lines starting with `;` (comments) are skipped.
public struct GridMap: Equatable, Sendable, CustomStringConvertible {
    /// What occupies a cell.
    public enum Cell: Character, Sendable, CaseIterable {
        case start = "S"
        case goal = "G"
        case hole = "H"
        case wall = "#"
        case cliff = "C"
        case floor = "."

        /// Whether entering the cell ends the episode.
        public var isTerminal: Bool { self == .goal || self == .hole }
    }

    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The cells in row-major order; the state of cell (row, column) is `row * columns + column`.
    public let cells: [Cell]
    /// The state of the `S` cell.
    public let start: Int

    /// The legend, for error messages and documentation.
    public static let legend = "S start, G goal, H hole, # wall, C cliff, . or F floor"

    /// The most cells a map may have (each is a state of the gridworld).
    public static let maximumCells = 1_000_000

    /// Parses a map; the error names the line and column of the first problem.
    public init(parsing text: String) throws {
        guard text.utf8.count <= 8 * Self.maximumCells else {
            throw GymError("the map has \(text.utf8.count) bytes; a map of at most \(Self.maximumCells) cells needs far fewer")
        }
        var parsedRows: [(line: Int, cells: [Cell])] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix(";") { continue }
            var row: [Cell] = []
            var column = 0
            for character in line {
                column += 1
                if character == " " || character == "\t" { continue }
                let cell: Cell? = character == "F" ? .floor : Cell(rawValue: character)
                guard let cell else {
                    throw GymError("map line \(lineNumber), column \(column): unknown cell '\(character)'; legend: \(Self.legend)")
                }
                row.append(cell)
            }
            if let first = parsedRows.first, first.cells.count != row.count {
                throw GymError("map line \(lineNumber) has \(row.count) cells but line \(first.line) has \(first.cells.count); every row needs the same width")
            }
            parsedRows.append((lineNumber, row))
        }
        guard !parsedRows.isEmpty else {
            throw GymError("the map is empty; write one row of cells per line (legend: \(Self.legend))")
        }
        try self.init(rows: parsedRows.map(\.cells))
    }

    /// Builds a map from rows of cells; it needs exactly one start and at least one goal.
    public init(rows: [[Cell]]) throws {
        guard let width = rows.first?.count, width > 0, rows.allSatisfy({ $0.count == width }) else {
            throw GymError("a map needs at least one cell and rows of equal width")
        }
        guard rows.count * width <= Self.maximumCells else {
            throw GymError("the map has \(rows.count * width) cells; at most \(Self.maximumCells)")
        }
        let cells = rows.flatMap { $0 }
        let starts = cells.indices.filter { cells[$0] == .start }
        guard starts.count == 1 else {
            throw GymError("a map needs exactly one start cell 'S', found \(starts.count)")
        }
        guard cells.contains(.goal) else {
            throw GymError("a map needs at least one goal cell 'G'")
        }
        self.rows = rows.count
        self.columns = width
        self.cells = cells
        self.start = starts[0]
    }

    /// Reads and parses a map file; errors name the file.
    public init(contentsOfFile path: String) throws {
        let text = try InputFile.text(path, role: "map file")
        do {
            try self.init(parsing: text)
        } catch let error as GymError {
            throw GymError("\(path): \(error.message)")
        }
    }

    /// The cell of `state`.
    public subscript(state: Int) -> Cell { cells[state] }

    /// The map as text, one row per line.
    public var description: String {
        (0..<rows).map { row in
            String(cells[(row * columns)..<((row + 1) * columns)].map(\.rawValue))
        }.joined(separator: "\n")
    }
}
