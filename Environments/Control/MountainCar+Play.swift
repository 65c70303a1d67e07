import Gym

extension MountainCar: HumanPlayable {
    /// ← accelerates to the left (action 0), → to the right (action 2); real time, coasting (action 1) while no key
    /// is held, as Gymnasium's keys for `gymnasium.utils.play` have it.
    public func action(for key: PlayKey) -> Int? {
        switch key {
        case .left: 0
        case .right: 2
        case .up, .down, .fire: nil
        }
    }

    public var idleAction: Int? { 1 }
}
