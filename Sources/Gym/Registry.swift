/// Environments by name, Gymnasium's `gym.make` in Swift.
///
/// `Registry.standard` (from the `Environments` module) holds the built-in environments and Gymnasium's and MinAtar's
/// ids for them; add your own environments and aliases with `register(_:)`.
/// Every look-up by name goes through ``spec(named:)``, so an alias works wherever a name does.
public struct Registry: Sendable {
    private var specsByName: [String: EnvironmentSpec] = [:]
    private var aliasesByName: [String: EnvironmentAlias] = [:]

    /// Creates an empty registry.
    public init() {}

    /// Adds `spec`; throws when its name is already taken.
    public mutating func register(_ spec: EnvironmentSpec) throws {
        try checkFree(spec.name)
        specsByName[spec.name] = spec
    }

    /// Adds `alias`; throws when its name is taken, its target is not a registered environment, or it fixes or
    /// translates into an option the target does not take.
    public mutating func register(_ alias: EnvironmentAlias) throws {
        try checkFree(alias.name)
        guard let target = specsByName[alias.target] else {
            throw GymError.unknownName("environment", alias.target, valid: names)
        }
        if let problem = alias.problem(with: target) {
            throw GymError("the alias '\(alias.name)' cannot stand for '\(target.name)': \(problem)")
        }
        aliasesByName[alias.name] = alias
    }

    private func checkFree(_ name: String) throws {
        guard specsByName[name] == nil, aliasesByName[name] == nil else {
            throw GymError("an environment named '\(name)' is already registered")
        }
    }

    /// The registered names (not the aliases), sorted.
    public var names: [String] {
        specsByName.keys.sorted()
    }

    /// The registered specifications (not the aliases'), sorted by family and name.
    public var specs: [EnvironmentSpec] {
        specsByName.values.sorted { ($0.family, $0.name) < ($1.family, $1.name) }
    }

    /// The aliases, sorted by name.
    public var aliases: [EnvironmentAlias] {
        aliasesByName.values.sorted { $0.name < $1.name }
    }

    /// The aliases that stand for the registered environment `name`, sorted by name.
    public func aliases(of name: String) -> [EnvironmentAlias] {
        aliases.filter { $0.target == name }
    }

    /// The specification of `name`, a registered name or an alias; the error lists both kinds of names.
    public func spec(named name: String) throws -> EnvironmentSpec {
        if let spec = specsByName[name] { return spec }
        guard let alias = aliasesByName[name], let target = specsByName[alias.target] else {
            throw GymError.unknownName("environment", name, valid: names, aliases: aliases.map(\.name))
        }
        return alias.spec(from: target)
    }

    /// Builds `name` (a registered name or an alias) with `options`, wrapped in a ``TimeLimit`` when the spec (or
    /// `maxEpisodeSteps`) sets one, unless `applyingTimeLimit` is `false` (a caller that applies its own, such as
    /// Gymnasium's `make`).
    ///
    /// Unknown option names are rejected with the list of valid ones.
    public func make(_ name: String, options: EnvironmentOptions = EnvironmentOptions(),
                     maxEpisodeSteps: Int? = nil, applyingTimeLimit: Bool = true) throws -> any Environment {
        let spec = try spec(named: name)
        let validNames = spec.options.map(\.name)
        for key in options.values.keys.sorted() where !validNames.contains(key) {
            let valid = validNames.isEmpty ? "it takes no options" : "valid options: \(validNames.joined(separator: ", "))"
            throw GymError("environment '\(name)' has no option '\(key)'; \(valid)")
        }
        let environment = try spec.make(options)
        guard applyingTimeLimit, let limit = maxEpisodeSteps ?? spec.maxEpisodeSteps else { return environment }
        guard limit > 0 else { throw GymError("the time limit must be a positive number of steps, got \(limit)") }
        return Self.limited(environment, to: limit)
    }

    private static func limited<E: Environment>(_ environment: E, to steps: Int) -> any Environment {
        TimeLimit(environment, maxEpisodeSteps: steps)
    }
}
