#!/usr/bin/env bash
# The benchmark of issue 11 on PostgreSQL 15 (zonky) with a bare-Camunda baseline in the same engine;
# prints the table and writes BENCHMARKS.md (method: bench/METHOD.md). Not part of ./mvnw verify.
#
#   bench/run.sh                      # default sizes, ~10 minutes on 2 cores
#   bench/run.sh target               # the issue's sizes (100 letters, 10k reminders, 100k tasks, 1M assignments)
#   bench/run.sh default -Dbench.letters=50 -o    # one size changed, Maven offline
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-default}
shift || true
exec ./mvnw -B -Pbench verify -Dbench.size="$size" "$@"
