#!/usr/bin/env bash
# Measures goleak and the checker in one run on this machine, and prints both, one line a
# figure, with the checker's ratios taken against the goleak figures of this same run.
#
#   bash checker/benches/versus-goleak.sh PEER_DIR [OUT]
#
# With OUT (the book's is docs/src/img/verdicts.txt), the same lines go to that file too:
# the book quotes this run's figures, not figures typed in by hand.
#
# PEER_DIR holds the Go peer: the seed pattern and its goleak test, as a GOPATH-style
# package `seed` under PEER_DIR/src. Needs Go and goleak (Debian: golang-go and
# golang-uber-goleak-dev).
set -euo pipefail
peer=${1:?"usage: $0 PEER_DIR (the folder whose src/seed holds the Go peer)"}
[ -d "$peer/src/seed" ] || { echo "no Go peer in $peer/src/seed" >&2; exit 2; }
command -v go >/dev/null || { echo "go is not installed: apt-get install golang-go golang-uber-goleak-dev" >&2; exit 2; }
peer=$(cd "$peer" && pwd)
out=${2:+$(cd "$(dirname "$2")" && pwd)/$(basename "$2")}
cd "$(dirname "$0")/../.."
figures=$(cd "$peer" && GOPATH=$peer:/usr/share/gocode GO111MODULE=off go test -count=1 -v seed | grep '^peer ')
figure() { echo "$figures" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
measured=$(
    echo "$figures"
    GOLEAK_CLEAN_US=$(figure goleak_clean_verdict_median_us) \
    GOLEAK_CLEAN_1000_US=$(figure goleak_clean_verdict_1000_baseline_us) \
    GOLEAK_LEAK_MS=$(figure goleak_leak_verdict_ms) \
        cargo bench -q -p checker 2>/dev/null | grep '^checker '
)
echo "$measured"
# The book shows about 100 columns: its copy breaks long lines between words.
if [ -n "$out" ]; then echo "$measured" | fold -s -w 96 > "$out"; fi
