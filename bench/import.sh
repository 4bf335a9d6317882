#!/usr/bin/env bash
# Roster import throughput (issue 3: rows/second for 50,000 rows). Generates a messy CSV of
# N rows (semicolons, BOM, CRLF, Arabic and Cyrillic names, 2% bad or repeated addresses),
# checks it (the dry run) and imports it through the API of a release build on a fresh
# SQLite data directory, and reports the time of each step. Mail goes to the data directory.
#
#   bench/import.sh [rows, default 50000]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-50000}

cargo build --release -p praxis --locked >/dev/null 2>&1
bin=${CARGO_TARGET_DIR:-target}/release/praxis
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT

python3 - "$rows" "$data/roster.csv" <<'PY'
import random, sys
n, path = int(sys.argv[1]), sys.argv[2]
random.seed(2026)
given = ["أميرة", "عمر", "Милица", "Марко", "Lucía", "Grace", "Wanjiru", "Elif"]
with open(path, "w", encoding="utf-8-sig", newline="") as f:
    f.write("Ime;E-mail;Grad\r\n")
    for i in range(n):
        r = random.random()
        email = "" if r < 0.005 else ("not-an-address" if r < 0.01 else f"person{i if r > 0.02 else i // 2}@example.org")
        f.write(f"\"{random.choice(given)} {i}\";{email};Amman\r\n")
PY

echo 'a long admin password' | "$bin" admin create-user --data-dir "$data" --email steward@example.org \
  --password-stdin --display-name Steward --admin >/dev/null 2>&1
token=$("$bin" admin create-token --data-dir "$data" --email steward@example.org 2>/dev/null)
"$bin" serve --data-dir "$data" --listen "127.0.0.1:$port" >"$data/server.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port/api/v1"
until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do sleep 0.1; done
auth=(-H "Authorization: Bearer $token")
curl -fs "${auth[@]}" -H 'content-type: application/json' -o /dev/null \
  -d '{"name":"Bench","slug":"bench","kind":"region","visibility":"members","join_policy":"invite"}' "$base/nodes"

ms() { date +%s%3N; }
t0=$(ms)
curl -fs "${auth[@]}" -H 'content-type: text/csv' --data-binary "@$data/roster.csv" "$base/nodes/bench/imports" >"$data/check.json"
t1=$(ms)
echo "file: $rows rows, $(du -h "$data/roster.csv" | cut -f1)"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(f'check (dry run): {d[\"to_invite\"]} to invite, {d[\"to_merge\"]} to merge, {d[\"to_reject\"]} refused')" "$data/check.json"
echo "check took $((t1 - t0)) ms ($(python3 -c "print(round($rows / max(($t1 - $t0) / 1000, 0.001)))") rows/s)"
id=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['import_id'])" "$data/check.json")
t2=$(ms)
curl -fs "${auth[@]}" -X POST -o /dev/null "$base/nodes/bench/imports/$id/run"
while :; do
  status=$(curl -fs "${auth[@]}" "$base/nodes/bench/imports/$id")
  case "$status" in *'"done"'*|*'"failed"'*) break ;; esac
  sleep 0.2
done
t3=$(ms)
echo "import: $status"
echo "import took $((t3 - t2)) ms ($(python3 -c "print(round($rows / max(($t3 - $t2) / 1000, 0.001)))") rows/s), invitations and their mails written in batches of 500"
