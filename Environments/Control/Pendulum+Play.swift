import Gym

/// ← applies −2 (clockwise), → +2 (counterclockwise); real time, no torque while no key is held.
extension Pendulum: HumanPlayable {}
