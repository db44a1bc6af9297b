#!/usr/bin/env bash
# The whole load test in one command: builds the product, the baseline and the generator (Release), raises the
# open-file limit as far as allowed, and runs the generator pinned to core 1 (it starts each server on core 0).
# Usage: bench/run.sh [all | cpu latency rooms1000 knee classpush idle reconnect ...] [--quick] [options]
# Results: bench/results/<timestamp>/results.{md,json} (git-ignored); see bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(nproc --all)" -lt 2 ]; then
  echo "bench/run.sh: needs 2 cores (server on core 0, generator on core 1); found $(nproc --all)" >&2
  exit 1
fi

dotnet build bench/InterviewRoom.Bench -c Release -nologo -v quiet
export BENCH_COMMAND="bench/run.sh $*"
exec taskset -c 1 dotnet bench/InterviewRoom.Bench/bin/Release/net10.0/InterviewRoom.Bench.dll "$@"
