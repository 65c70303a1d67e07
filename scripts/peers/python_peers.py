#!/usr/bin/env python3
"""Peers for `gym bench python`: swiftgym from Python beside EnvPool, Gymnasium's SyncVectorEnv and MinAtar.

Measured the same way for every side: random actions drawn beforehand (a table of 256 rows used in turn), the
fastest of three runs.
- Vector stepping: 64 CartPole-v1 copies (time limit 500, finished copies reset automatically), 2 threads where the
  library has threads: `swiftgym.make_vec(..., copy=False)` and the default `copy=True`, EnvPool
  (`num_threads=2`), `gymnasium.vector.SyncVectorEnv`.
- One Breakout environment stepped one step at a time (minimal action set, sticky actions 0.1): `swiftgym.make`,
  and MinAtar's own `Environment.act` (minimal actions mapped to its full set) + `state()`.
The per-call cost of the bridge is the swiftgym figure's time per step.

    python3 -m venv /tmp/peers && /tmp/peers/bin/pip install gymnasium numpy envpool minatar
    swift build -c release --product SwiftGymC
    PYTHONPATH=python /tmp/peers/bin/python scripts/peers/python_peers.py [--threads 2]
"""
import argparse
import sys
from pathlib import Path

from batched_peers import fastest, installed


def vector_rate(make, copies: int, steps: int) -> float:
    import numpy as np

    rows = np.random.default_rng(0).integers(2, size=(256, copies))

    def run():
        envs = make()
        envs.reset(seed=0)
        for step in range(steps):
            envs.step(rows[step & 255])
        envs.close()

    return steps * copies / fastest(run)


def single_rate(reset, step, steps: int) -> float:
    import numpy as np

    actions = np.random.default_rng(0).integers(3, size=256).tolist()

    def run():
        reset()
        for index in range(steps):
            if step(actions[index & 255]):
                reset()

    return steps / fastest(run)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", default="2")
    parser.add_argument("--copies", type=int, default=64)
    arguments = parser.parse_args()
    threads = int(arguments.threads.split(",")[-1])
    copies = arguments.copies
    if not installed("gymnasium") or not installed("numpy"):
        return
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "python"))
    try:
        import swiftgym
    except ImportError as error:
        print(f"swiftgym: not importable ({error})")
        return
    import gymnasium as gym

    print(f"vector stepping, CartPole-v1 x {copies}, random actions (steps/s); SAME_STEP builds infos['final_obs'], "
          "NEXT_STEP resets as EnvPool does")
    rates = {}
    for count in sorted({1, threads}):
        for mode in ("SameStep", "NextStep"):
            rate = vector_rate(lambda: swiftgym.make_vec("CartPole-v1", copies, threads=count, copy=False,
                                                         autoreset_mode=mode), copies, 20000)
            rates[count, mode] = rate
            print(f"  swiftgym {mode:9} threads={count}  {rate:12.4g}   ({1e6 * copies / rate:.2f} us a call)")
    copied = vector_rate(lambda: swiftgym.make_vec("CartPole-v1", copies, threads=threads), copies, 20000)
    print(f"  swiftgym copy=True threads={threads} {copied:11.4g}")
    if installed("envpool"):
        import envpool
        for count in sorted({1, threads}):
            rate = vector_rate(lambda: envpool.make("CartPole-v1", env_type="gymnasium", num_envs=copies,
                                                    num_threads=count, seed=0), copies, 5000)
            print(f"  envpool num_threads={count}        {rate:12.4g}   swiftgym NextStep {rates[count, 'NextStep'] / rate:.1f}x,"
                  f" SameStep {rates[count, 'SameStep'] / rate:.1f}x (same threads)")
    ours = max(rates.values())
    rate = vector_rate(lambda: gym.vector.SyncVectorEnv([lambda: gym.make("CartPole-v1")] * copies), copies, 300)
    print(f"  gymnasium SyncVectorEnv       {rate:12.4g}   swiftgym's best {ours / rate:.1f}x")

    print("one Breakout environment, one step a call, minimal actions, sticky 0.1 (steps/s)")
    env = swiftgym.make("MinAtar/Breakout-v1")

    def swift_step(action):
        _, _, terminated, truncated, _ = env.step(action)
        return terminated or truncated

    ours = single_rate(lambda: env.reset(seed=0), swift_step, 100000)
    print(f"  swiftgym.make                 {ours:12.4g}   ({1e6 / ours:.2f} us a step)")
    native = env.unwrapped._native
    calls = 100000
    bare = fastest(lambda: [native.step() for _ in range(calls)]) / calls
    print(f"  of which the C call           {1e6 * bare:12.2f} us (swiftgym_step through ctypes, the game's step included)")
    if installed("minatar"):
        from minatar import Environment
        game = Environment("breakout", sticky_action_prob=0.1)
        minimal = list(game.minimal_action_set())

        def minatar_step(action):
            _, terminal = game.act(minimal[action])
            game.state()
            return terminal

        rate = single_rate(game.reset, minatar_step, 30000)
        print(f"  minatar act + state()         {rate:12.4g}   swiftgym {ours / rate:.1f}x")


if __name__ == "__main__":
    main()
