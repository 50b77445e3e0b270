#!/usr/bin/env bash
# Times the same sweep two ways on this machine, side by side, and prints each one's median wall
# time and the ratio: 4 learning rates x 3 batch sizes x 2 seeds x 10 epochs, 10,000 training
# images held out for validation, plain SGD, the settings ranked on validation.
#   softmax4j  ./softmax4j sweep --lr 0.03,0.1,0.3,1 --batch-size 64,256,1024 --seeds 2 --epochs 10
#   pytorch    bench/pytorch/sweep.py: one process, data preloaded into tensors
# Needs python3 with torch (Debian: apt-get install python3-torch) and the Fashion-MNIST files.
# Usage: bench/sweep-compare.sh [RUNS]   (default 3 runs of each, after one unmeasured warm-up run)
set -euo pipefail

runs="${1:-3}"
home="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
python="${PYTHON:-/usr/bin/python3}"
data="${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$python" -c 'import torch' 2>/dev/null || {
    echo "sweep-compare.sh: $python cannot import torch; install python3-torch" >&2
    exit 1
}
[ -f "$data/train-images-idx3-ubyte.gz" ] || { echo "sweep-compare.sh: no Fashion-MNIST in $data; set FASHION_MNIST_DIR" >&2; exit 1; }
"$home/softmax4j" --version > /dev/null   # builds the jar if needed, outside the timing

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# time NAME COMMAND...: one warm-up run, then $runs timed runs; prints the median wall seconds
time_runs() {
    local name="$1"; shift
    local times="$work/$name.times"
    for i in $(seq 0 "$runs"); do
        rm -rf "$work/sweep"
        local start end
        start=$(date +%s.%N)
        (cd "$work" && "$@" > "$work/$name.log" 2>&1)
        end=$(date +%s.%N)
        [ "$i" -eq 0 ] || echo "$end - $start" | bc -l >> "$times"
    done
    median < "$times"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
echo "torch:   $("$python" -c 'import torch; print(torch.__version__)') on $(nproc) threads, $runs runs each, median wall time of the whole process"
echo
s4j=$(time_runs softmax4j "$home/softmax4j" sweep --data-dir "$data" --lr 0.03,0.1,0.3,1 --batch-size 64,256,1024 \
    --seeds 2 --epochs 10 --out "$work/sweep")
torch_s=$(time_runs pytorch "$python" "$home/bench/pytorch/sweep.py" "$data")
printf '%-10s %10s %14s\n' "sweep" "wall (s)" "vs softmax4j"
printf '%-10s %10.2f %14s\n' softmax4j "$s4j" "1.0x"
printf '%-10s %10.2f %13.1fx\n' pytorch "$torch_s" "$(echo "$torch_s / $s4j" | bc -l)"
