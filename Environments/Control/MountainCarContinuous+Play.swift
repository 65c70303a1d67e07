import Gym

/// ← pushes with force −1, → with +1; real time, coasting (0) while no key is held.
extension MountainCarContinuous: HumanPlayable {}
