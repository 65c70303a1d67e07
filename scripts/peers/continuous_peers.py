#!/usr/bin/env python3
"""Peer for `gym bench continuous`: Stable-Baselines3 SAC on Pendulum-v1 in RL Baselines3 Zoo's settings.

The settings are those of ContinuousControlSuite (the zoo's Pendulum-v1 SAC entry: learning rate 1e-3, everything
else Stable-Baselines3's defaults: 256-256 networks, batch 256, 100 random steps, then one gradient step per
environment step). Runs on CPU with the given number of torch threads and prints environment steps per second of the
whole training loop.

    pip install stable-baselines3 torch gymnasium
    python3 scripts/peers/continuous_peers.py [--threads 1] [--steps 3000]
"""
import argparse
import time

import gymnasium as gym
import torch


def sb3_sac(steps: int) -> float:
    from stable_baselines3 import SAC

    env = gym.make("Pendulum-v1")
    model = SAC("MlpPolicy", env, learning_rate=1e-3, seed=0, device="cpu", verbose=0)
    start = time.perf_counter()
    model.learn(total_timesteps=steps)
    return steps / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--steps", type=int, default=3_000)
    arguments = parser.parse_args()
    torch.set_num_threads(arguments.threads)
    print(f"threads {arguments.threads}, torch {torch.__version__}")
    print(f"sb3_sac_pendulum_zoo_steps {sb3_sac(arguments.steps):12.1f} steps/s")


if __name__ == "__main__":
    main()
