/// Another library's name for a registered environment: Gymnasium's `FrozenLake-v1` for `frozenlake`, MinAtar's
/// `MinAtar/Breakout-v1` for `breakout` with the minimal action set.
///
/// An alias is data, resolved by ``Registry/spec(named:)``: the environment it builds (`target`), options it fixes,
/// the other library's option names with their translation into ours, and the other library's time limit and
/// reward threshold, which the alias's spec carries whatever the target's are. The caller's options override the
/// fixed ones, as keyword arguments to Gymnasium's `make` override the registered ones.
public struct EnvironmentAlias: Sendable, Equatable {
    /// The other library's id, e.g. `FrozenLake-v1`.
    public var name: String
    /// The name of the registered environment it builds, e.g. `frozenlake`.
    public var target: String
    /// Options the id implies, in the target's option names (MinAtar's `-v1` ids imply `action_set=minimal`).
    public var fixedOptions: [String: String]
    /// The other library's option names the alias also accepts.
    public var optionNames: [OptionName]
    /// The other library's time limit for this id (`nil`: none).
    public var maxEpisodeSteps: Int?
    /// The other library's reward threshold for this id (`nil`: none).
    public var rewardThreshold: Double?

    /// Creates an alias `name` for the registered environment `target`.
    ///
    /// The time limit and the threshold have no defaults: an alias states the other library's values.
    public init(_ name: String, for target: String, fixedOptions: [String: String] = [:],
                optionNames: [OptionName] = [], maxEpisodeSteps: Int?, rewardThreshold: Double?) {
        self.name = name
        self.target = target
        self.fixedOptions = fixedOptions
        self.optionNames = optionNames
        self.maxEpisodeSteps = maxEpisodeSteps
        self.rewardThreshold = rewardThreshold
    }

    /// Another library's name for one of our options (`is_slippery` for `slippery`), with its values' translation.
    public struct OptionName: Sendable, Equatable {
        /// The other library's option name.
        public var name: String
        /// Our option name.
        public var target: String
        /// The other library's values and ours, where they differ (`true` → `minimal`); empty when values pass
        /// through as they are. A Boolean key also matches every spelling ``EnvironmentOptions/bool(_:default:)``
        /// accepts (`False`, `0`, `no` …).
        public var values: [String: String]

        /// Creates a translation of the option `name` into our `target`.
        public init(_ name: String, for target: String, values: [String: String] = [:]) {
            self.name = name
            self.target = target
            self.values = values
        }

        /// Our value for their `value`.
        func translate(_ value: String) throws -> String {
            guard !values.isEmpty else { return value }
            if let translated = values[value] ?? EnvironmentOptions.boolean(value).flatMap({ values[String($0)] }) {
                return translated
            }
            throw GymError("option '\(name)' must be one of \(values.keys.sorted().joined(separator: ", ")), got '\(value)'")
        }

        /// Their value for our `value`, or `value` itself when it has no translation.
        func untranslate(_ value: String) -> String {
            values.first { $0.value == value }?.key ?? value
        }
    }

    /// `options` in the target's option names: the other library's names and values translated, the fixed options
    /// added where the caller gave none.
    ///
    /// Throws when one setting is given under both names.
    public func translate(_ options: EnvironmentOptions) throws -> EnvironmentOptions {
        var values = options.values
        for optionName in optionNames {
            guard let value = values.removeValue(forKey: optionName.name) else { continue }
            guard values[optionName.target] == nil else {
                throw GymError("options '\(optionName.name)' and '\(optionName.target)' set the same thing; give one of them")
            }
            values[optionName.target] = try optionName.translate(value)
        }
        return EnvironmentOptions(values.merging(fixedOptions) { given, _ in given })
    }

    /// The specification this alias names, derived from its target's `spec`: named after the alias, with the
    /// other library's limit and threshold, the fixed options as defaults, and both kinds of option names.
    func spec(from target: EnvironmentSpec) -> EnvironmentSpec {
        var options = target.options.map { option in
            var option = option
            option.defaultValue = fixedOptions[option.name] ?? option.defaultValue
            return option
        }
        for optionName in optionNames {
            guard let ours = options.first(where: { $0.name == optionName.target }) else { continue }
            options.append(EnvironmentOption(optionName.name, default: optionName.untranslate(ours.defaultValue),
                                             "another name for '\(ours.name)': \(ours.summary)"))
        }
        var spec = EnvironmentSpec(name: name, summary: target.summary, family: target.family,
                                   rewardThreshold: rewardThreshold, maxEpisodeSteps: maxEpisodeSteps, options: options,
                                   renderFPS: target.renderFPS) { [self] options in
            try target.make(translate(options))
        }
        spec.canonicalName = target.name
        return spec
    }

    /// Why this alias cannot stand for `target`, or `nil` when it can: every option it fixes or translates into
    /// must be one of the target's, and none of its own option names may hide one of the target's.
    func problem(with target: EnvironmentSpec) -> String? {
        let targetOptions = Set(target.options.map(\.name))
        let unknown = Set(fixedOptions.keys).union(optionNames.map(\.target)).subtracting(targetOptions)
        if !unknown.isEmpty {
            return "'\(target.name)' has no option \(unknown.sorted().map { "'\($0)'" }.joined(separator: ", "))"
        }
        if let hidden = optionNames.first(where: { targetOptions.contains($0.name) }) {
            return "'\(hidden.name)' is already an option of '\(target.name)'"
        }
        return nil
    }
}
