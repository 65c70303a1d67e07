"""Distributed DQN in the Ape-X style (Horgan et al., 2018) on Ray, with the Swift agent doing the work.

K actor processes each step a batch of environment copies (the library's batched environments) with their own copy
of the Q-network and their own ε, and ship transitions in chunks straight to one learner process, which owns the
replay memory and the optimizer (the Swift DQN learner), learns continuously on a thread of its own, and publishes
its weights as safetensors bytes through Ray's object store. The driver only passes references around and watches.

Actor i explores with ε_i = ε^(1 + α·i/(K−1)) (Ape-X's schedule; one actor uses ε).

Failures: actors are restarted by Ray (``max_restarts``) and their interrupted chunk is retried
(``max_task_retries``), so the learner keeps going; the learner checkpoints itself every ``checkpoint_every``
updates and a restarted learner resumes from that checkpoint (networks, optimizer, counters; its replay memory
refills from the actors); every wait has a timeout, so a shrinking cluster slows the run instead of hanging it.

    python -m swiftgym.apex --actors 2 --steps 200000     # CartPole-v1 on a local Ray instance
"""

import argparse
import json
import os
import tempfile
import threading
import time

import numpy as np

from ._handle import Handle
from .agent import DQNAgent
from .registration import native_id

# The settings of the learner's DQN for CartPole-v1 (a 64-64 MLP, Double DQN, Huber loss, clipped gradients).
CARTPOLE_SETTINGS = {"hidden": [64, 64], "learning_rate": 0.0005, "batch_size": 64, "buffer_size": 50_000,
                     "double_dqn": True, "loss": "huber", "max_grad_norm": 10, "target_update_interval": 2_000}


def actor_epsilon(index: int, actors: int, epsilon: float = 0.4, alpha: float = 7.0) -> float:
    """Ape-X's exploration rate of actor `index` among `actors`: ε^(1 + α·i/(K−1))."""
    if actors == 1:
        return epsilon
    return epsilon ** (1 + alpha * index / (actors - 1))


def greedy_returns(agent: DQNAgent, env_id: str, episodes: int, seed: int) -> np.ndarray:
    """The returns of `episodes` greedy episodes of `agent`, one per copy of `env_id`, copy i seeded `seed + i`."""
    handle = Handle(native_id(env_id), episodes, {}, seed, 1, -1, "next-step")
    try:
        handle.reset(seed=seed)
        returns = np.zeros(episodes)
        running = np.ones(episodes, dtype=bool)
        while running.any():
            handle.actions[:] = agent.act(handle.observations, 0.0)
            handle.step()
            returns += handle.rewards * running
            running &= ~(handle.terminated | handle.truncated)
        return returns
    finally:
        handle.close()


class ActingLoop:
    """An actor's loop: a batch of environment copies stepped ε-greedily by a local copy of the Q-network."""

    def __init__(self, configuration: dict, index: int, epsilon: float, num_envs: int, chunk_steps: int):
        self.env_id = native_id(configuration["env"])
        seed = int(configuration.get("seed", 0)) + 1_000 * (index + 1)
        self.agent = DQNAgent({**configuration, "seed": seed, "settings": {**configuration.get("settings", {}),
                                                                            "buffer_size": 1}})
        self.handle = Handle(self.env_id, num_envs, configuration.get("env_options", {}), seed, 1, -1, "same-step")
        self.handle.reset(seed=seed)
        self.epsilon = epsilon
        self.version = -1
        size = num_envs * chunk_steps
        shape = self.handle.observations.shape[1:]
        self.chunk = {"observations": np.zeros((size, *shape), self.handle.observations.dtype),
                      "next_observations": np.zeros((size, *shape), self.handle.observations.dtype),
                      "actions": np.zeros(size, np.int64), "rewards": np.zeros(size), "terminated": np.zeros(size, np.uint8)}
        self.returns = np.zeros(num_envs)
        self.finished = []

    def take_weights(self, version: int, fetch):
        """Uses the learner's weights of `version` (`fetch()` gives their bytes) unless they are the ones in use."""
        if version != self.version:
            self.agent.set_weights(fetch())
            self.version = version

    def fill_chunk(self) -> dict:
        """Steps the copies until a chunk of transitions is full; returns it (arrays reused by the next call)."""
        handle, chunk, copies = self.handle, self.chunk, self.handle.num_envs
        for start in range(0, len(chunk["actions"]), copies):
            rows = slice(start, start + copies)
            chunk["observations"][rows] = handle.observations
            handle.actions[:] = self.agent.act(handle.observations, self.epsilon)
            handle.step()
            done = handle.terminated | handle.truncated
            chunk["actions"][rows] = handle.actions
            chunk["rewards"][rows] = handle.rewards
            chunk["terminated"][rows] = handle.terminated
            chunk["next_observations"][rows] = handle.observations
            if done.any():
                # A finished copy was reset in this step: its transition ends at its real last observation.
                chunk["next_observations"][rows][done] = handle.final_observations[done]
            self.returns += handle.rewards
            self.finished.extend(self.returns[done].tolist())
            self.returns[done] = 0
        return chunk

    def episodes_since_last_call(self) -> list:
        finished, self.finished = self.finished, []
        return finished


class LearnerLoop:
    """The learner: the replay memory and optimizer of a Swift DQN, a thread that learns whenever there are enough
    transitions, weights published every `publish_every` updates and a checkpoint every `checkpoint_every`."""

    def __init__(self, configuration: dict, checkpoint: str, learning_starts: int, updates_per_call: int,
                 publish_every: int, checkpoint_every: int, publish):
        self.checkpoint = checkpoint
        resumed = os.path.isfile(checkpoint)
        self.agent = DQNAgent({**configuration, "load": checkpoint} if resumed else configuration)
        self.resumed_from = self.agent.counters["updates"] if resumed else None
        self.learning_starts, self.updates_per_call = learning_starts, updates_per_call
        self.publish_every, self.checkpoint_every = publish_every, checkpoint_every
        self.publish = publish
        self.lock = threading.Lock()
        self.loss = float("nan")
        self.latest = None
        self.version = 0
        self.publish_weights()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.learn_continuously, daemon=True)
        self.thread.start()

    def publish_weights(self):
        with self.lock:
            weights = self.agent.get_weights()
            self.version = self.agent.counters["updates"]
        self.latest = (self.version, self.publish(weights))

    def add(self, chunk: dict):
        with self.lock:
            self.agent.add(chunk["observations"], chunk["actions"], chunk["rewards"], chunk["next_observations"],
                           chunk["terminated"])

    def learn_continuously(self):
        since_publish = since_checkpoint = 0
        while not self.stopping.is_set():
            with self.lock:
                ready = self.agent.counters["stored"] >= self.learning_starts
                if ready:
                    self.loss = self.agent.learn(self.updates_per_call)
            if not ready:
                time.sleep(0.01)
                continue
            since_publish += self.updates_per_call
            since_checkpoint += self.updates_per_call
            if since_publish >= self.publish_every:
                since_publish = 0
                self.publish_weights()
            if since_checkpoint >= self.checkpoint_every:
                since_checkpoint = 0
                self.save()

    def save(self):
        """Writes the checkpoint (atomically: the library writes beside it and renames)."""
        with self.lock:
            self.agent.save(self.checkpoint)

    def status(self) -> dict:
        with self.lock:
            counters = self.agent.counters
        return {**counters, "loss": self.loss, "version": self.version, "resumed_from": self.resumed_from}

    def stop(self):
        self.stopping.set()
        self.thread.join()


def remote_classes(ray):
    """The Ray actor classes (made on demand, so that importing this module does not need Ray)."""

    @ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=-1)
    class Actor:
        def __init__(self, configuration, index, epsilon, num_envs, chunk_steps, learner):
            self.loop = ActingLoop(configuration, index, epsilon, num_envs, chunk_steps)
            self.learner = learner
            self.pending = []

        def pid(self) -> int:
            """The actor's process id (a restarted actor has a new one)."""
            return os.getpid()

        def collect(self, chunks: int, latest) -> dict:
            """Acts for `chunks` chunks with the learner's weights `latest` (version, [reference]) and sends each to
            the learner, keeping at most two sends in flight."""
            version, [reference] = latest
            self.loop.take_weights(version, lambda: ray.get(reference, timeout=60))
            for _ in range(chunks):
                chunk = self.loop.fill_chunk()
                if len(self.pending) >= 2:
                    ray.get(self.pending.pop(0), timeout=60)
                self.pending.append(self.learner.add.remote(chunk))
            return {"steps": chunks * len(self.loop.chunk["actions"]), "returns": self.loop.episodes_since_last_call(),
                    "pid": os.getpid()}

    @ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=-1, max_concurrency=4)
    class Learner:
        def __init__(self, configuration, checkpoint, learning_starts, updates_per_call, publish_every,
                     checkpoint_every):
            self.loop = LearnerLoop(configuration, checkpoint, learning_starts, updates_per_call, publish_every,
                                    checkpoint_every, publish=lambda weights: [ray.put(weights)])

        def add(self, chunk):
            self.loop.add(chunk)

        def latest(self):
            return self.loop.latest

        def status(self):
            return {**self.loop.status(), "pid": os.getpid()}

        def weights(self) -> bytes:
            with self.loop.lock:
                return self.loop.agent.get_weights()

        def save(self):
            self.loop.save()

        def stop(self):
            self.loop.stop()

    return Actor, Learner


def train(ray, env: str = "CartPole-v1", actors: int = 2, steps: int = 200_000, settings: dict = None, seed: int = 0,
          num_envs: int = 8, chunk_steps: int = 32, chunks_per_call: int = 4, learning_starts: int = 2_000,
          updates_per_call: int = 8, publish_every: int = 200, checkpoint_every: int = 1_000, checkpoint: str = None,
          solve_at: float = None, evaluate_every: float = 5.0, evaluation_episodes: int = 20, timeout: float = 600.0,
          on_status=None) -> dict:
    """Runs Ape-X DQN on a connected Ray cluster until the learner has received `steps` transitions, a greedy
    evaluation reaches `solve_at` (mean over `evaluation_episodes`), or `timeout` seconds pass.

    `on_status(status, actors, learner)` is called after each evaluation (tests use it to kill processes mid-run).
    Returns the figures: steps, updates, seconds, steps_per_second, updates_per_second, the best greedy mean return,
    whether it solved, restarts seen, and the checkpoint path.
    """
    Actor, Learner = remote_classes(ray)
    configuration = {"env": env, "seed": seed, "settings": {**CARTPOLE_SETTINGS, **(settings or {})}}
    checkpoint = checkpoint or os.path.join(tempfile.mkdtemp(prefix="swiftgym-apex-"), "learner.safetensors")
    learner = Learner.remote(configuration, checkpoint, learning_starts, updates_per_call, publish_every,
                             checkpoint_every)
    # Actors spread over the nodes, as an operator would want their stepping spread.
    actor_handles = [Actor.options(scheduling_strategy="SPREAD").remote(
        configuration, index, actor_epsilon(index, actors), num_envs, chunk_steps, learner) for index in range(actors)]
    evaluator = DQNAgent(configuration)
    start = time.monotonic()
    latest = ray.get(learner.latest.remote(), timeout=120)
    running = {actor.collect.remote(chunks_per_call, latest): index for index, actor in enumerate(actor_handles)}
    pids = {}
    restarts = 0
    best, solved, status = float("-inf"), False, ray.get(learner.status.remote(), timeout=120)
    next_evaluation = start + evaluate_every
    training_returns = []
    while time.monotonic() - start < timeout:
        ready, _ = ray.wait(list(running), num_returns=1, timeout=1.0)
        for reference in ready:
            index = running.pop(reference)
            try:
                result = ray.get(reference, timeout=10)
                if pids.get(index, result["pid"]) != result["pid"]:
                    restarts += 1
                pids[index] = result["pid"]
                training_returns.extend(result["returns"])
            except (ray.exceptions.RayError, TimeoutError):
                pass  # the actor died past its retries, or its node left; ask it again (Ray restarts it)
            try:
                latest = ray.get(learner.latest.remote(), timeout=30)
            except (ray.exceptions.RayError, TimeoutError):
                pass  # the learner is restarting; the actor goes on with the weights it has
            running[actor_handles[index].collect.remote(chunks_per_call, latest)] = index
        if time.monotonic() >= next_evaluation:
            next_evaluation = time.monotonic() + evaluate_every
            try:
                status = ray.get(learner.status.remote(), timeout=30)
                evaluator.set_weights(ray.get(learner.weights.remote(), timeout=30))
            except (ray.exceptions.RayError, TimeoutError):
                continue
            mean = float(greedy_returns(evaluator, env, evaluation_episodes, seed + 10_000).mean())
            best = max(best, mean)
            status = {**status, "greedy_mean_return": mean, "seconds": time.monotonic() - start}
            if on_status is not None:
                on_status(status, actor_handles, learner)
            if solve_at is not None and mean >= solve_at:
                solved = True
                break
            if status["steps"] >= steps:
                break
    seconds = time.monotonic() - start
    try:
        status = ray.get(learner.status.remote(), timeout=30)
        ray.get(learner.save.remote(), timeout=60)
        ray.get(learner.stop.remote(), timeout=60)
    except (ray.exceptions.RayError, TimeoutError):
        pass
    for actor in actor_handles:
        ray.kill(actor)
    ray.kill(learner)
    return {"env": env, "actors": actors, "steps": status["steps"], "updates": status["updates"], "seconds": seconds,
            "steps_per_second": status["steps"] / seconds, "updates_per_second": status["updates"] / seconds,
            "best_greedy_mean_return": best, "solved": solved, "actor_restarts": restarts,
            "learner_resumed_from": status.get("resumed_from"), "training_episodes": len(training_returns),
            "checkpoint": checkpoint}


def main(arguments=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m swiftgym.apex", description=__doc__.split("\n")[0])
    parser.add_argument("--env", default="CartPole-v1")
    parser.add_argument("--actors", type=int, default=2)
    parser.add_argument("--steps", type=int, default=200_000, help="stop once the learner has this many transitions")
    parser.add_argument("--solve-at", type=float, default=None, help="stop once the greedy mean return reaches it")
    parser.add_argument("--seconds", type=float, default=600, help="stop after this long at the latest")
    parser.add_argument("--nodes", type=int, default=0,
                        help="simulate this many nodes on this machine with ray.cluster_utils.Cluster (0: ray.init)")
    parser.add_argument("--address", default=None, help="a Ray cluster to join")
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args(arguments)
    if options.actors < 1:
        parser.error("--actors must be at least 1")
    import ray

    from .sweep import worker_environment

    cluster = None
    if options.nodes:
        from ray.cluster_utils import Cluster

        cluster = Cluster()
        for _ in range(options.nodes):
            cluster.add_node(num_cpus=options.actors + 1)
        ray.init(address=cluster.address, runtime_env=worker_environment(), log_to_driver=False)
    else:
        ray.init(address=options.address, runtime_env=worker_environment(), include_dashboard=False,
                 log_to_driver=False)
    try:
        result = train(ray, env=options.env, actors=options.actors, steps=options.steps, seed=options.seed,
                       solve_at=options.solve_at, timeout=options.seconds)
    finally:
        ray.shutdown()
        if cluster is not None:
            cluster.shutdown()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
