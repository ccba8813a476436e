#!/usr/bin/env bash
# Runs every fuzz target in parallel for SECONDS each (default 600), seeded
# from ../shared/corpus and fuzz/seeds. Findings land in fuzz/artifacts/;
# turn each into a regression test before fixing it.
#
#   cargo install cargo-fuzz   # once
#   fuzz/run.sh [SECONDS]
#
# cargo-fuzz wants nightly-only flags; RUSTC_BOOTSTRAP lets the stable
# toolchain accept them.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
shared=../../shared/corpus
targets=$(cargo fuzz list)

for target in $targets; do
    mkdir -p "corpus/$target"
done
cp seeds/set_loader/* corpus/set_loader/
cp "$shared"/articles/*.txt "$shared"/polnear-dev/text/*.txt corpus/article_decoder/
cp "$shared"/articles/*.txt "$shared"/polnear-dev/text/*.txt corpus/suggester/
if [ -d corpus/brat_importer ]; then
    cp "$shared"/articles/*.ann "$shared"/polnear-dev/gold/*.ann corpus/brat_importer/
fi

for target in $targets; do
    RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        > "$target.log" 2>&1 &
done
wait
for target in $targets; do
    echo "== $target"
    grep -E "stat::number_of_executed_units|Done [0-9]+ runs|ERROR|crash-" "$target.log" || true
done
