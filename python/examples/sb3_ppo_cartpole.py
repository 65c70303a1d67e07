#!/usr/bin/env python3
"""Stable-Baselines3 PPO trained on swift-gym's CartPole through Gymnasium (`swiftgym/CartPole-v1`).

The environment is made by Gymnasium from swiftgym's registration, so SB3 sees an ordinary `gymnasium.Env`; the
settings are RL Baselines3 Zoo's CartPole-v1 PPO (8 environments, 32 steps, 20 epochs, minibatch 256, γ 0.98,
λ 0.8, learning rate 1e-3 annealed, clip 0.2 annealed, entropy 0), for 100k steps. It prints the greedy mean return
over 100 episodes.

    pip install ./python stable-baselines3
    python python/examples/sb3_ppo_cartpole.py [--seed 0] [--steps 100000]
"""
import argparse
import time

import gymnasium as gym
import numpy as np
from stable_baselines3 import PPO
from stable_baselines3.common.env_util import make_vec_env

import swiftgym  # noqa: F401  (registers swiftgym/... with Gymnasium)


def linear(start: float):
    return lambda progress_remaining: progress_remaining * start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--steps", type=int, default=100_000)
    arguments = parser.parse_args()

    envs = make_vec_env("swiftgym/CartPole-v1", n_envs=8, seed=arguments.seed)
    model = PPO("MlpPolicy", envs, n_steps=32, batch_size=256, gae_lambda=0.8, gamma=0.98, n_epochs=20,
                ent_coef=0.0, learning_rate=linear(1e-3), clip_range=linear(0.2), seed=arguments.seed, verbose=0,
                device="cpu")
    start = time.perf_counter()
    model.learn(total_timesteps=arguments.steps)
    seconds = time.perf_counter() - start

    env = gym.make("swiftgym/CartPole-v1")
    returns = []
    for episode in range(100):
        observation, _ = env.reset(seed=10_000 + arguments.seed * 100 + episode)
        total, done = 0.0, False
        while not done:
            action, _ = model.predict(observation, deterministic=True)
            observation, reward, terminated, truncated, _ = env.step(int(action))
            total += reward
            done = terminated or truncated
        returns.append(total)
    print(f"seed {arguments.seed}: {arguments.steps} steps in {seconds:.1f} s, greedy mean return over 100 episodes "
          f"{np.mean(returns):.1f} ± {np.std(returns):.1f}")


if __name__ == "__main__":
    main()
