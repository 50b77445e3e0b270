#!/usr/bin/env bash
# Runs ./softmax4j with the given arguments and prints each line it writes (stdout and stderr)
# after the seconds since the start, then the seconds to its exit: where a run's time goes, e.g.
# when the data: line comes, how long the first epoch takes, how long the pictures take after the
# last epoch. The tool is built first if needed, outside the timing.
# Usage: bench/timeline.sh train [OPTIONS]      (for example: bench/timeline.sh train --out /tmp/t)
set -euo pipefail

home="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
"$home/softmax4j" --version > /dev/null
start=$(date +%s%N)
status=0
"$home/softmax4j" "$@" 2>&1 | while IFS= read -r line; do
    printf '%6.3f  %s\n' "$(( $(date +%s%N) - start ))e-9" "$line"
done || status=$?
printf '%6.3f  (exit)\n' "$(( $(date +%s%N) - start ))e-9"
exit "$status"
