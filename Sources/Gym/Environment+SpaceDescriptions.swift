/// The descriptions of an environment's observation and action spaces, for messages and listings.
public func spaceDescriptions<E: Environment>(of environment: E) -> (observation: String, action: String) {
    (environment.observationSpace.description, environment.actionSpace.description)
}
