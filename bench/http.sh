#!/usr/bin/env bash
# Figures for the README, in one run on loopback: idle memory of `praxis serve --demo`, and
# requests/second with latency of GET /healthz (the reference: a constant body from the same
# server), the demo home page for a visitor and for a signed-in member, the member list, the
# demo campaign's page (strategy, actor map, goal-versus-actual chart, reflections) and a search.
# wrk and the server share the machine's cores; the server's CPU time per request is reported
# beside each figure so runs on different machines can be compared.
#
#   bench/http.sh [seconds per target, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}

command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
cargo build --release -p praxis --locked >/dev/null 2>&1
bin=${CARGO_TARGET_DIR:-target}/release/praxis

dir=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" serve --demo --data-dir "$dir" --listen "127.0.0.1:$port" >"$dir/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
base="http://127.0.0.1:$port"
until curl -fs "$base/healthz" >/dev/null 2>&1; do sleep 0.1; done
sleep 2

echo "binary: $(du -h "$bin" | cut -f1) ($bin)"
echo "idle RSS after start-up with the demo network: $(awk '/VmRSS/ {printf "%.1f MiB", $2/1024}' /proc/$pid/status)"

# Sign in as the demo member to measure a signed-in page.
jar="$dir/cookies"
curl -fs -c "$jar" -b "$jar" "$base/login" >/dev/null
csrf=$(awk '$6 == "praxis_csrf" {print $7}' "$jar")
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf_token=$csrf" \
  --data-urlencode "email=amira@demo.example" --data-urlencode "password=practise-together" "$base/login"
session=$(awk '$6 == "praxis_session" {print $7}' "$jar")
[ -n "$session" ] || { echo "could not sign in as the demo member"; exit 1; }

cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)

printf '\n%-34s %12s %10s %10s %14s\n' "target (wrk -t2 -c64, ${duration}s)" "requests/s" "p50" "p99" "server CPU/req"
run() { # label, path, extra wrk args...
  local label=$1 path=$2; shift 2
  local before after out rps p50 p99 total
  before=$(cpu_ticks)
  out=$(wrk -t2 -c64 -d"${duration}s" --latency "$@" "$base$path")
  after=$(cpu_ticks)
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  total=$(awk '/requests in/ {print $1}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  local cpu_us
  cpu_us=$(python3 -c "print(f'{($after-$before)/$hz*1e6/max($total,1):.0f} µs')")
  printf '%-34s %12s %10s %10s %14s\n' "$label" "$rps" "$p50" "$p99" "$cpu_us"
  if grep -q "Non-2xx" <<<"$out"; then echo "  (some answers were not 2xx: $(grep Non-2xx <<<"$out"))"; fi
}
run "GET /healthz (reference)" /healthz
run "GET / (visitor, demo network)" /
run "GET / (signed in)" / -H "Cookie: praxis_session=$session"
run "GET /members (signed in, 30/page)" /members -H "Cookie: praxis_session=$session"
run "GET /api/v1/members (signed in)" /api/v1/members -H "Cookie: praxis_session=$session"
campaign=$(curl -fs -b "praxis_session=$session" "$base/nodes/amman/organizing" | grep -o '/campaigns/[0-9a-f-]*' | head -1)
run "GET a campaign (strategy, chart)" "$campaign" -H "Cookie: praxis_session=$session"
run "GET /search?q=committee (signed in)" "/search?q=committee" -H "Cookie: praxis_session=$session"
run "GET /commitments (signed in)" /commitments -H "Cookie: praxis_session=$session"
run "GET /nodes/amman/organizing" /nodes/amman/organizing -H "Cookie: praxis_session=$session"
echo
echo "RSS after the load: $(awk '/VmRSS/ {printf "%.1f MiB", $2/1024}' /proc/$pid/status)"
