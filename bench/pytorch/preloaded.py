"""The same training as chapter.py, written the way an expert would: the whole data set decoded once
into tensors, one thread, logits with torch's fused cross-entropy, SGD on slices of a permutation.
Usage: preloaded.py DATA_DIR EPOCHS, where DATA_DIR holds the four Fashion-MNIST .gz files.
"""
import gzip
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

data_dir, epochs = sys.argv[1], int(sys.argv[2])
batch_size, lr = 256, 0.1
torch.set_num_threads(1)


def idx(name, header):
    with gzip.open(f"{data_dir}/{name}.gz", "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=header)


def images(name):
    return torch.from_numpy(idx(name, 16).reshape(-1, 784).astype(np.float32) / 255.0)


def labels(name):
    return torch.from_numpy(idx(name, 8).astype(np.int64))


X_train, y_train = images("train-images-idx3-ubyte"), labels("train-labels-idx1-ubyte")
X_test, y_test = images("t10k-images-idx3-ubyte"), labels("t10k-labels-idx1-ubyte")

W = torch.normal(0, 0.01, size=(784, 10))
b = torch.zeros(10)
W.requires_grad_()
b.requires_grad_()

for epoch in range(1, epochs + 1):
    start = time.perf_counter()
    order = torch.randperm(len(y_train))
    loss_sum, hits = 0.0, 0
    for first in range(0, len(order), batch_size):
        rows = order[first:first + batch_size]
        X, y = X_train[rows], y_train[rows]
        logits = X @ W + b
        loss = F.cross_entropy(logits, y)
        loss.backward()
        with torch.no_grad():
            W -= lr * W.grad
            b -= lr * b.grad
            W.grad.zero_()
            b.grad.zero_()
            loss_sum += float(loss) * len(y)
            hits += int((logits.argmax(1) == y).sum())
    with torch.no_grad():
        test_acc = float(((X_test @ W + b).argmax(1) == y_test).float().mean())
    print(f"{epoch:5d}  {loss_sum / len(y_train):10.4f}  {hits / len(y_train):9.4f}  {test_acc:8.4f}  "
          f"{time.perf_counter() - start:7.4f} s", flush=True)
