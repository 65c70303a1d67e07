import Foundation
import Gym

/// One setting of a configuration, declared once: its name (the flag is `--name`, the JSON key `name` in
/// snake_case), its help text (the field's doc comment, word for word), its valid values, and the field it sets.
///
/// Command lines, validation, the printed hyperparameters, JSON reports and the README's tables all derive from
/// these declarations (``Configurable/settings``).
public struct Setting<Root>: @unchecked Sendable {
    // @unchecked: the closures capture only key paths and ranges, which are immutable values.

    /// The setting's name in kebab case, such as `batch-size`.
    public let name: String
    /// Other names accepted for it (such as `alpha` for `learning-rate`).
    public let aliases: [String]
    /// What the setting means: the doc comment of its field.
    public let help: String
    /// The values it accepts, in words (`an integer from 1 to 65536`).
    public let validValues: String
    /// Whether it is a switch that takes no value (`--double-dqn`, `--no-double-dqn`).
    public let isSwitch: Bool
    private let assign: (inout Root, String) throws -> Void
    private let read: (Root) -> String
    private let check: (Root) -> Bool

    /// The JSON key: the name in snake case.
    public var key: String { name.replacingOccurrences(of: "-", with: "_") }

    /// Sets the field from `text`, or throws an error that names the setting and its valid values.
    public func apply(_ text: String, to root: inout Root) throws {
        do {
            try assign(&root, text)
        } catch is InvalidValue {
            throw GymError("\(name) must be \(validValues), got '\(text)'")
        }
    }

    /// The field's value as text (what ``apply(_:to:)`` reads back).
    public func value(in root: Root) -> String {
        read(root)
    }

    /// Throws when the field holds a value outside the valid ones (for configurations built in code or read from a
    /// checkpoint).
    public func validate(_ root: Root) throws {
        guard check(root) else { throw GymError("\(name) must be \(validValues), got \(read(root))") }
    }

    /// A setting of any kind, from its parts.
    public init(name: String, aliases: [String] = [], help: String, validValues: String, isSwitch: Bool = false,
                assign: @escaping (inout Root, String) throws -> Void, read: @escaping (Root) -> String,
                check: @escaping (Root) -> Bool) {
        self.name = name
        self.aliases = aliases
        self.help = help
        self.validValues = validValues
        self.isSwitch = isSwitch
        self.assign = assign
        self.read = read
        self.check = check
    }
}

/// Thrown by a setting's parser for text that is not one of its valid values.
struct InvalidValue: Error {}

// MARK: - Kinds of settings

extension Setting {
    /// An integer field with the values in `range`.
    public static func integer(_ name: String, _ field: WritableKeyPath<Root, Int>, in range: ClosedRange<Int>,
                               aliases: [String] = [], help: String) -> Setting {
        Setting(name: name, aliases: aliases, help: help,
                validValues: "an integer from \(range.lowerBound) to \(range.upperBound)",
                assign: { root, text in
                    guard let value = Int(text), range.contains(value) else { throw InvalidValue() }
                    root[keyPath: field] = value
                },
                read: { String($0[keyPath: field]) },
                check: { range.contains($0[keyPath: field]) })
    }

    /// An optional integer field: a value in `range`, or `auto` for `nil` (the field's documented automatic choice).
    public static func optionalInteger(_ name: String, _ field: WritableKeyPath<Root, Int?>, in range: ClosedRange<Int>,
                                       help: String) -> Setting {
        Setting(name: name, help: help,
                validValues: "an integer from \(range.lowerBound) to \(range.upperBound), or auto",
                assign: { root, text in
                    if text == "auto" {
                        root[keyPath: field] = nil
                        return
                    }
                    guard let value = Int(text), range.contains(value) else { throw InvalidValue() }
                    root[keyPath: field] = value
                },
                read: { $0[keyPath: field].map(String.init) ?? "auto" },
                check: { $0[keyPath: field].map(range.contains) ?? true })
    }

    /// A real-number field with the finite values in `bounds`.
    public static func number(_ name: String, _ field: WritableKeyPath<Root, Double>, in bounds: Bounds,
                              aliases: [String] = [], help: String) -> Setting {
        Setting(name: name, aliases: aliases, help: help, validValues: bounds.description,
                assign: { root, text in
                    guard let value = Double(text), bounds.contains(value) else { throw InvalidValue() }
                    root[keyPath: field] = value
                },
                read: { formatSetting($0[keyPath: field]) },
                check: { bounds.contains($0[keyPath: field]) })
    }

    /// An optional real-number field: a value in `bounds`, or `none`.
    public static func optionalNumber(_ name: String, _ field: WritableKeyPath<Root, Double?>, in bounds: Bounds,
                                      help: String) -> Setting {
        Setting(name: name, help: help, validValues: "\(bounds.description), or none",
                assign: { root, text in
                    if text == "none" {
                        root[keyPath: field] = nil
                        return
                    }
                    guard let value = Double(text), bounds.contains(value) else { throw InvalidValue() }
                    root[keyPath: field] = value
                },
                read: { $0[keyPath: field].map(formatSetting) ?? "none" },
                check: { $0[keyPath: field].map(bounds.contains) ?? true })
    }

    /// A switch: `--name` turns it on, `--no-name` off (or `--name=true|false`).
    public static func toggle(_ name: String, _ field: WritableKeyPath<Root, Bool>, help: String) -> Setting {
        Setting(name: name, help: help, validValues: "true or false", isSwitch: true,
                assign: { root, text in
                    guard let value = Bool(text) else { throw InvalidValue() }
                    root[keyPath: field] = value
                },
                read: { String($0[keyPath: field]) },
                check: { _ in true })
    }

    /// A field that takes one of an enumeration's raw values.
    public static func choice<Value: RawRepresentable & CaseIterable>(
        _ name: String, _ field: WritableKeyPath<Root, Value>, help: String
    ) -> Setting where Value.RawValue == String {
        Setting(name: name, help: help, validValues: oneOf(Value.allCases.map(\.rawValue)),
                assign: { root, text in
                    guard let value = Value(rawValue: text) else { throw InvalidValue() }
                    root[keyPath: field] = value
                },
                read: { $0[keyPath: field].rawValue },
                check: { _ in true })
    }

    /// An optional field that takes one of an enumeration's raw values, or `auto` for `nil`.
    public static func optionalChoice<Value: RawRepresentable & CaseIterable>(
        _ name: String, _ field: WritableKeyPath<Root, Value?>, help: String
    ) -> Setting where Value.RawValue == String {
        Setting(name: name, help: help, validValues: oneOf(Value.allCases.map(\.rawValue) + ["auto"]),
                assign: { root, text in
                    if text == "auto" {
                        root[keyPath: field] = nil
                        return
                    }
                    guard let value = Value(rawValue: text) else { throw InvalidValue() }
                    root[keyPath: field] = value
                },
                read: { $0[keyPath: field]?.rawValue ?? "auto" },
                check: { _ in true })
    }

    /// A list of integers in `range`, comma-separated, with `count` entries.
    public static func integers(_ name: String, _ field: WritableKeyPath<Root, [Int]>, in range: ClosedRange<Int>,
                                count: ClosedRange<Int>, help: String) -> Setting {
        let valid = { (values: [Int]) in count.contains(values.count) && values.allSatisfy(range.contains) }
        return Setting(name: name, help: help,
                       validValues: "\(count.lowerBound) to \(count.upperBound) comma-separated integers from \(range.lowerBound) to \(range.upperBound)",
                       assign: { root, text in
                           let values = text.split(separator: ",", omittingEmptySubsequences: false)
                               .map { Int($0.trimmingCharacters(in: .whitespaces)) }
                           guard values.allSatisfy({ $0 != nil }), valid(values.compactMap { $0 }) else {
                               throw InvalidValue()
                           }
                           root[keyPath: field] = values.compactMap { $0 }
                       },
                       read: { $0[keyPath: field].map(String.init).joined(separator: ",") },
                       check: { valid($0[keyPath: field]) })
    }
}

/// An interval of finite real numbers, each end open or closed.
public struct Bounds: Sendable, CustomStringConvertible {
    /// The lower end.
    public var lower: Double
    /// The upper end.
    public var upper: Double
    /// Whether `lower` itself is valid.
    public var includesLower: Bool
    /// Whether `upper` itself is valid.
    public var includesUpper: Bool

    /// [lower, upper].
    public static func closed(_ lower: Double, _ upper: Double) -> Bounds {
        Bounds(lower: lower, upper: upper, includesLower: true, includesUpper: true)
    }

    /// (lower, upper].
    public static func aboveUpTo(_ lower: Double, _ upper: Double) -> Bounds {
        Bounds(lower: lower, upper: upper, includesLower: false, includesUpper: true)
    }

    /// [0, 1].
    public static let unitInterval = closed(0, 1)

    /// Whether `value` is finite and inside.
    public func contains(_ value: Double) -> Bool {
        value.isFinite && (includesLower ? value >= lower : value > lower) && (includesUpper ? value <= upper : value < upper)
    }

    public var description: String {
        "a number in \(includesLower ? "[" : "(")\(formatSetting(lower)), \(formatSetting(upper))\(includesUpper ? "]" : ")")"
    }
}

/// A number as settings show it: integers without a fraction, others in the shortest exact form.
func formatSetting(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}

/// "one of a, b or c".
private func oneOf(_ names: [String]) -> String {
    names.count == 1 ? names[0] : "one of " + names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
}
