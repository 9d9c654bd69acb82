#!/usr/bin/env python3
"""Prints the log densities of Optuna 5.0's Parzen estimator on a small fixed input, the reference
values written into Tests/TuneSearchTests/TPETests.swift.   python3 Scripts/reference-parzen-estimator.py"""
import numpy as np
import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.samplers._tpe.parzen_estimator import _ParzenEstimator, _ParzenEstimatorParameters
from optuna.samplers._tpe.sampler import default_weights

space = {
    "x": FloatDistribution(-5, 5),
    "lr": FloatDistribution(1e-4, 1, log=True),
    "n": IntDistribution(1, 9, step=2),
    "k": IntDistribution(1, 64, log=True),
    "c": CategoricalDistribution(["a", "b", "c"]),
}
observations = {
    "x": np.array([-1.0, 0.5, 2.0, 4.5]),
    "lr": np.array([1e-3, 0.02, 0.3, 1e-4]),
    "n": np.array([1.0, 3.0, 3.0, 9.0]),
    "k": np.array([2.0, 8.0, 60.0, 1.0]),
    "c": np.array([0.0, 2.0, 2.0, 1.0]),
}
parameters = _ParzenEstimatorParameters(prior_weight=1.0, consider_magic_clip=True, consider_endpoints=False,
                                        weights=default_weights, multivariate=False)
estimator = _ParzenEstimator(observations, space, parameters)
points = {
    "x": np.array([0.0, -4.9, 3.3]),
    "lr": np.array([0.01, 0.5, 2e-4]),
    "n": np.array([3.0, 7.0, 1.0]),
    "k": np.array([4.0, 64.0, 1.0]),
    "c": np.array([2.0, 0.0, 1.0]),
}
print("optuna", optuna.__version__)
print("joint", [repr(v) for v in estimator.log_pdf(points)])
for name in space:
    single = _ParzenEstimator({name: observations[name]}, {name: space[name]}, parameters)
    print(name, [repr(v) for v in single.log_pdf({name: points[name]})])
