#!/usr/bin/env bash
# Fills fuzz/corpus/load with the seed corpus: the shipped flows, the broken-flow corpus
# (tests/corpus), the kept regressions and a few small generated flows.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p fuzz/corpus/load
cp flows/*.yaml fuzz/corpus/load/
if [ -d tests/corpus ]; then
    find tests/corpus -type f -exec sh -c 'cp "$1" "fuzz/corpus/load/corpus-$(echo "$1" | tr / _)"' _ {} \;
fi
cp fuzz/seeds/* fuzz/corpus/load/
cp fuzz/regressions/* fuzz/corpus/load/ 2>/dev/null || true
cargo run --quiet --example gen_flow -- 5 1 > fuzz/corpus/load/generated-5.yaml
cargo run --quiet --example gen_flow -- 20 2 > fuzz/corpus/load/generated-20.yaml
echo "seeded $(ls fuzz/corpus/load | wc -l) files"
