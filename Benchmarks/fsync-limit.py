#!/usr/bin/env python3
"""The physical limit of durable delivery on a file system: what one LMTP delivery must at least
do, N times in a row on one thread: write a 20 KB file into tmp/, fsync it, rename it into new/,
fsync new/, then one small write + fsync of another file (the index commit). Prints one JSON
line with ops/s; Benchmarks/compare.py shows LMTP delivery rates as a fraction of it.
  Benchmarks/fsync-limit.py DIR [--n 10000] [--size 20480] [--threads 1] [--trash T]
With --threads K, K processes run the loop at once, each in a directory of its own (as K LMTP
connections delivering to different users), N times each; ops/s is their sum over the wall time
of the slowest, and the workload is named fsync-limit-K.
cpu_ms_per_op is the loops' CPU time (user + system) per op: what the kernel charges for making
a message durable on this file system, which a server pays on top of its own work.
DIR is created, and removed at the end, or moved into the directory T when given (compare.py
deletes that only after every timed run: see TRASH there).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("dir")
    p.add_argument("--n", type=int, default=10000)
    p.add_argument("--size", type=int, default=20 * 1024)
    p.add_argument("--threads", type=int, default=1, help="loops running at once, each in its own directory")
    p.add_argument("--trash", help="move DIR into this directory at the end instead of deleting it")
    a = p.parse_args()
    if not 1 <= a.n <= 1_000_000:
        raise SystemExit("--n must be between 1 and 1000000")
    if not 1 <= a.threads <= 64:
        raise SystemExit("--threads must be between 1 and 64")
    if a.threads > 1:
        return parallel(a)
    tmp, new = os.path.join(a.dir, "tmp"), os.path.join(a.dir, "new")
    os.makedirs(tmp)
    os.makedirs(new)
    payload = os.urandom(a.size)
    new_fd = os.open(new, os.O_RDONLY | os.O_DIRECTORY)
    index_fd = os.open(os.path.join(a.dir, "index"), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        t0, cpu0 = time.perf_counter(), os.times()
        for i in range(a.n):
            path = os.path.join(tmp, str(i))
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.write(fd, payload)
            os.fsync(fd)
            os.close(fd)
            os.rename(path, os.path.join(new, str(i)))
            os.fsync(new_fd)
            os.write(index_fd, b"%d\n" % i)
            os.fsync(index_fd)
        wall, cpu1 = time.perf_counter() - t0, os.times()
    finally:
        os.close(new_fd)
        os.close(index_fd)
        if a.trash:
            os.makedirs(a.trash, exist_ok=True)
            os.rename(a.dir, os.path.join(a.trash, f"fsync-limit-{time.time_ns()}"))
        else:
            shutil.rmtree(a.dir)
    print(json.dumps({"workload": "fsync-limit", "n": a.n, "size": a.size, "s": round(wall, 3),
                      "ops_per_s": round(a.n / wall, 1), "ms_per_op": round(wall * 1000 / a.n, 3),
                      "cpu_ms_per_op": round((cpu1.user + cpu1.system - cpu0.user - cpu0.system) * 1000 / a.n, 3)}))


def parallel(a):
    """--threads K: K copies of this script at once, in DIR/0 .. DIR/K-1; their ops summed."""
    os.makedirs(a.dir)
    args = ["--n", str(a.n), "--size", str(a.size)]
    t0 = time.perf_counter()
    loops = [subprocess.Popen([sys.executable, __file__, os.path.join(a.dir, str(k))] + args, stdout=subprocess.PIPE)
             for k in range(a.threads)]
    results = [json.loads(loop.communicate()[0]) for loop in loops]
    wall = time.perf_counter() - t0
    if any(loop.returncode != 0 for loop in loops):
        raise SystemExit("a loop failed")
    if a.trash:
        os.makedirs(a.trash, exist_ok=True)
        os.rename(a.dir, os.path.join(a.trash, f"fsync-limit-{time.time_ns()}"))
    else:
        shutil.rmtree(a.dir)
    total = a.n * a.threads
    slowest = max(r["s"] for r in results)
    print(json.dumps({"workload": f"fsync-limit-{a.threads}", "n": total, "size": a.size, "threads": a.threads,
                      "s": round(slowest, 3), "ops_per_s": round(total / slowest, 1), "wall_s": round(wall, 3),
                      "ms_per_op": round(slowest * 1000 / a.n, 3),
                      "cpu_ms_per_op": round(sum(r["cpu_ms_per_op"] for r in results) / a.threads, 3)}))


if __name__ == "__main__":
    main()
