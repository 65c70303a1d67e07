import Gym

/// A configuration whose fields are declared as ``Setting``s: set by name from text, validated, and described.
public protocol Configurable {
    /// Every setting, in the order they are listed.
    static var settings: [Setting<Self>] { get }
}

extension Configurable {
    /// The setting called `name` (or with `name` as an alias).
    public static func setting(named name: String) -> Setting<Self>? {
        settings.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// Every setting's current value by JSON key (settings that do not apply now, such as the unused half of an
    /// episode-or-step budget, are left out).
    public var settingValues: [String: String] {
        Dictionary(uniqueKeysWithValues: Self.settings.compactMap { setting in
            let value = setting.value(in: self)
            return value.isEmpty ? nil : (setting.key, value)
        })
    }

    /// Throws for the first setting whose value is not valid.
    public func validateSettings() throws {
        for setting in Self.settings { try setting.validate(self) }
    }
}

// MARK: - Limits shared by the tables

/// The largest training budget in steps or episodes (a trillion: far beyond any run, and no product of it with a
/// setting overflows).
let maximumBudget = 1_000_000_000_000
