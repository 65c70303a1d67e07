import Gym

extension Acrobot: HumanPlayable {
    /// ← applies torque −1 (action 0), → torque +1 (action 2); real time, no torque (action 1) while no key is held.
    public func action(for key: PlayKey) -> Int? {
        switch key {
        case .left: 0
        case .right: 2
        case .up, .down, .fire: nil
        }
    }

    public var idleAction: Int? { 1 }
}
