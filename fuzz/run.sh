#!/usr/bin/env bash
# Run one fuzz target for N seconds (default 600), one job, one worker.
# Usage: fuzz/run.sh TARGET [SECONDS]
set -euo pipefail
cd "$(dirname "$0")"
t=$1; secs=${2:-600}
mkdir -p logs/"$t" corpus/"$t" artifacts/"$t"
cd logs/"$t"  # libFuzzer writes fuzz-0.log here; its last lines hold the final stats
exec nice -n 10 cargo +nightly fuzz run --fuzz-dir ../.. "$t" ../../corpus/"$t" -- \
  -max_total_time="$secs" -rss_limit_mb=4096 -timeout=10 -jobs=1 -workers=1 -print_final_stats=1 \
  -artifact_prefix=../../artifacts/"$t"/
