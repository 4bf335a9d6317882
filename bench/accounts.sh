#!/usr/bin/env bash
# Can an outsider tell registered addresses from others by how long the answer takes? (issue 12)
# Times, on loopback against a release `praxis serve --demo`, sign-up with a registered address
# against a new one, and a reset request for a registered address against an unknown one,
# interleaved, then compares the medians with the noise of two halves of the same kind. Fails
# when a gap is larger than the noise allows (3 ms, or three times the noise when that is more).
#
#   bench/accounts.sh [requests per kind, default 60]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-60}

cargo build --release -p praxis --locked >/dev/null 2>&1
bin=${CARGO_TARGET_DIR:-target}/release/praxis
dir=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# The allowances would stop a timing run long before it ends: raised for it.
PRAXIS__MAIL__QUOTA_VISITOR_ADDRESS_PER_HOUR=1000000 PRAXIS__MAIL__QUOTA_RECIPIENT_PER_HOUR=1000000 \
  "$bin" serve --demo --data-dir "$dir" --listen "127.0.0.1:$port" >"$dir/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
base="http://127.0.0.1:$port"
until curl -fs "$base/healthz" >/dev/null 2>&1; do sleep 0.1; done
sleep 2

BASE="$base" N="$n" python3 - <<'EOF'
import http.cookiejar, os, statistics, sys, time, urllib.parse, urllib.request

base, n = os.environ["BASE"], int(os.environ["N"])
jar = http.cookiejar.CookieJar()
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
opener.open(base + "/signup").read()
csrf = next(c.value for c in jar if c.name == "praxis_csrf")

def post(path, fields):
    data = urllib.parse.urlencode({"csrf_token": csrf, **fields}).encode()
    start = time.perf_counter()
    try:
        opener.open(base + path, data).read()
    except urllib.error.HTTPError as e:
        e.read()
        if e.code not in (303,):
            sys.exit(f"{path} answered {e.code}")
    return (time.perf_counter() - start) * 1000

kinds = {
    "sign-up, registered address": lambda i: post("/signup", {"email": "amira@demo.example", "password": "correct horse battery staple", "display_name": "Someone"}),
    "sign-up, new address": lambda i: post("/signup", {"email": f"new-{i}-{time.time_ns()}@example.org", "password": "correct horse battery staple", "display_name": "Someone"}),
    "reset, registered address": lambda i: post("/forgot-password", {"email": "amira@demo.example"}),
    "reset, unknown address": lambda i: post("/forgot-password", {"email": f"ghost-{i}@example.org"}),
}
for k in kinds:  # warm up
    kinds[k](0)
times = {k: [] for k in kinds}
for i in range(n):
    for k, f in kinds.items():
        times[k].append(f(i))

print(f"{'request (' + str(n) + ' each, interleaved)':40} {'median':>9} {'p90':>9}")
for k, t in times.items():
    q = statistics.quantiles(t, n=10)
    print(f"{k:40} {statistics.median(t):8.1f}ms {q[8]:8.1f}ms")

failed = False
for a, b in [("sign-up, registered address", "sign-up, new address"), ("reset, registered address", "reset, unknown address")]:
    gap = abs(statistics.median(times[a]) - statistics.median(times[b]))
    # The noise: the same kind's two halves, of both kinds.
    noise = max(abs(statistics.median(t[::2]) - statistics.median(t[1::2])) for t in (times[a], times[b]))
    allowed = max(3.0, 3 * noise)
    verdict = "within noise" if gap <= allowed else "TELLS THEM APART"
    failed |= gap > allowed
    print(f"{a.split(',')[0]}: gap between medians {gap:.1f} ms, noise {noise:.1f} ms, allowed {allowed:.1f} ms: {verdict}")
sys.exit(1 if failed else 0)
EOF
