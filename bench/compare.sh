#!/usr/bin/env bash
# Times a whole training run (10 epochs, batch 256, lr 0.1, test accuracy after each epoch) three
# ways on this machine, side by side (the three take turns, run after run), and prints the
# processor, each one's median wall time and its ratio to softmax4j, and the median epoch (epochs
# 2 to 10 of every timed run) of softmax4j and of the preloaded PyTorch with their ratio:
#   softmax4j  ./softmax4j train
#   chapter    d2l section 3.6 in PyTorch: torchvision data set, DataLoader with 4 workers
#   preloaded  PyTorch with the data set decoded into tensors up front, one thread
# Needs python3 with torch and torchvision (Debian: apt-get install python3-torch python3-torchvision)
# and the Fashion-MNIST files (apt-get install dataset-fashion-mnist, or FASHION_MNIST_DIR).
# Usage: bench/compare.sh [RUNS]   (default 5 runs of each, after one unmeasured warm-up run)
set -euo pipefail

runs="${1:-5}"
home="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
python="${PYTHON:-/usr/bin/python3}"
data="${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$python" -c 'import torch, torchvision' 2>/dev/null || {
    echo "compare.sh: $python cannot import torch and torchvision; install python3-torch python3-torchvision" >&2
    exit 1
}
for name in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
    [ -f "$data/$name.gz" ] || { echo "compare.sh: $data/$name.gz not found; set FASHION_MNIST_DIR" >&2; exit 1; }
done

# torchvision reads the uncompressed files from ROOT/FashionMNIST/raw, as after its own download
mkdir -p "$work/torchvision/FashionMNIST/raw"
for file in "$data"/*.gz; do
    gzip -dc "$file" > "$work/torchvision/FashionMNIST/raw/$(basename "$file" .gz)"
done
"$home/softmax4j" --version > /dev/null   # builds the jar if needed, outside the timing

# median of the numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# one NAME RUN COMMAND...: runs the command once in $work, its output in $work/NAME.RUN.log; run 0
# is the unmeasured warm-up, the others append their wall seconds to $work/NAME.times
one() {
    local name="$1" run="$2"; shift 2
    local start end
    start=$(date +%s.%N)
    (cd "$work" && "$@" > "$work/$name.$run.log" 2>&1)
    end=$(date +%s.%N)
    [ "$run" -eq 0 ] || echo "$end - $start" | bc -l >> "$work/$name.times"
}

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(java -version 2>&1 | head -1)"
echo "torch:   $("$python" -c 'import torch; print(torch.__version__)'), $runs runs each, median wall time of the whole process"
echo
for run in $(seq 0 "$runs"); do
    one softmax4j "$run" "$home/softmax4j" train --data-dir "$data" --out "$work/softmax4j-run-$run"
    one chapter "$run" "$python" "$home/bench/pytorch/chapter.py" "$work/torchvision" 10
    one preloaded "$run" "$python" "$home/bench/pytorch/preloaded.py" "$data" 10
done
s4j=$(median < "$work/softmax4j.times")
chapter=$(median < "$work/chapter.times")
preloaded=$(median < "$work/preloaded.times")
# epochs 2 to 10 of the timed runs: softmax4j's from its metrics.json, PyTorch's from its last column
s4j_epoch=$(for run in $(seq "$runs"); do
    "$python" -c 'import json, sys
for e in json.load(open(sys.argv[1]))["epochs"][1:]: print(e["seconds"])' "$work/softmax4j-run-$run/metrics.json"
done | median)
preloaded_epoch=$(for run in $(seq "$runs"); do
    grep -E '^ +([2-9]|10) ' "$work/preloaded.$run.log" | awk '{ print $5 }'
done | median)

printf '%-10s %10s %14s %12s\n' "run" "wall (s)" "vs softmax4j" "test acc"
row() {
    printf '%-10s %10.2f %13.1fx %12s\n' "$1" "$2" "$(echo "$2 / $s4j" | bc -l)" \
        "$(grep -E '^ +10 ' "$work/$1.$runs.log" | awk '{ print $4 }')"
}
row softmax4j "$s4j"
row chapter "$chapter"
row preloaded "$preloaded"
echo
printf 'median epoch (2 to 10): softmax4j %.1f ms, preloaded PyTorch %.1f ms\n' \
    "$(echo "$s4j_epoch * 1000" | bc -l)" "$(echo "$preloaded_epoch * 1000" | bc -l)"
printf 'softmax4j against the preloaded PyTorch: %.1fx the whole process, %.1fx per epoch\n' \
    "$(echo "$preloaded / $s4j" | bc -l)" "$(echo "$preloaded_epoch / $s4j_epoch" | bc -l)"
