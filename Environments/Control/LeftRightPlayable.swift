import Gym

/// A task played in real time whose actions 0, 1 and 2 push left, not at all and right: Acrobot's torques and
/// MountainCar's engine.
///
/// ← pushes left (action 0), → pushes right (action 2), and with no key held the task coasts (action 1), as
/// Gymnasium's keys for MountainCar have it.
public protocol LeftRightPlayable: HumanPlayable where Action == Int {}

extension LeftRightPlayable {
    public func action(for key: PlayKey) -> Int? {
        switch key {
        case .left: 0
        case .right: 2
        case .up, .down, .fire: nil
        }
    }

    public var idleAction: Int? { 1 }
}
