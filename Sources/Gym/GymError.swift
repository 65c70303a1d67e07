/// An error with a message that says what was wrong and what is valid.
///
/// Every user-facing failure in swift-gym (unknown names, malformed files, invalid actions or options,
/// an agent that cannot run on an environment) is a `GymError`, so the CLI can print it as it is.
public struct GymError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The full, human-readable explanation.
    public let message: String

    /// Creates an error with a complete message.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    /// An action outside the environment's action space.
    public static func invalidAction(_ action: some Any, space: some Space) -> GymError {
        GymError("invalid action \(action): the action space is \(space)")
    }

    /// A name that is neither one of `valid` nor one of their `aliases`.
    ///
    /// When a valid name or an alias is within two edits of `name`, the message suggests it first.
    public static func unknownName(_ kind: String, _ name: String, valid: [String], aliases: [String] = []) -> GymError {
        let closest = (valid + aliases).map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
            .filter { $0.1 <= 2 }
            .min { $0.1 < $1.1 }
        let suggestion = closest.map { " (did you mean '\($0.0)'?)" } ?? ""
        let aliasList = aliases.isEmpty ? "" : "; aliases: \(aliases.joined(separator: ", "))"
        return GymError("unknown \(kind) '\(name)'\(suggestion); valid \(kind)s: \(valid.joined(separator: ", "))\(aliasList)")
    }

    /// The Levenshtein distance: the fewest single-character insertions, deletions and substitutions from `a`
    /// to `b`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
