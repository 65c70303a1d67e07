/// Named settings for building an environment (map file, slipperiness, rewards …), as given on the command line.
///
/// Values are kept as text and parsed by the typed accessors, which throw a ``GymError`` naming the option and
/// the expected form.
public struct EnvironmentOptions: Sendable, Equatable {
    /// The raw values by option name.
    public var values: [String: String]

    /// Creates a set of options.
    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    /// The text of `name`, or `nil` when it was not given.
    public func string(_ name: String) -> String? {
        values[name]
    }

    /// `name` as a Boolean (`true/false`, `yes/no`, `1/0`, `on/off`, in any case, so Python's `True` and `False`
    /// too), or `defaultValue` when absent.
    public func bool(_ name: String, default defaultValue: Bool) throws -> Bool {
        guard let text = values[name] else { return defaultValue }
        guard let value = Self.boolean(text) else {
            throw GymError("option '\(name)' must be true or false, got '\(text)'")
        }
        return value
    }

    /// The Boolean that `text` spells, or `nil` when it spells none.
    static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "1", "on": true
        case "false", "no", "0", "off": false
        default: nil
        }
    }

    /// `name` as a finite number, or `defaultValue` when absent.
    public func double(_ name: String, default defaultValue: Double) throws -> Double {
        guard let text = values[name] else { return defaultValue }
        guard let value = Double(text), value.isFinite else {
            throw GymError("option '\(name)' must be a finite number, got '\(text)'")
        }
        return value
    }

    /// `name` as an integer, or `defaultValue` when absent.
    public func int(_ name: String, default defaultValue: Int) throws -> Int {
        guard let text = values[name] else { return defaultValue }
        guard let value = Int(text) else {
            throw GymError("option '\(name)' must be a whole number, got '\(text)'")
        }
        return value
    }
}

/// A documented option an environment accepts.
public struct EnvironmentOption: Sendable, Equatable {
    /// The option's name, as in `--env-option name=value`.
    public var name: String
    /// What it does.
    public var summary: String
    /// The value used when the option is not given, as text.
    public var defaultValue: String

    /// Creates an option description.
    public init(_ name: String, default defaultValue: String, _ summary: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
    }
}
