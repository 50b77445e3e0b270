"""The grid of `softmax4j sweep --lr 0.03,0.1,0.3,1 --batch-size 64,256,1024 --seeds 2 --epochs 10`
written the way an expert writes it in PyTorch: one process using every core, the data decoded once into tensors,
10,000 training images held out for validation, plain minibatch SGD, the validation accuracy after
every epoch, the best epoch kept per run and the settings ranked by its mean over the seeds.
Usage: sweep.py DATA_DIR, where DATA_DIR holds the four Fashion-MNIST .gz files.
"""
import gzip
import itertools
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

data_dir = sys.argv[1]
torch.set_num_threads(os.cpu_count())
rates, batch_sizes, seeds, epochs, held_out = [0.03, 0.1, 0.3, 1.0], [64, 256, 1024], [1, 2], 10, 10000


def idx(name, header):
    with gzip.open(f"{data_dir}/{name}.gz", "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=header)


X_all = torch.from_numpy(idx("train-images-idx3-ubyte", 16).reshape(-1, 784).astype(np.float32) / 255.0)
y_all = torch.from_numpy(idx("train-labels-idx1-ubyte", 8).astype(np.int64))


def run(lr, batch_size, seed):
    torch.manual_seed(seed)
    split = torch.randperm(len(y_all))
    X_val, y_val = X_all[split[:held_out]], y_all[split[:held_out]]
    X_train, y_train = X_all[split[held_out:]], y_all[split[held_out:]]
    W = torch.normal(0, 0.01, size=(784, 10)).requires_grad_()
    b = torch.zeros(10, requires_grad=True)
    best = 0.0
    for _ in range(epochs):
        order = torch.randperm(len(y_train))
        for first in range(0, len(order), batch_size):
            rows = order[first:first + batch_size]
            loss = F.cross_entropy(X_train[rows] @ W + b, y_train[rows])
            loss.backward()
            with torch.no_grad():
                W -= lr * W.grad
                b -= lr * b.grad
                W.grad.zero_()
                b.grad.zero_()
        with torch.no_grad():
            best = max(best, ((X_val @ W + b).argmax(1) == y_val).float().mean().item())
    return best


results = {}
for lr, batch_size in itertools.product(rates, batch_sizes):
    results[(lr, batch_size)] = np.mean([run(lr, batch_size, seed) for seed in seeds])
for (lr, batch_size), accuracy in sorted(results.items(), key=lambda item: -item[1]):
    print(f"lr {lr:<5} batch {batch_size:<5} val acc {accuracy:.4f}")
