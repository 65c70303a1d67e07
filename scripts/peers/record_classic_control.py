"""Records Gymnasium's classic-control trajectories that swift-gym's tests replay number for number.

Requires: pip install gymnasium numpy
Usage: python scripts/peers/record_classic_control.py > Tests/EnvironmentsTests/Fixtures/classic-control-trajectories.json

Each trajectory starts from a state set by hand after `reset` (`env.unwrapped.state = ...`), so no random generator is
involved, then applies a fixed policy through `gym.make(id, **options)` (with Gymnasium's time limit) until the episode
ends or `steps` run out. For every step it writes the action, the unwrapped state after it, the float32 observation,
the reward, `terminated` and `truncated`. Floats are written with Python's shortest round-trip form, float32 values as
their exact float64 value, so the file holds Gymnasium's numbers bit for bit.

Continuous actions are float32 arrays, as swift-gym's `[Float]` actions are; MountainCarContinuous's state is set as a
float32 array, the type Gymnasium keeps it in after its first step.
"""
import json
import sys

import gymnasium as gym
import numpy as np


def sign_policy(velocity_index, positive, negative):
    """Pushes in the direction of the velocity: `positive` while it is >= 0, else `negative`."""
    return lambda step, state: positive if state[velocity_index] >= 0 else negative


def cycling(velocity_index, positives, negatives):
    """Like `sign_policy`, cycling through lists of continuous actions (float32) to vary their size."""
    def policy(step, state):
        values = positives if state[velocity_index] >= 0 else negatives
        return np.array([values[step % len(values)]], dtype=np.float32)
    return policy


def fixed(actions):
    """Plays `actions` in order."""
    return lambda step, state: actions[step]


def continuous(values):
    """Plays the continuous actions `values` in order, each as a one-component float32 array."""
    return lambda step, state: np.array([values[step]], dtype=np.float32)


def random_actions(count, steps, seed):
    return [int(action) for action in np.random.default_rng(seed).integers(0, count, size=steps)]


TRAJECTORIES = [
    dict(id="Acrobot-v1", name="pumping to the goal", state=[0.05, -0.03, 0.02, 0.01], steps=500,
         policy=lambda step, state: 2 if state[2] + 0.5 * state[3] > 0 else 0),
    dict(id="Acrobot-v1", name="fast start: angles wrap, velocities hit their bounds",
         state=[-0.3, -3.0, 12.56, 28.2], steps=60, policy=fixed(random_actions(3, 60, seed=3))),
    dict(id="MountainCar-v0", name="pumping to the goal", state=[-0.5, 0.0], steps=200,
         policy=sign_policy(1, 2, 0)),
    dict(id="MountainCar-v0", name="into the left wall", state=[-1.15, -0.06], steps=25,
         policy=fixed([0, 0, 1, 0, 2, 1] * 4 + [2])),
    dict(id="MountainCar-v0", name="goal velocity 0.03", options=dict(goal_velocity=0.03), state=[0.3, 0.02],
         steps=40, policy=sign_policy(1, 2, 0)),
    dict(id="MountainCarContinuous-v0", name="pumping to the goal with clipped and in-range pushes",
         state=[-0.5, 0.0], float32_state=True, steps=999,
         policy=cycling(1, [1.0, 0.8, 1.7, 0.95], [-1.0, -0.6, -2.5, -0.9])),
    dict(id="MountainCarContinuous-v0", name="speed limits and the left wall", state=[-0.2, -0.069],
         float32_state=True, steps=40, policy=continuous([-1.0] * 6 + [-0.25, 0.0, 0.4, -3.0] * 8 + [1.0, 0.5])),
    dict(id="MountainCarContinuous-v0", name="speed limit to the right", state=[-0.9, 0.0695],
         float32_state=True, steps=30, policy=continuous([1.0, 1.25, 0.999] * 10)),
    dict(id="Pendulum-v1", name="spinning up: torque clipping, speed limit, angle normalization",
         state=[5.0, -0.5], steps=200, policy=cycling(1, [2.0, 1.3, 2.6, 0.7], [-2.0, -1.1, -3.5, -0.45])),
    dict(id="Pendulum-v1", name="g = 9.81", options=dict(g=9.81), state=[-3.5, 7.9], steps=30,
         policy=continuous([0.0, 0.5, -1.25, 2.0, -2.0, 1.999] * 5)),
]


def record(spec):
    options = spec.get("options", {})
    env = gym.make(spec["id"], **options)
    env.reset(seed=0)
    dtype = np.float32 if spec.get("float32_state") else np.float64
    env.unwrapped.state = np.array(spec["state"], dtype=dtype)
    start = [float(value) for value in env.unwrapped.state]
    steps = []
    for index in range(spec["steps"]):
        action = spec["policy"](index, env.unwrapped.state)
        observation, reward, terminated, truncated, _ = env.step(action)
        steps.append(dict(
            action=[float(value) for value in np.atleast_1d(action)],
            state=[float(value) for value in env.unwrapped.state],
            observation=[float(value) for value in observation],
            reward=float(reward), terminated=bool(terminated), truncated=bool(truncated)))
        if terminated or truncated:
            break
    return dict(id=spec["id"], name=spec["name"], options={key: str(value) for key, value in options.items()},
                state=start, steps=steps)


def main():
    trajectories = [record(spec) for spec in TRAJECTORIES]
    # One step per line keeps the file readable and its diffs small.
    lines = ['{"gymnasium": %s, "numpy": %s, "trajectories": [' % (json.dumps(gym.__version__), json.dumps(np.__version__))]
    for number, trajectory in enumerate(trajectories):
        head = {key: trajectory[key] for key in ("id", "name", "options", "state")}
        lines.append("  " + json.dumps(head)[:-1] + ', "steps": [')
        steps = [json.dumps(step) for step in trajectory["steps"]]
        lines.append(",\n".join("    " + step for step in steps))
        lines.append("  ]}" + ("," if number + 1 < len(trajectories) else ""))
    lines.append("]}")
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
