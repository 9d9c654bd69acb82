"""Optuna's samplers on the sample-efficiency benchmark's functions (Branin, Hartmann-6,
Rosenbrock-4, Ackley-5, Levy-4): mean, median and standard error of the regret after 25, 50 and 100
trials over seeds 0..N-1.   VENV/bin/python Benchmarks/peers/sample_efficiency.py [--seeds 20] [--trials 100]"""
import argparse, json, math, statistics, sys
import numpy as np
import optuna

optuna.logging.set_verbosity(optuna.logging.ERROR)
parser = argparse.ArgumentParser()
parser.add_argument("--seeds", type=int, default=20)
parser.add_argument("--trials", type=int, default=100)
parser.add_argument("--samplers", default="random,tpe-independent,tpe-multivariate")
args = parser.parse_args()


def branin(x):
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x[1] - b * x[0] ** 2 + c * x[0] - 6) ** 2 + 10 * (1 - t) * math.cos(x[0]) + 10


A = np.array([[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]])
P = 1e-4 * np.array([[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
                     [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]])
ALPHA = np.array([1.0, 1.2, 3.0, 3.2])


def hartmann6(x):
    return -float(np.sum(ALPHA * np.exp(-np.sum(A * (np.array(x) - P) ** 2, axis=1))))


def rosenbrock(x):
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(len(x) - 1))


def ackley(x):
    n = len(x)
    return -20 * math.exp(-0.2 * math.sqrt(sum(v * v for v in x) / n)) - math.exp(sum(math.cos(2 * math.pi * v) for v in x) / n) + 20 + math.e


def levy(x):
    w = [1 + (v - 1) / 4 for v in x]
    middle = sum((w[i] - 1) ** 2 * (1 + 10 * math.sin(math.pi * w[i] + 1) ** 2) for i in range(len(w) - 1))
    return math.sin(math.pi * w[0]) ** 2 + middle + (w[-1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[-1]) ** 2)


FUNCTIONS = [("branin", branin, [(-5, 10), (0, 15)], 0.397887357729739),
             ("hartmann6", hartmann6, [(0, 1)] * 6, -3.322368011391339),
             ("rosenbrock4", rosenbrock, [(-5, 10)] * 4, 0.0),
             ("ackley5", ackley, [(-32.768, 32.768)] * 5, 0.0),
             ("levy4", levy, [(-10, 10)] * 4, 0.0)]


def sampler(name, seed):
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    if name == "tpe-independent":
        return optuna.samplers.TPESampler(seed=seed, multivariate=False)
    if name == "tpe-multivariate":
        return optuna.samplers.TPESampler(seed=seed, multivariate=True)
    raise SystemExit(f"unknown sampler {name}")


checkpoints = [c for c in (25, 50, 100) if c <= args.trials]
for fname, f, bounds, minimum in FUNCTIONS:
    for sname in args.samplers.split(","):
        regrets = {c: [] for c in checkpoints}
        for seed in range(args.seeds):
            study = optuna.create_study(sampler=sampler(sname, seed))
            study.optimize(lambda t: f([t.suggest_float(f"x{i}", lo, hi) for i, (lo, hi) in enumerate(bounds)]), n_trials=args.trials)
            values = [t.value for t in study.trials]
            for c in checkpoints:
                regrets[c].append(min(values[:c]) - minimum)
        row = {"benchmark": "sample-efficiency", "implementation": f"Optuna {optuna.__version__}", "function": fname,
               "sampler": sname, "seeds": args.seeds}
        for c in checkpoints:
            r = regrets[c]
            row[f"mean_{c}"] = round(statistics.fmean(r), 6)
            row[f"median_{c}"] = round(statistics.median(r), 6)
            row[f"se_{c}"] = round(statistics.stdev(r) / math.sqrt(len(r)), 6) if len(r) > 1 else 0.0
        print(json.dumps(row))
        sys.stdout.flush()
