"""The exact coach-to-team step of bench/teams.sh, solved by OR-tools' min-cost flow and
SciPy's linear_sum_assignment on the same cost matrix (written by `praxis-bench teams`).
Prints each solver's optimal cost and median solve time over five runs."""

import sys
import time

import numpy as np
from ortools.graph.python import min_cost_flow
from scipy.optimize import linear_sum_assignment


def read(path):
    with open(path) as f:
        rows, cols = map(int, f.readline().split())
        entries = np.loadtxt(f, dtype=np.int64, ndmin=2)
    return rows, cols, entries


def ortools_cost(rows, cols, entries):
    # source -> team (1) -> slot (allowed pairs, their cost) -> sink; teams supply one unit each.
    smcf = min_cost_flow.SimpleMinCostFlow()
    sink = rows + cols
    smcf.add_arcs_with_capacity_and_unit_cost(
        entries[:, 0], rows + entries[:, 1], np.ones(len(entries), dtype=np.int64), entries[:, 2])
    smcf.add_arcs_with_capacity_and_unit_cost(
        np.arange(rows, rows + cols), np.full(cols, sink), np.ones(cols, dtype=np.int64),
        np.zeros(cols, dtype=np.int64))
    smcf.set_nodes_supplies(np.arange(rows), np.ones(rows, dtype=np.int64))
    smcf.set_node_supply(sink, -rows)
    started = time.perf_counter()
    status = smcf.solve()
    elapsed = time.perf_counter() - started
    assert status == smcf.OPTIMAL, status
    return smcf.optimal_cost(), elapsed


def scipy_cost(rows, cols, entries):
    forbidden = 10**12
    matrix = np.full((rows, cols), forbidden, dtype=np.float64)
    matrix[entries[:, 0], entries[:, 1]] = entries[:, 2]
    started = time.perf_counter()
    r, c = linear_sum_assignment(matrix)
    elapsed = time.perf_counter() - started
    chosen = matrix[r, c]
    assert (chosen < forbidden).all(), "SciPy had to use a forbidden pair"
    return int(chosen.sum()), elapsed


def main():
    rows, cols, entries = read(sys.argv[1])
    for name, solve in (("OR-tools SimpleMinCostFlow", ortools_cost), ("SciPy linear_sum_assignment", scipy_cost)):
        runs = [solve(rows, cols, entries) for _ in range(5)]
        costs = {cost for cost, _ in runs}
        median = sorted(t for _, t in runs)[len(runs) // 2]
        print(f"{name}: cost {costs.pop()}, {median * 1000:.2f} ms (median of 5)")


if __name__ == "__main__":
    main()
