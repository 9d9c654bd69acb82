"""Reference values for Tests/TuneSearchTests/GaussianProcessTests.swift: the posterior of a
Gaussian process with a Matérn-5/2 ARD kernel on a three-point example, computed directly from the
textbook formulas (Rasmussen & Williams 2006, eq. 2.25-2.26) with NumPy, and its log marginal
likelihood (eq. 2.30).   python3 Scripts/reference-gp-posterior.py"""
import numpy as np

X = np.array([[0.1, 0.2], [0.5, 0.9], [0.8, 0.4]])
y = np.array([1.0, -0.5, 0.25])
eta = np.array([4.0, 0.5])        # inverse squared length scales
signal, noise = 1.5, 0.01
tests = np.array([[0.3, 0.3], [0.5, 0.9], [1.0, 0.0]])


def matern(a, b):
    s = (((a[:, None, :] - b[None, :, :]) ** 2) * eta).sum(-1)
    r = np.sqrt(5 * s)
    return signal * (1 + r + r * r / 3) * np.exp(-r)


K = matern(X, X) + noise * np.eye(3)
Ks = matern(tests, X)
alpha = np.linalg.solve(K, y)
mean = Ks @ alpha
var = signal - np.einsum("ij,ji->i", Ks, np.linalg.solve(K, Ks.T))
logml = -0.5 * y @ alpha - 0.5 * np.linalg.slogdet(K)[1] - 1.5 * np.log(2 * np.pi)
np.set_printoptions(precision=17)
print("means", repr(mean))
print("variances", repr(var))
print("log marginal likelihood", repr(logml))
