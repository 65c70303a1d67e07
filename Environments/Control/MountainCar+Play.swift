import Gym

/// ← accelerates to the left (action 0), → to the right (action 2); real time, coasting (action 1) while no key is
/// held.
extension MountainCar: LeftRightPlayable {}
