import Gym

/// ← applies torque −1 (action 0), → torque +1 (action 2); real time, no torque (action 1) while no key is held.
extension Acrobot: LeftRightPlayable {}
