#!/usr/bin/env python3
"""PyTorch's side of `tune-train-bench mlp-throughput`: the documents' CIFAR-10 MLP
(3072 -> 256 -> 256 -> 10, ReLU), SGD momentum 0.9, lr 0.01, batch 128, one epoch over 50,000 random
CIFAR-shaped float32 rows on the CPU with 2 threads; the best of N epochs. Prints one JSON line.

    Benchmarks/peers/setup-venv && /tmp/tt-peers/bin/python Benchmarks/peers/mlp_throughput.py
"""
import argparse, json, time
import torch

parser = argparse.ArgumentParser()
parser.add_argument("--rows", type=int, default=50_000)
parser.add_argument("--epochs", type=int, default=3)
parser.add_argument("--threads", type=int, default=2)
args = parser.parse_args()

torch.set_num_threads(args.threads)
torch.manual_seed(1)
x = torch.rand(args.rows, 3, 32, 32, dtype=torch.float32)
y = torch.randint(0, 10, (args.rows,))
model = torch.nn.Sequential(
    torch.nn.Flatten(), torch.nn.Linear(3072, 256), torch.nn.ReLU(),
    torch.nn.Linear(256, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
loss_fn = torch.nn.CrossEntropyLoss()
flops = (2 * 2 * (3072 * 256 + 256 * 256 + 256 * 10) + 2 * (256 * 256 + 256 * 10)) * args.rows
best = float("inf")
for epoch in range(args.epochs):
    start = time.perf_counter()
    order = torch.randperm(args.rows)
    for i in range(0, args.rows, 128):
        index = order[i:i + 128]
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x[index]), y[index])
        loss.backward()
        optimizer.step()
    best = min(best, time.perf_counter() - start)
print(json.dumps({"benchmark": "mlp-throughput", "implementation": f"PyTorch {torch.__version__.split('+')[0]}",
                  "rows": args.rows, "epoch_seconds": round(best, 3), "samples_per_second": round(args.rows / best, 1),
                  "gflops": round(flops / best / 1e9, 3), "threads": args.threads}))
