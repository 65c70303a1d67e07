/// Environments by name, Gymnasium's `gym.make` in Swift.
///
/// `Registry.standard` (from the `Environments` module) holds the built-in environments; add your own with
/// ``register(_:)``.
public struct Registry: Sendable {
    private var specsByName: [String: EnvironmentSpec] = [:]

    /// Creates an empty registry.
    public init() {}

    /// Adds `spec`; throws when its name is already taken.
    public mutating func register(_ spec: EnvironmentSpec) throws {
        guard specsByName[spec.name] == nil else {
            throw GymError("an environment named '\(spec.name)' is already registered")
        }
        specsByName[spec.name] = spec
    }

    /// The registered names, sorted.
    public var names: [String] {
        specsByName.keys.sorted()
    }

    /// The registered specifications, sorted by family and name.
    public var specs: [EnvironmentSpec] {
        specsByName.values.sorted { ($0.family, $0.name) < ($1.family, $1.name) }
    }

    /// The specification of `name`; the error lists the valid names.
    public func spec(named name: String) throws -> EnvironmentSpec {
        guard let spec = specsByName[name] else {
            throw GymError.unknownName("environment", name, valid: names)
        }
        return spec
    }

    /// Builds `name` with `options`, wrapped in a ``TimeLimit`` when the spec (or `maxEpisodeSteps`) sets one.
    ///
    /// Unknown option names are rejected with the list of valid ones.
    public func make(_ name: String, options: EnvironmentOptions = EnvironmentOptions(),
                     maxEpisodeSteps: Int? = nil) throws -> any Environment {
        let spec = try spec(named: name)
        let validNames = spec.options.map(\.name)
        for key in options.values.keys.sorted() where !validNames.contains(key) {
            let valid = validNames.isEmpty ? "it takes no options" : "valid options: \(validNames.joined(separator: ", "))"
            throw GymError("environment '\(name)' has no option '\(key)'; \(valid)")
        }
        let environment = try spec.make(options)
        guard let limit = maxEpisodeSteps ?? spec.maxEpisodeSteps else { return environment }
        guard limit > 0 else { throw GymError("the time limit must be a positive number of steps, got \(limit)") }
        return Self.limited(environment, to: limit)
    }

    private static func limited<E: Environment>(_ environment: E, to steps: Int) -> any Environment {
        TimeLimit(environment, maxEpisodeSteps: steps)
    }
}
