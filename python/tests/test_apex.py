"""Ape-X DQN on Ray with Swift actors and learner, on a simulated two-node cluster (skipped where ray is absent)."""

import os
import time

import pytest

pytest.importorskip("ray", reason="the Ape-X tests need ray (pip install 'ray[tune]')")

import ray
from ray.cluster_utils import Cluster

from swiftgym import apex
from swiftgym.sweep import worker_environment


@pytest.fixture(scope="module")
def cluster():
    """Two nodes on this machine, each with room for two actors and the learner."""
    cluster = Cluster()
    nodes = [cluster.add_node(num_cpus=3) for _ in range(2)]
    ray.init(address=cluster.address, runtime_env=worker_environment(), log_to_driver=False)
    yield cluster, nodes
    ray.shutdown()
    cluster.shutdown()


def test_epsilons_follow_the_ape_x_schedule():
    assert apex.actor_epsilon(0, 1) == 0.4
    assert [round(apex.actor_epsilon(i, 3), 6) for i in range(3)] == [0.4, round(0.4 ** 4.5, 6), round(0.4 ** 8, 6)]


def test_two_actors_solve_cartpole_and_a_killed_actor_is_replaced(cluster):
    killed = []

    def kill_an_actor_once(status, actors, learner):
        if not killed:
            before = ray.get(actors[0].pid.remote(), timeout=60)
            ray.kill(actors[0], no_restart=False)
            # Ray brings up a new process for it; meanwhile the learner goes on with the other actor's transitions.
            after, deadline = before, time.monotonic() + 120
            while after == before and time.monotonic() < deadline:   # the kill takes effect asynchronously
                try:
                    after = ray.get(actors[0].pid.remote(), timeout=120)
                except ray.exceptions.RayActorError:
                    pass
            killed.append((status["steps"], ray.get(learner.status.remote(), timeout=30)["steps"], before, after))

    result = apex.train(ray, actors=2, steps=5_000_000, solve_at=475, evaluate_every=3, timeout=240,
                        on_status=kill_an_actor_once)
    assert killed and result["solved"], result
    (steps_at_kill, steps_once_back, pid_before, pid_after), = killed
    # The killed actor came back as a new process, and the learner kept counting steps meanwhile and after.
    assert pid_after != pid_before
    assert steps_once_back > steps_at_kill and result["steps"] > steps_once_back
    # (result["actor_restarts"] counts restarts seen in returned chunks, which a quick solve can finish before.)
    assert result["best_greedy_mean_return"] >= 475, result


def test_a_restarted_learner_resumes_from_its_checkpoint(cluster, tmp_path):
    seen, killed = [], []
    checkpoint = str(tmp_path / "learner.safetensors")

    def kill_the_learner_once(status, actors, learner):
        seen.append(status)
        # Only once a checkpoint exists: on a slow or busy machine a fixed status count can come before the first
        # one, and the new learner would then rightly start from scratch.
        if not killed and os.path.isfile(checkpoint):
            killed.append(len(seen))
            ray.kill(learner, no_restart=False)

    result = apex.train(ray, actors=1, steps=10_000_000, evaluate_every=2, timeout=30, checkpoint_every=500,
                        checkpoint=checkpoint, on_status=kill_the_learner_once)
    # The learner was killed, and the run went on reporting after it.
    assert killed and len(seen) > killed[0], seen
    # The new learner started from a checkpoint written during the run, not from scratch, and went on learning.
    assert result["learner_resumed_from"] is not None and result["learner_resumed_from"] >= 500
    assert result["updates"] > result["learner_resumed_from"] and seen[-1]["resumed_from"] is not None


def test_losing_a_node_slows_the_run_but_does_not_hang_it(cluster):
    cluster_handle, nodes = cluster
    removed = []

    def remove_a_node_once(status, actors, learner):
        if not removed:
            removed.append(status["steps"])
            cluster_handle.remove_node(nodes[1])

    result = apex.train(ray, actors=2, steps=10_000_000, evaluate_every=2, timeout=20, on_status=remove_a_node_once)
    assert removed and result["steps"] > removed[0]
    assert result["seconds"] < 60
