#!/usr/bin/env python3
"""Peer figures for `gym bench tensor`: the same workloads in NumPy (GEMM) and PyTorch CPU (networks).

Usage: python3 scripts/peers/tensor_bench.py --threads 1,2
Needs `pip install torch numpy` (and threadpoolctl, which names NumPy's BLAS and sets its thread count for each
count). The libraries load with the largest count, every workload then runs at each count, and every figure is the
best of five timed batches of repetitions, like the Swift benchmark.
"""
import argparse
import contextlib
import os
import sys
import time


def parse():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", default="1", help="comma-separated thread counts (default: 1)")
    arguments = parser.parse_args()
    counts = arguments.threads.split(",")
    if not all(count.isdigit() and int(count) > 0 for count in counts):
        parser.error(f"--threads {arguments.threads!r}: expected comma-separated positive integers such as 1,2")
    arguments.counts = [int(count) for count in counts]
    return arguments


ARGS = parse()
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = str(max(ARGS.counts))
for variable in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
    os.environ.pop(variable, None)

import numpy as np  # noqa: E402
import torch  # noqa: E402


def best_seconds(body):
    """Seconds per call: warm up, size a batch to about 0.1 s, keep the fastest of five batches."""
    body()
    repetitions = 1
    while True:
        start = time.perf_counter()
        for _ in range(repetitions):
            body()
        elapsed = time.perf_counter() - start
        if elapsed >= 0.1 or repetitions >= 1 << 20:
            break
        repetitions *= 10 if elapsed < 0.01 else 2
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(repetitions):
            body()
        best = min(best, (time.perf_counter() - start) / repetitions)
    return best


def report(name, threads, value, unit):
    print(f"{name}_t{threads:<10} {value:10.3f} {unit}")


def gemm(size):
    rng = np.random.default_rng(size)
    a = rng.uniform(-1, 1, (size, size)).astype(np.float32)
    b = rng.uniform(-1, 1, (size, size)).astype(np.float32)
    return 2 * size**3 / best_seconds(lambda: a @ b) / 1e9


def workload(layers, input_shape, outputs, batch):
    network = torch.nn.Sequential(*layers)
    optimizer = torch.optim.Adam(network.parameters(), lr=1e-4)
    inputs = torch.rand(batch, *input_shape)
    targets = torch.rand(batch, outputs)

    def update():
        optimizer.zero_grad()
        torch.nn.functional.mse_loss(network(inputs), targets).backward()
        optimizer.step()

    def forward():
        with torch.no_grad():
            network(inputs[:1])

    return forward, update


def blas_limits(threads):
    """A context that runs NumPy's BLAS on `threads` threads, or None when that cannot be set (no threadpoolctl and a
    count other than the one the BLAS loaded with)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return contextlib.nullcontext() if threads == max(ARGS.counts) else None
    return threadpool_limits(limits=threads, user_api="blas")


def describe_blas():
    """Say which BLAS and which of its kernels NumPy runs (threadpoolctl), so a GEMM comparison names its peer."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        print("# peer not installed: threadpoolctl (pip install threadpoolctl names NumPy's BLAS kernel and sets its "
              "thread count)")
        return
    for pool in threadpool_info():
        if pool.get("user_api") == "blas":
            print(f"# numpy BLAS: {pool.get('internal_api')} {pool.get('version')}, kernel {pool.get('architecture')}, "
                  f"threads {pool.get('num_threads')}")


def nature_cnn():
    nn = torch.nn
    return [nn.Conv2d(4, 32, 8, 4), nn.ReLU(), nn.Conv2d(32, 64, 4, 2), nn.ReLU(), nn.Conv2d(64, 64, 3, 1), nn.ReLU(),
            nn.Flatten(), nn.Linear(3136, 512), nn.ReLU(), nn.Linear(512, 6)]


def measure(threads):
    """Every workload on `threads` threads."""
    limits = blas_limits(threads)
    if limits is None:
        print(f"# peer not installed: threadpoolctl (NumPy's BLAS cannot be set to {threads} threads without it)")
    else:
        with limits:
            for size in (64, 128, 256, 512, 1024):
                report(f"gemm_{size}", threads, gemm(size), "GFLOP/s (numpy)")
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    forward, update = workload(nature_cnn(), (4, 84, 84), 6, 32)
    report("nature_cnn_forward_b1", threads, best_seconds(forward) * 1000, "ms (torch)")
    report("nature_cnn_train_b32", threads, best_seconds(update) * 1000, "ms (torch)")
    nn = torch.nn
    _, update = workload([nn.Conv2d(4, 16, 3), nn.ReLU(), nn.Flatten(), nn.Linear(1024, 128), nn.ReLU(), nn.Linear(128, 6)],
                         (4, 10, 10), 6, 32)
    report("minatar_train_b32", threads, best_seconds(update) * 1000, "ms (torch)")
    _, update = workload([nn.Linear(4, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 2)], (4,), 2, 128)
    report("cartpole_mlp_train_b128", threads, best_seconds(update) * 1000, "ms (torch)")
    _, update = workload([nn.Linear(4, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 2)], (4,), 2, 64)
    report("cartpole_mlp256_train_b64", threads, best_seconds(update) * 1000, "ms (torch)")


def main():
    print(f"# numpy {np.__version__}, torch {torch.__version__}, threads {ARGS.threads}", file=sys.stderr)
    describe_blas()
    for threads in ARGS.counts:
        measure(threads)


if __name__ == "__main__":
    main()
