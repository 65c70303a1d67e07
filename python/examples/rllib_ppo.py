#!/usr/bin/env python3
"""RLlib's PPO on swift-gym environments, with two environment runners (Ray processes that each step their own
copies of the Swift environment through Gymnasium).

RLlib makes each runner's environments from a creator registered with Tune (`register_env`), which imports swiftgym
in the runner's process and makes the environment through Gymnasium's own `make`. MinAtar's channel grids (10x10x4
booleans for Breakout) are given to RLlib's default MLP as 400 floats.

    pip install ./python "ray[rllib]" torch
    python python/examples/rllib_ppo.py --env swiftgym/CartPole-v1 --iterations 40
    python python/examples/rllib_ppo.py --env swiftgym/Breakout-v1 --iterations 40

It prints one line per training iteration (environment steps so far, mean return of the runners' latest episodes)
and, at the end, one JSON object with the last figures.
"""
import argparse
import json
import os
import time


def make_environment(config):
    """One swift-gym environment for a runner, observations as flat float32 vectors when they are grids."""
    import gymnasium as gym
    import numpy as np

    import swiftgym  # noqa: F401  (registers swiftgym/... with Gymnasium in this process)

    env = gym.make(config["id"])
    if len(env.observation_space.shape) > 1:
        env = gym.wrappers.FlattenObservation(gym.wrappers.DtypeObservation(env, np.float32))
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--env", default="swiftgym/CartPole-v1", help="a swiftgym Gymnasium id")
    parser.add_argument("--iterations", type=int, default=40, help="PPO training iterations")
    parser.add_argument("--batch", type=int, default=4000, help="environment steps per iteration")
    parser.add_argument("--runners", type=int, default=2, help="environment runners")
    parser.add_argument("--stop-at", type=float, default=None, help="stop once the mean return reaches this")
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args()

    import ray
    import torch
    from ray.rllib.algorithms.ppo import PPOConfig
    from ray.tune.registry import register_env

    variables = {name: os.environ[name] for name in ("SWIFTGYM_LIBRARY", "PYTHONPATH") if name in os.environ}
    ray.init(runtime_env={"env_vars": variables} if variables else None, include_dashboard=False,
             log_to_driver=False)
    # The learner runs in this process; on a small shared machine torch's thread pool costs more than it gives.
    torch.set_num_threads(1)
    register_env("swiftgym", make_environment)
    config = (
        PPOConfig()
        .environment("swiftgym", env_config={"id": options.env})
        .env_runners(num_env_runners=options.runners, num_envs_per_env_runner=1, num_cpus_per_env_runner=0.5)
        .learners(num_learners=0)
        .training(train_batch_size_per_learner=options.batch, minibatch_size=128, num_epochs=10, lr=3e-4, gamma=0.99)
        .debugging(seed=options.seed)
    )
    algorithm = config.build_algo()
    start = time.monotonic()
    last = {}
    try:
        for iteration in range(1, options.iterations + 1):
            result = algorithm.train()
            runners = result["env_runners"]
            last = {"env": options.env, "iteration": iteration, "runners": options.runners,
                    "env_steps": int(runners.get("num_env_steps_sampled_lifetime", 0)),
                    "episode_return_mean": float(runners.get("episode_return_mean", float("nan"))),
                    "seconds": time.monotonic() - start}
            print(f"iteration {iteration}: {last['env_steps']} steps, mean return {last['episode_return_mean']:.2f}",
                  flush=True)
            if options.stop_at is not None and last["episode_return_mean"] >= options.stop_at:
                break
    finally:
        algorithm.stop()
        ray.shutdown()
    print(json.dumps(last))


if __name__ == "__main__":
    main()
