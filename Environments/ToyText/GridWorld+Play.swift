import Gym

extension GridWorld: HumanPlayable {
    /// The arrow keys move in their direction (whatever number the action has); the gridworld waits for each key.
    public func action(for key: PlayKey) -> Int? {
        let direction: Direction? = switch key {
        case .left: .left
        case .right: .right
        case .up: .up
        case .down: .down
        case .fire: nil
        }
        return direction.flatMap { configuration.actions.firstIndex(of: $0) }
    }

    public var idleAction: Int? { nil }
}
