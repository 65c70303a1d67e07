"""Records what Gymnasium's NormalizeObservation and NormalizeReward make of a fixed stream of observations and
rewards, for Tests/GymTests/NormalizationTests.swift.

A replay environment plays a seeded stream (float32 4-vectors, rewards, a termination every 7 steps, a reset after
it); the wrappers' outputs are written as JSON with the stream. Run with gymnasium installed:
    python3 scripts/peers/record_normalization.py > Tests/GymTests/Fixtures/normalization.json
"""
import json

import gymnasium
import numpy as np
from gymnasium.wrappers import NormalizeObservation, NormalizeReward

STEPS = 60
stream = np.random.default_rng(0)
observations = (stream.normal(size=(STEPS + 1, 4)) * [1.0, 10.0, 0.1, 100.0] + [0.0, 5.0, -1.0, 50.0]).astype(np.float32)
rewards = (stream.normal(size=STEPS) * 3.0 + 1.0).tolist()
terminated = [(step + 1) % 7 == 0 for step in range(STEPS)]


class Replay(gymnasium.Env):
    """Plays the stream: reset gives the next observation, each step the next observation and reward."""

    observation_space = gymnasium.spaces.Box(-np.inf, np.inf, shape=(4,), dtype=np.float32)
    action_space = gymnasium.spaces.Discrete(2)

    def __init__(self):
        self.position = 0

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        observation = observations[self.position]
        return observation, {}

    def step(self, action):
        step = self.position
        self.position += 1
        return observations[self.position], rewards[step], terminated[step], False, {}


def run(wrapper):
    env = wrapper(Replay())
    outputs = []
    observation, _ = env.reset()
    first = observation
    for step in range(STEPS):
        observation, reward, ended, _, _ = env.step(0)
        outputs.append((observation, reward))
        if ended and step + 1 < STEPS:
            # The replay's reset returns the observation the step just gave, so the stream has no gaps.
            env.reset()
    return first, outputs


first, normalized = run(NormalizeObservation)
_, scaled = run(NormalizeReward)
print(json.dumps({
    "observations": [[float(value) for value in row] for row in observations],
    "rewards": rewards,
    "terminated": terminated,
    "normalized_first": [float(value) for value in first],
    "normalized_observations": [[float(value) for value in observation] for observation, _ in normalized],
    "scaled_rewards": [float(reward) for _, reward in scaled],
}))
