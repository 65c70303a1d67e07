"""Peer figures for `gym bench arcade`, measured on the same machine.

Requires: pip install minatar numpy
Runs MinAtar's five games as a black box with the same method as the Swift suite: uniformly random actions from
the full 6-action set, sticky actions 0.1, difficulty ramping on, the observation (`env.state()`, a 10x10xC bool
array) produced after every step, reset when an episode ends. Prints one JSON object with steps/s per game (best
of three runs) and, to compare behaviour, the random policy's mean return and episode length over 2,000 episodes, with
their standard errors.
"""
import json
import time

import numpy as np
from minatar import Environment

GAMES = ["breakout", "space_invaders", "freeway", "asterix", "seaquest"]


def best_of(repetitions, body):
    best = float("inf")
    for _ in range(repetitions):
        start = time.perf_counter()
        body()
        best = min(best, time.perf_counter() - start)
    return best


def steps_per_second(game, steps):
    env = Environment(game, sticky_action_prob=0.1, difficulty_ramping=True)
    actions = np.random.default_rng(42).integers(0, 6, size=steps).tolist()

    def run():
        env.seed(42)
        env.reset()
        for action in actions:
            _, terminal = env.act(action)
            env.state()
            if terminal:
                env.reset()

    return steps / best_of(3, run)


def random_policy_statistics(game, episodes=2000):
    env = Environment(game, sticky_action_prob=0.1, difficulty_ramping=True)
    env.seed(7)
    rng = np.random.default_rng(7)
    returns, lengths = [], []
    for _ in range(episodes):
        env.reset()
        total, length, terminal = 0.0, 0, False
        while not terminal:
            reward, terminal = env.act(int(rng.integers(0, 6)))
            total += reward
            length += 1
        returns.append(total)
        lengths.append(length)
    count = len(returns)
    return {"mean_return": float(np.mean(returns)), "mean_length": float(np.mean(lengths)),
            "return_standard_error": float(np.std(returns, ddof=1) / np.sqrt(count)),
            "length_standard_error": float(np.std(lengths, ddof=1) / np.sqrt(count))}


def main():
    figures = {}
    for game in GAMES:
        steps = 20_000 if game in ("space_invaders", "seaquest") else 100_000
        figures[f"{game}_random_steps"] = steps_per_second(game, steps)
        figures[f"{game}_random_policy"] = random_policy_statistics(game)
    print(json.dumps(figures, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
