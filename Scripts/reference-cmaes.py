#!/usr/bin/env python3
"""Prints the state of the `cmaes` package's CMA (the backend of Optuna's CmaEsSampler) after
three generations told fixed solutions: the reference values written into
Tests/TuneSearchTests/CMAESTests.swift.

    python3 -m venv /tmp/tt-cmaes && /tmp/tt-cmaes/bin/pip install -q cmaes numpy
    /tmp/tt-cmaes/bin/python Scripts/reference-cmaes.py

No bounds are given, so `tell` is the textbook update (Hansen 2016, with negative weights) and
nothing is clipped. Solution i of generation k is mean + sigma * z with
z[j] = 1.7 * sin(1 + 21k + 3i + j), valued by sum((j + 1) * x[j]^2); the Swift test builds the
same solutions from its own state's mean and sigma.
"""
import math

import cmaes
import numpy as np

DIMENSION = 3
GENERATIONS = 3


def objective(x):
    return sum((j + 1) * x[j] ** 2 for j in range(len(x)))


def swift_array(values):
    return "[" + ", ".join(repr(float(v)) for v in values) + "]"


optimizer = cmaes.CMA(mean=np.array([0.5, -0.3, 1.2]), sigma=0.7)
print(f"// cmaes {cmaes.__version__ if hasattr(cmaes, '__version__') else '?'}, numpy {np.__version__}, "
      f"population size {optimizer.population_size}")
for k in range(GENERATIONS):
    solutions = []
    for i in range(optimizer.population_size):
        z = np.array([1.7 * math.sin(1 + 21 * k + 3 * i + j) for j in range(DIMENSION)])
        x = optimizer.mean + optimizer._sigma * z
        solutions.append((x, objective(x)))
    optimizer.tell(solutions)
    print(f"// generation {k + 1}")
    print(f"mean: {swift_array(optimizer._mean)},")
    print(f"sigma: {float(optimizer._sigma)!r},")
    print(f"covariance: {swift_array(optimizer._C.ravel())},")
    print(f"pSigma: {swift_array(optimizer._p_sigma)},")
    print(f"pC: {swift_array(optimizer._pc)},")
