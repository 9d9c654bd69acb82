#!/usr/bin/env python3
"""Prints PyTorch's parameters after each of five optimizer steps on a fixed quadratic, the
expected values in Tests/TuneOptimTests/OptimizerReferenceTests.swift.

Problem: f(w) = ½·Σ cᵢ·wᵢ² + b·w, so ∇f(w) = c∘w + b, from w₀ = [1, -2, 0.5] with
c = [1, 4, 0.25], b = [0.1, -0.3, 0.2], learning rate 0.1, float64.

    python3 -m venv /tmp/tt-peers && /tmp/tt-peers/bin/pip install torch
    /tmp/tt-peers/bin/python Scripts/reference-optimizer-steps.py
"""
import torch

torch.set_default_dtype(torch.float64)
c = torch.tensor([1.0, 4.0, 0.25])
b = torch.tensor([0.1, -0.3, 0.2])

cases = {
    "sgd": lambda p: torch.optim.SGD(p, lr=0.1),
    "sgdWeightDecay": lambda p: torch.optim.SGD(p, lr=0.1, weight_decay=0.01),
    "momentumDampened": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, dampening=0.1),
    "nesterov": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True),
    "rmsprop": lambda p: torch.optim.RMSprop(p, lr=0.1),
    "rmspropCenteredMomentum": lambda p: torch.optim.RMSprop(p, lr=0.1, centered=True, momentum=0.5, weight_decay=0.01),
    "adam": lambda p: torch.optim.Adam(p, lr=0.1),
    "adamAMSGradWeightDecay": lambda p: torch.optim.Adam(p, lr=0.1, amsgrad=True, weight_decay=0.01),
    "adamW": lambda p: torch.optim.AdamW(p, lr=0.1, weight_decay=0.1),
}

print(f"// torch {torch.__version__}")
for name, make in cases.items():
    w = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
    optimizer = make([w])
    steps = []
    for _ in range(5):
        optimizer.zero_grad()
        loss = 0.5 * (c * w * w).sum() + (b * w).sum()
        loss.backward()
        optimizer.step()
        steps.append("[" + ", ".join(repr(float(x)) for x in w.detach()) + "]")
    print(f'"{name}": [\n    ' + ",\n    ".join(steps) + "],")
