#!/usr/bin/env bash
# Whole-process load+check of generated flows: user+sys CPU time and peak RSS from
# /usr/bin/time -v, for this checkout and (interleaved, in the same run) a baseline
# revision, so a busy machine slows both alike. Prints each run, then min / median / max.
#
# Usage: benches/load_process.sh [RUNS] [BASELINE-REV] [SIZES]
#   RUNS          runs of each binary at each size (default 7)
#   BASELINE-REV  git revision to compare with (default: none); built once into
#                 $TMPDIR/signin-doctor-baseline-REV (its own target folder)
#   SIZES         node counts (default "1000 10000 100000"); 100,000 nodes is 67 MB,
#                 over the 16 MiB file limit, which examples/load_flow does not apply.
# Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-7}
baseline=${2:-}
sizes=${3:-1000 10000 100000}
tmp=${TMPDIR:-/tmp}

cargo build --release --quiet --example load_flow --example gen_flow
declare -A binary=([new]=target/release/examples/load_flow)
if [ -n "$baseline" ]; then
    rev=$(git rev-parse --short "$baseline")
    dir="$tmp/signin-doctor-baseline-$rev"
    if [ ! -x "$dir/target/release/examples/load_flow" ]; then
        mkdir -p "$dir"
        git archive "$rev" | tar -x -C "$dir"
        (cd "$dir" && cargo build --release --quiet --example load_flow)
    fi
    binary[old]="$dir/target/release/examples/load_flow"
fi

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for nodes in $sizes; do
    flow="$tmp/signin-doctor-flow-$nodes.yaml"
    [ -s "$flow" ] || target/release/examples/gen_flow "$nodes" 1 > "$flow"
    for name in "${!binary[@]}"; do : > "$tmp/load-process-$name-$nodes.txt"; done
    for run in $(seq "$runs"); do
        # Swap the order every run, so neither binary always runs on a warmer cache.
        order=$( ((run % 2)) && echo "${!binary[@]}" || echo "${!binary[@]}" | tr ' ' '\n' | tac | tr '\n' ' ')
        for name in $order; do
            /usr/bin/time -v "${binary[$name]}" "$flow" load 2> "$tmp/load-process.time" > /dev/null
            awk -F': ' '
                /User time/ {user = $2} /System time/ {sys = $2}
                /Maximum resident set size/ {rss = $2}
                END {printf "%.3f %.1f\n", user + sys, rss / 1024}' \
                "$tmp/load-process.time" >> "$tmp/load-process-$name-$nodes.txt"
        done
    done
    for name in "${!binary[@]}"; do
        stats() {
            cut -d' ' -f"$1" "$tmp/load-process-$name-$nodes.txt" | sort -n |
                awk '{v[NR] = $1} END {printf "%s / %s / %s", v[1], v[int((NR + 1) / 2)], v[NR]}'
        }
        echo "$name $nodes nodes: user+sys $(stats 1) s, peak RSS $(stats 2) MiB (min / median / max of $runs)"
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
