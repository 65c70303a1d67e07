import Gym

extension ArcadeGame {
    /// The arrow keys move, Space fires, each when the game's action set has that action; real time, no-op when idle.
    public func action(for key: PlayKey) -> Int? {
        let wanted: ArcadeAction = switch key {
        case .left: .left
        case .right: .right
        case .up: .up
        case .down: .down
        case .fire: .fire
        }
        return machine.actions.firstIndex(of: wanted)
    }

    /// The no-op: the game runs on while no key is held.
    public var idleAction: Int? { machine.actions.firstIndex(of: .noop) ?? 0 }
}

extension Breakout: HumanPlayable {}
extension SpaceInvaders: HumanPlayable {}
extension Freeway: HumanPlayable {}
extension Asterix: HumanPlayable {}
extension Seaquest: HumanPlayable {}
