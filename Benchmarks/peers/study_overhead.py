"""Optuna's cost per trial beyond the objective, for Benchmarks' study-overhead: the same six-parameter
instant objective and trial counts, RandomSampler / QMCSampler / GridSampler in memory,
RandomSampler on SQLite, TPESampler and CmaEsSampler at --model-trials, GPSampler at --gp-trials.
   VENV/bin/python Benchmarks/peers/study_overhead.py [--trials N] [--stored-trials N] [--samplers a,b]"""
import argparse, json, math, os, sys, tempfile, time
import optuna

optuna.logging.set_verbosity(optuna.logging.ERROR)
parser = argparse.ArgumentParser()
parser.add_argument("--trials", type=int, default=1000)
parser.add_argument("--stored-trials", type=int, default=300)
parser.add_argument("--model-trials", default="100,300,1000")
parser.add_argument("--gp-trials", default="100,300")
parser.add_argument("--samplers", default=None, help="only these samplers, comma-separated")
args = parser.parse_args()


def objective(trial):
    x = trial.suggest_float("x", -5, 5)
    lr = trial.suggest_float("lr", 1e-5, 1e-1, log=True)
    layers = trial.suggest_int("layers", 1, 5)
    size = trial.suggest_categorical("size", [32, 64, 128, 256])
    optimizer = trial.suggest_categorical("optimizer", ["sgd", "adam", "rmsprop"])
    dropout = trial.suggest_float("dropout", 0, 0.5, step=0.05)
    return x * x + math.log10(lr) ** 2 / 10 + layers + size / 256 + (0 if optimizer == "adam" else 1) + dropout


grid = {"x": [-1.0, 0.0, 1.0], "lr": [1e-4, 1e-3, 1e-2], "layers": [1, 2, 3], "size": [32, 64],
        "optimizer": ["sgd", "adam"], "dropout": [0.0, 0.25]}
folder = tempfile.mkdtemp()
cases = [
    ("random", lambda: optuna.samplers.RandomSampler(seed=1), "memory", args.trials),
    ("qmc", lambda: optuna.samplers.QMCSampler(seed=1), "memory", args.trials),
    ("grid", lambda: optuna.samplers.GridSampler(grid, seed=1), "memory", 216),
    ("random", lambda: optuna.samplers.RandomSampler(seed=1), "sqlite", args.stored_trials),
]
for count in [int(c) for c in args.model_trials.split(",") if c]:
    cases.append(("tpe-independent", lambda: optuna.samplers.TPESampler(seed=1, multivariate=False), "memory", count))
    cases.append(("tpe-multivariate", lambda: optuna.samplers.TPESampler(seed=1, multivariate=True), "memory", count))
    cases.append(("cmaes", lambda: optuna.samplers.CmaEsSampler(seed=1), "memory", count))
for count in [int(c) for c in args.gp_trials.split(",") if c]:
    cases.append(("gp", lambda: optuna.samplers.GPSampler(seed=1), "memory", count))
if args.samplers:
    cases = [case for case in cases if case[0] in args.samplers.split(",")]
if any(case[0] == "gp" for case in cases):
    import torch  # GPSampler imports it lazily; not charged to the first study
for index, (name, make, storage, trials) in enumerate(cases):
    url = None if storage == "memory" else f"sqlite:///{os.path.join(folder, f's{index}.db')}"
    study = optuna.create_study(sampler=make(), storage=url)
    finishes = []
    start = time.perf_counter()
    study.optimize(objective, n_trials=trials, callbacks=[lambda s, t: finishes.append(time.perf_counter())])
    seconds = time.perf_counter() - start
    tail = max(len(finishes) // 10, 1)
    at_end = (finishes[-1] - finishes[-1 - tail]) / tail if len(finishes) > tail else 0.0
    print(json.dumps({"benchmark": "study-overhead", "implementation": f"Optuna {optuna.__version__}", "sampler": name,
                      "storage": storage, "trials": trials, "seconds": round(seconds, 3),
                      "microseconds_per_trial": round(seconds / trials * 1e6, 1),
                      "microseconds_per_trial_at_end": round(at_end * 1e6, 1)}))
    sys.stdout.flush()
