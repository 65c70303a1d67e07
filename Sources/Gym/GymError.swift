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

    /// A name that is not one of `valid`.
    public static func unknownName(_ kind: String, _ name: String, valid: [String]) -> GymError {
        GymError("unknown \(kind) '\(name)'; valid \(kind)s: \(valid.joined(separator: ", "))")
    }
}
