#!/usr/bin/env bash
# Times a whole training run (10 epochs, batch 256, lr 0.1, test accuracy after each epoch) three
# ways on this machine and prints each one's median wall time and its ratio to softmax4j:
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

# time NAME COMMAND...: one warm-up run, then $runs timed runs; prints the median wall seconds
time_runs() {
    local name="$1"; shift
    local times="$work/$name.times"
    (cd "$work" && "$@" > "$work/$name.log" 2>&1)
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s.%N)
        (cd "$work" && "$@" > "$work/$name.log" 2>&1)
        end=$(date +%s.%N)
        echo "$end - $start" | bc -l >> "$times"
    done
    median < "$times"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
echo "torch:   $("$python" -c 'import torch; print(torch.__version__)'), $runs runs each, median wall time of the whole process"
echo
s4j=$(time_runs softmax4j "$home/softmax4j" train --data-dir "$data")
chapter=$(time_runs chapter "$python" "$home/bench/pytorch/chapter.py" "$work/torchvision" 10)
preloaded=$(time_runs preloaded "$python" "$home/bench/pytorch/preloaded.py" "$data" 10)

printf '%-10s %10s %14s %12s\n' "run" "wall (s)" "vs softmax4j" "test acc"
row() {
    printf '%-10s %10.2f %13.1fx %12s\n' "$1" "$2" "$(echo "$2 / $s4j" | bc -l)" \
        "$(grep -E '^ +10 ' "$work/$1.log" | awk '{ print $4 }')"
}
row softmax4j "$s4j"
row chapter "$chapter"
row preloaded "$preloaded"
