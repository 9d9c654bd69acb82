"""Python peers on the sample-efficiency benchmark's functions (Branin, Hartmann-6, Rosenbrock-4,
Ackley-5, Levy-4): mean, median and standard error of the regret (best value so far minus the known
minimum) after 25, 50 and 100 trials over seeds 0..N-1, and the mean wall time of one study.

    VENV/bin/python Benchmarks/peers/sample_efficiency.py [--seeds 20] [--trials 100]
        [--samplers random,tpe-independent,tpe-multivariate] [--traces FILE]

Samplers, each built as its library documents it, with its defaults unless stated:
  random, tpe-independent, tpe-multivariate
      Optuna's RandomSampler(seed), TPESampler(seed, multivariate=False | True).
  optuna-gp
      Optuna's GPSampler(seed): 10 random startup trials, then a Matern-5/2 GP with a fitted noise
      variance (deterministic_objective=False) and log expected improvement. Optuna's documentation
      advises OMP_NUM_THREADS=1 in the environment when its run time matters (PyTorch reads it at
      import); the wall time reported is for the environment the script runs in.
  optuna-cmaes
      Optuna's CmaEsSampler(seed): the first trial random, then CMA-ES on the box scaled to the
      unit cube, from its centre with sigma0 = 1/6 and population 4 + floor(3 ln d).
      The centre is Ackley's minimum and close to Levy's, which favours it on those two.
  skopt-gp
      scikit-optimize's gp_minimize(n_calls=trials, random_state=seed) over Real dimensions: 10
      random initial points (n_initial_points=10, initial_point_generator="random"), a Matern-2.5
      GP with fitted Gaussian noise (noise="gaussian"), acq_func="gp_hedge" (chooses among LCB, EI
      and PI each iteration, xi=0.01, kappa=1.96), acquisition minimised by L-BFGS from 5 restarts
      among 10,000 random points (acq_optimizer="auto" -> "lbfgs"). Needs trials >= 10.
  hyperopt-tpe
      Hyperopt's fmin(algo=tpe.suggest, max_evals=trials, rstate=np.random.default_rng(seed)) over
      hp.uniform per dimension: 20 random startup trials (n_startup_jobs=20), gamma=0.25, 24 EI
      candidates, prior_weight=1.
  pymoo-ga
      pymoo's GA(pop_size=20) with its default operators: random initial population in the box
      (FloatRandomSampling), binary tournament selection comparing constraint violation then
      fitness, SBX crossover (prob=0.9, eta=15, prob_var=0.5), polynomial mutation (PM, prob=0.9,
      eta=20, each variable with probability min(0.5, 1/d)), 20 offspring a generation,
      duplicates eliminated, and fitness survival of the best 20 of parents and offspring.
  pymoo-pso
      pymoo's PSO(pop_size=20) with its defaults: Latin hypercube initial swarm, random initial
      velocities, w=0.9, c1=c2=2.0 adapted each generation (adaptive=True), velocity capped at
      0.2 of the range per dimension, and the global best perturbed by polynomial mutation
      (pertube_best=True).
  Both run through pymoo's ask-and-tell interface (algorithm.setup(problem, seed=seed,
  termination=("n_eval", trials)), then ask, evaluate, tell), evaluating one individual at a time
  and stopping at exactly `trials` evaluations, in the middle of a population if need be.

Each sampler prints one JSON line per function on standard output, as the Swift side does. With
--traces FILE it also writes {"implementation", "seeds", "functions": {function: {sampler: [mean
over seeds of the best-so-far regret after trial 1..N]}}}, which `tune-train-bench plot-regret`
draws."""
import argparse, json, math, statistics, sys, time
import hyperopt
import numpy as np
import optuna
import pymoo
import skopt
from pymoo.algorithms.soo.nonconvex.ga import GA
from pymoo.algorithms.soo.nonconvex.pso import PSO
from pymoo.core.problem import Problem
from pymoo.problems.static import StaticProblem
import torch  # noqa: F401  GPSampler imports PyTorch lazily; importing it here keeps that out of its first study's time

optuna.logging.set_verbosity(optuna.logging.ERROR)
parser = argparse.ArgumentParser()
parser.add_argument("--seeds", type=int, default=20)
parser.add_argument("--trials", type=int, default=100)
parser.add_argument("--samplers", default="random,tpe-independent,tpe-multivariate",
                    help="comma-separated: random, tpe-independent, tpe-multivariate, optuna-gp, optuna-cmaes, skopt-gp, hyperopt-tpe, pymoo-ga, pymoo-pso")
parser.add_argument("--functions", default=None, help="only these functions, comma-separated")
parser.add_argument("--traces", metavar="FILE", help="write the mean best-so-far regret per trial as JSON")
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


def optuna_study(make_sampler):
    """Runs an Optuna study of `args.trials` trials with the sampler `make_sampler(seed)` builds;
    returns the objective values in trial order."""
    def run(f, bounds, seed):
        study = optuna.create_study(sampler=make_sampler(seed))
        study.optimize(lambda t: f([t.suggest_float(f"x{i}", lo, hi) for i, (lo, hi) in enumerate(bounds)]),
                       n_trials=args.trials)
        return [t.value for t in study.trials]
    return run


def skopt_gp(f, bounds, seed):
    """scikit-optimize's GP minimiser with its defaults; Real dimensions, because integer bounds
    would otherwise make it search integers."""
    result = skopt.gp_minimize(f, [skopt.space.Real(lo, hi) for lo, hi in bounds], n_calls=args.trials, random_state=seed)
    return [float(v) for v in result.func_vals]


def hyperopt_tpe(f, bounds, seed):
    """Hyperopt's TPE with its defaults; the Trials object keeps every loss in evaluation order."""
    trials = hyperopt.Trials()
    hyperopt.fmin(lambda x: f(list(x)), [hyperopt.hp.uniform(f"x{i}", lo, hi) for i, (lo, hi) in enumerate(bounds)],
                  algo=hyperopt.tpe.suggest, max_evals=args.trials, trials=trials, rstate=np.random.default_rng(seed),
                  show_progressbar=False)
    return trials.losses()


def pymoo_study(make_algorithm):
    """Runs the pymoo algorithm `make_algorithm()` builds through ask and tell for exactly
    `args.trials` evaluations: each individual asked for is evaluated one at a time, and the study
    stops at the budget even in the middle of a population (the last, partial population is not
    told). Returns the objective values in evaluation order."""
    def run(f, bounds, seed):
        problem = Problem(n_var=len(bounds), n_obj=1, xl=np.array([lo for lo, _ in bounds], dtype=float),
                          xu=np.array([hi for _, hi in bounds], dtype=float))
        algorithm = make_algorithm()
        algorithm.setup(problem, seed=seed, termination=("n_eval", args.trials))
        values = []
        while len(values) < args.trials:
            pop = algorithm.ask()
            F = []
            for individual in pop:
                if len(values) == args.trials:
                    break
                F.append(float(f(list(individual.X))))
                values.append(F[-1])
            if len(F) < len(pop):
                break
            algorithm.evaluator.eval(StaticProblem(problem, F=np.array(F)[:, None]), pop)
            algorithm.tell(infills=pop)
        return values
    return run


OPTUNA, SKOPT, HYPEROPT = f"Optuna {optuna.__version__}", f"scikit-optimize {skopt.__version__}", f"Hyperopt {hyperopt.__version__}"
PYMOO = f"pymoo {pymoo.__version__}"
SAMPLERS = {  # name: (implementation, study runner)
    "random": (OPTUNA, optuna_study(lambda seed: optuna.samplers.RandomSampler(seed=seed))),
    "tpe-independent": (OPTUNA, optuna_study(lambda seed: optuna.samplers.TPESampler(seed=seed, multivariate=False))),
    "tpe-multivariate": (OPTUNA, optuna_study(lambda seed: optuna.samplers.TPESampler(seed=seed, multivariate=True))),
    "optuna-gp": (OPTUNA, optuna_study(lambda seed: optuna.samplers.GPSampler(seed=seed))),
    "optuna-cmaes": (OPTUNA, optuna_study(lambda seed: optuna.samplers.CmaEsSampler(seed=seed))),
    "skopt-gp": (SKOPT, skopt_gp),
    "hyperopt-tpe": (HYPEROPT, hyperopt_tpe),
    "pymoo-ga": (PYMOO, pymoo_study(lambda: GA(pop_size=20))),
    "pymoo-pso": (PYMOO, pymoo_study(lambda: PSO(pop_size=20))),
}
samplers = args.samplers.split(",")
for sname in samplers:
    if sname not in SAMPLERS:
        raise SystemExit(f"unknown sampler {sname}; known: {', '.join(SAMPLERS)}")

checkpoints = [c for c in (25, 50, 100) if c <= args.trials]
traces = {}
for fname, f, bounds, minimum in FUNCTIONS:
    if args.functions and fname not in args.functions.split(","):
        continue
    for sname in samplers:
        implementation, run = SAMPLERS[sname]
        regrets = {c: [] for c in checkpoints}
        trace_sum = np.zeros(args.trials)
        seconds = 0.0
        for seed in range(args.seeds):
            start = time.perf_counter()
            values = run(f, bounds, seed)
            seconds += time.perf_counter() - start
            if len(values) != args.trials:
                raise SystemExit(f"{sname} returned {len(values)} values for {args.trials} trials")
            best_so_far = np.minimum.accumulate(values) - minimum
            trace_sum += best_so_far
            for c in checkpoints:
                regrets[c].append(float(best_so_far[c - 1]))
        traces.setdefault(fname, {})[sname] = (trace_sum / args.seeds).tolist()
        row = {"benchmark": "sample-efficiency", "implementation": implementation, "function": fname,
               "sampler": sname, "seeds": args.seeds, "seconds_per_study": round(seconds / args.seeds, 3)}
        for c in checkpoints:
            r = regrets[c]
            row[f"mean_{c}"] = round(statistics.fmean(r), 6)
            row[f"median_{c}"] = round(statistics.median(r), 6)
            row[f"se_{c}"] = round(statistics.stdev(r) / math.sqrt(len(r)), 6) if len(r) > 1 else 0.0
        print(json.dumps(row))
        sys.stdout.flush()

if args.traces:
    implementations = list(dict.fromkeys(SAMPLERS[s][0] for s in samplers))
    with open(args.traces, "w") as file:
        json.dump({"implementation": ", ".join(implementations), "seeds": args.seeds, "functions": traces}, file)
        file.write("\n")
