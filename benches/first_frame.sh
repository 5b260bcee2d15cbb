#!/usr/bin/env bash
# First-frame benchmark: the release signin-doctor against whiptail, both started in an
# 80x24 pseudo-terminal, interleaved; prints both medians and the ratio, of the wall-clock
# time and of the CPU time each had used when its frame was on screen (steadier on a busy machine).
# Usage: benches/first_frame.sh [RUNS]   (default 40; not part of CI)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v whiptail >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends whiptail >/dev/null
fi

cargo build --release --quiet --bin signin-doctor --example first_frame
# No saved session or outcome log from a developer's own runs may change what starts up.
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
export XDG_STATE_HOME="$state/state" XDG_DATA_HOME="$state/data"
target/release/examples/first_frame target/release/signin-doctor "${1:-40}"
echo
echo "The same first screen from a flow of only that question (what loading the whole flow costs):"
target/release/examples/first_frame target/release/signin-doctor "${1:-40}" --flow benches/first-question.yaml
