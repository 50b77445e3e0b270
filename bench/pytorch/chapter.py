"""Softmax regression on Fashion-MNIST the way d2l section 3.6 writes it, for timing against softmax4j.

torchvision's FashionMNIST with ToTensor, a DataLoader with 4 workers, batch 256, the naive softmax,
the chapter's cross-entropy and minibatch SGD with lr 0.1, test accuracy after every epoch.
Usage: chapter.py ROOT EPOCHS, where ROOT/FashionMNIST/raw holds the four uncompressed IDX files.
"""
import sys
import time

import torch
import torchvision
from torch.utils import data
from torchvision import transforms

root, epochs = sys.argv[1], int(sys.argv[2])
batch_size, lr = 256, 0.1

to_tensor = transforms.ToTensor()
train_set = torchvision.datasets.FashionMNIST(root=root, train=True, transform=to_tensor, download=False)
test_set = torchvision.datasets.FashionMNIST(root=root, train=False, transform=to_tensor, download=False)
train_iter = data.DataLoader(train_set, batch_size, shuffle=True, num_workers=4)
test_iter = data.DataLoader(test_set, batch_size, shuffle=False, num_workers=4)

W = torch.normal(0, 0.01, size=(784, 10), requires_grad=True)
b = torch.zeros(10, requires_grad=True)


def softmax(X):
    X_exp = torch.exp(X)
    return X_exp / X_exp.sum(1, keepdim=True)


def net(X):
    return softmax(torch.matmul(X.reshape((-1, W.shape[0])), W) + b)


def cross_entropy(y_hat, y):
    return -torch.log(y_hat[range(len(y_hat)), y])


def correct(y_hat, y):
    return float((y_hat.argmax(axis=1).type(y.dtype) == y).sum())


def evaluate_accuracy(data_iter):
    hits, count = 0.0, 0
    with torch.no_grad():
        for X, y in data_iter:
            hits += correct(net(X), y)
            count += y.numel()
    return hits / count


def sgd(params, batch):
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch
            param.grad.zero_()


for epoch in range(1, epochs + 1):
    start = time.perf_counter()
    loss_sum, hits, count = 0.0, 0.0, 0
    for X, y in train_iter:
        y_hat = net(X)
        loss = cross_entropy(y_hat, y)
        loss.sum().backward()
        sgd([W, b], X.shape[0])
        loss_sum += float(loss.sum())
        hits += correct(y_hat, y)
        count += y.numel()
    test_acc = evaluate_accuracy(test_iter)
    print(f"{epoch:5d}  {loss_sum / count:10.4f}  {hits / count:9.4f}  {test_acc:8.4f}  "
          f"{time.perf_counter() - start:5.2f} s", flush=True)
