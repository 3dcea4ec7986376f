#!/usr/bin/env python3
"""Runs a command RUNS times and prints its median wall and CPU time.

    bench/times.py RUNS COMMAND [ARG...]   ->   "WALL ms (cpu CPU ms)"

The clock runs from just before the process is spawned until it has been
reaped, so it includes the command's whole start (exec, dynamic loading)
and nothing of the measuring: no shell, no GNU time and no `date` around
each run, which cost a few milliseconds of their own, as much as the
difference a 20 ms target is about. CPU time is user + system from wait4.
Output is discarded; a run that fails stops the measurement.
"""
import os
import statistics
import sys
import time


def main():
    runs = int(sys.argv[1])
    argv = sys.argv[2:]
    devnull = os.open(os.devnull, os.O_WRONLY)
    walls, cpus = [], []
    for _ in range(runs):
        start = time.perf_counter_ns()
        pid = os.posix_spawn(argv[0], argv, os.environ,
                             file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1)])
        _, status, usage = os.wait4(pid, 0)
        end = time.perf_counter_ns()
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            sys.exit(f"times.py: {argv[0]} exited with {code}")
        walls.append((end - start) / 1e6)
        cpus.append((usage.ru_utime + usage.ru_stime) * 1000)
    print(f"{statistics.median(walls):.1f} ms (cpu {statistics.median(cpus):.0f} ms)")


if __name__ == "__main__":
    main()
