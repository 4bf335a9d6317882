#!/usr/bin/env bash
# Search at scale (issue 4): a corpus of library items (about 60 words each, Zipf-like
# vocabulary, fixed seed), kept in bench/.data/ for reruns; the index built with
# `praxis search reindex` (time and size reported); then p50/p99 of three query sets — two
# common words, two mid-frequency words, two rare words — through the index directly,
# through `GET /api/v1/search`, and through SQLite FTS5 with bm25 on the same corpus.
#
#   bench/search.sh [items, default 1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
items=${1:-1000000}

cargo build --release -p praxis -p praxis-bench --locked >/dev/null 2>&1
target=${CARGO_TARGET_DIR:-target}/release
bin=$target/praxis
bench=$target/praxis-bench

data="bench/.data/search-$items"
if [ ! -f "$data/praxis.db" ]; then
  rm -rf "$data"
  "$bench" generate --data-dir "$data" --items "$items"
  echo "database: $(du -h "$data/praxis.db" | cut -f1)"
fi

rm -rf "$data/search"
echo
echo "index build (praxis search reindex):"
/usr/bin/time -f "  %e s wall, %U s user, %M KB peak memory" "$bin" search reindex --data-dir "$data" 2>&1 | grep -v INFO
echo "  index size: $(du -sh "$data/search" | cut -f1) ($(find "$data/search" -name '*.idx' | wc -l) segments)"

"$bench" direct --data-dir "$data"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" serve --data-dir "$data" --listen "127.0.0.1:$port" >"$data/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do sleep 0.1; done
"$bench" http --base "http://127.0.0.1:$port"
kill $pid; wait $pid 2>/dev/null || true

"$bench" fts5 --data-dir "$data" --items "$items"
