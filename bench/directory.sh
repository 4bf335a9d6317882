#!/usr/bin/env bash
# The directory at scale (issue 3's target: a filtered page under 50 ms at p99 of server
# time with 100,000 members and 1,000 nodes). Generates the network once with
# `praxis demo --members N --nodes M` (kept in bench/.data/ for reruns), then measures each
# query with wrk on one connection (so latency is the server's time plus loopback) for a
# signed-in member, whose view is the largest.
#
#   bench/directory.sh [members, default 100000] [nodes, default 1000] [seconds per query, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
members=${1:-100000}
nodes=${2:-1000}
duration=${3:-10}

command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
cargo build --release -p praxis --locked >/dev/null 2>&1
bin=${CARGO_TARGET_DIR:-target}/release/praxis

data="bench/.data/directory-$members-$nodes"
if [ ! -f "$data/praxis.db" ]; then
  mkdir -p "$data"
  start=$(date +%s)
  "$bin" demo --members "$members" --nodes "$nodes" --data-dir "$data" >/dev/null
  echo "generated $members members and $nodes nodes in $(( $(date +%s) - start )) s ($(du -h "$data/praxis.db" | cut -f1))"
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" serve --data-dir "$data" --listen "127.0.0.1:$port" >"$data/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
until curl -fs "$base/healthz" >/dev/null 2>&1; do sleep 0.1; done

jar=$(mktemp)
curl -fs -c "$jar" -b "$jar" "$base/login" >/dev/null
csrf=$(awk '$6 == "praxis_csrf" {print $7}' "$jar")
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf_token=$csrf" \
  --data-urlencode "email=amira@demo.example" --data-urlencode "password=practise-together" "$base/login"
session=$(awk '$6 == "praxis_session" {print $7}' "$jar")
rm -f "$jar"

printf '\n%-58s %10s %9s %9s %9s\n' "GET /api/v1/directory?… (wrk -t1 -c1, ${duration}s)" "req/s" "p50" "p99" "max"
for query in \
  "" \
  "language=ar" \
  "language=en&coach=true" \
  "practice=coaching&min_level=4" \
  "region=amman&coach=true" \
  "role=researcher&domain=water" \
  "language=sw&practice=strategy&min_level=5&coach=true" \
  "node=node-0042" \
  "node=node-0500&language=en" \
  "region=nowhere" \
  "q=amira" \
  "q=organ&language=en" ; do
  out=$(wrk -t1 -c1 -d"${duration}s" --latency -H "Cookie: praxis_session=$session" "$base/api/v1/directory?$query")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  max=$(awk '$1 == "Latency" {print $4}' <<<"$out")
  printf '%-58s %10s %9s %9s %9s\n' "${query:-(no filter)}" "$rps" "$p50" "$p99" "$max"
  if grep -q "Non-2xx" <<<"$out"; then echo "  (non-2xx answers: $(grep Non-2xx <<<"$out"))"; fi
done
