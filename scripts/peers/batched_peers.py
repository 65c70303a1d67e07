#!/usr/bin/env python3
"""Peers for `gym bench batched`: EnvPool and Gymnasium's SyncVectorEnv stepping 64 CartPole-v1 copies with random
actions, Stable-Baselines3 PPO training on CartPole-v1 with RL Baselines3 Zoo's settings, and a PyTorch PPO loop on
MinAtar Breakout with swift-gym's MinAtar preset (torch_ppo_minatar.py, on the largest thread count).

Each figure is measured the way BatchedSuite measures its own: actions drawn beforehand (a table of 256 rows used
in turn), observations produced every step, finished copies reset automatically, the fastest of three runs;
PPO's figure is the whole training loop. A peer that is not installed is reported as such and skipped.

    python3 -m venv /tmp/peers && /tmp/peers/bin/pip install "numpy<2" gymnasium envpool stable-baselines3
    /tmp/peers/bin/python scripts/peers/batched_peers.py [--threads 1,2] [--copies 64] [--ppo-steps 50000] \
        [--ppo-minatar-rollouts 3]
"""
import argparse
import importlib.util
import time


def installed(module: str) -> bool:
    if importlib.util.find_spec(module) is None:
        print(f"{module}: peer not installed")
        return False
    return True


def fastest(run, repetitions: int = 3) -> float:
    best = float("inf")
    for _ in range(repetitions):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def action_rows(copies: int):
    import numpy as np

    return np.random.default_rng(0).integers(2, size=(256, copies))


def envpool_cartpole(copies: int, threads: int, batch_steps: int) -> float:
    import envpool

    rows = action_rows(copies)

    def run() -> None:
        env = envpool.make("CartPole-v1", env_type="gymnasium", num_envs=copies, num_threads=threads, seed=0)
        env.reset()
        for step in range(batch_steps):
            env.step(rows[step & 255])

    return batch_steps * copies / fastest(run)


def gymnasium_cartpole(copies: int, batch_steps: int) -> float:
    import gymnasium as gym

    rows = action_rows(copies)

    def run() -> None:
        env = gym.vector.SyncVectorEnv([lambda: gym.make("CartPole-v1") for _ in range(copies)])
        env.reset(seed=0)
        for step in range(batch_steps):
            env.step(rows[step & 255])

    return batch_steps * copies / fastest(run)


def sb3_ppo_cartpole(steps: int) -> float:
    from stable_baselines3 import PPO
    from stable_baselines3.common.env_util import make_vec_env

    # RL Baselines3 Zoo's hyperparams/ppo.yml, CartPole-v1: the same values OnPolicyConfiguration.ppoCartPole has.
    def linear(start: float):
        return lambda remaining: remaining * start

    def run() -> None:
        env = make_vec_env("CartPole-v1", n_envs=8, seed=0)
        model = PPO("MlpPolicy", env, n_steps=32, batch_size=256, gae_lambda=0.8, gamma=0.98, n_epochs=20, ent_coef=0.0,
                    learning_rate=linear(1e-3), clip_range=linear(0.2), seed=0, device="cpu", verbose=0)
        model.learn(total_timesteps=steps)

    return steps / fastest(run, repetitions=2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", default="1,2", help="comma-separated thread counts")
    parser.add_argument("--copies", type=int, default=64)
    parser.add_argument("--ppo-steps", type=int, default=50_000)
    parser.add_argument("--ppo-minatar-rollouts", type=int, default=3)
    arguments = parser.parse_args()
    thread_counts = [int(count) for count in arguments.threads.split(",")]
    if not installed("numpy"):
        return
    if installed("envpool"):
        for threads in thread_counts:
            rate = envpool_cartpole(arguments.copies, threads, 20_000)
            print(f"envpool_cartpole_n{arguments.copies}_t{threads}_steps {rate:14.4g} steps/s")
    if installed("gymnasium"):
        rate = gymnasium_cartpole(arguments.copies, 2_000)
        print(f"gymnasium_sync_cartpole_n{arguments.copies}_steps {rate:14.4g} steps/s")
    if installed("stable_baselines3"):
        import torch

        for threads in thread_counts:
            torch.set_num_threads(threads)
            print(f"sb3_ppo_cartpole_zoo_t{threads}_steps {sb3_ppo_cartpole(arguments.ppo_steps):14.4g} steps/s")
    if installed("torch") and installed("minatar"):
        import torch
        import torch_ppo_minatar

        threads = max(thread_counts)
        torch.set_num_threads(threads)
        rate = torch_ppo_minatar.train(arguments.ppo_minatar_rollouts)
        print(f"torch_ppo_breakout_minatar_t{threads}_steps {rate:14.4g} steps/s")


if __name__ == "__main__":
    main()
