#!/usr/bin/env bash
# Team formation (issue 5): a generated workshop of 4,000 participants and 800 coaches from
# twelve regions (own languages and time zones, colleagues, 10 % new coaches paired with
# experienced leads) formed into teams; the whole engine and its exact coach-to-team step are
# timed, and the step's cost matrix is solved again by OR-tools' min-cost flow and SciPy's
# linear_sum_assignment (installed with pip in a virtual environment) to compare optimum and time.
#
#   bench/teams.sh [participants, default 4000] [coaches, default 800]
set -euo pipefail
cd "$(dirname "$0")/.."
participants=${1:-4000}
coaches=${2:-800}

cargo build --release -p praxis-bench --locked >/dev/null 2>&1
bench=${CARGO_TARGET_DIR:-target}/release/praxis-bench

venv="${XDG_CACHE_HOME:-$HOME/.cache}/praxis/bench-venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import ortools, scipy' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q ortools scipy numpy
fi

mkdir -p bench/.data
matrix=bench/.data/teams-$participants-$coaches.txt
"$bench" teams --participants "$participants" --coaches "$coaches" --matrix "$matrix"
echo
echo "the same exact step by the reference solvers:"
"$venv/bin/python" bench/teams_reference.py "$matrix"
