import Gym

extension CartPole: HumanPlayable {
    /// ← pushes left (action 0), → pushes right (action 1); each press advances the simulation by one 20 ms step.
    public func action(for key: PlayKey) -> Int? {
        switch key {
        case .left: 0
        case .right: 1
        case .up, .down, .fire: nil
        }
    }

    public var idleAction: Int? { nil }
}
