"""RLlib's PPO on swift-gym environments with two environment runners: the example runs end to end (skipped where
ray[rllib] or torch is absent)."""

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("ray.rllib", reason="the RLlib example's test needs ray[rllib] (pip install 'ray[rllib]' torch)")
pytest.importorskip("torch", reason="the RLlib example's test needs torch (pip install torch)")

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "rllib_ppo.py"


@pytest.mark.parametrize("env, least_mean_return", [("swiftgym/CartPole-v1", 8.0), ("swiftgym/Breakout-v1", 0.0)])
def test_ppo_trains_an_iteration_on_two_runners(env, least_mean_return):
    finished = subprocess.run([sys.executable, str(EXAMPLE), "--env", env, "--iterations", "2", "--batch", "1000"],
                              capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr[-4000:]
    result = json.loads(finished.stdout.strip().splitlines()[-1])
    assert result["env"] == env and result["runners"] == 2 and result["iteration"] == 2
    assert result["env_steps"] >= 2000
    assert math.isfinite(result["episode_return_mean"]) and result["episode_return_mean"] >= least_mean_return
