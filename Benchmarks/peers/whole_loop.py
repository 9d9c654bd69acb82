"""The whole-loop peer: Optuna's TPESampler tuning scikit-learn's RandomForestClassifier on breast
cancer by 5-fold CV accuracy (cross_val_score, n_jobs=-1), 50 trials, the space of
Benchmarks/spaces/rf-breast-cancer.yaml; prints wall time and best CV accuracy per seed.
   VENV/bin/python Benchmarks/peers/whole_loop.py [--seeds 0,1,2]"""
import argparse, json, time
import optuna
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import cross_val_score, train_test_split

optuna.logging.set_verbosity(optuna.logging.ERROR)
parser = argparse.ArgumentParser()
parser.add_argument("--seeds", default="0,1,2")
parser.add_argument("--trials", type=int, default=50)
args = parser.parse_args()
X, y = load_breast_cancer(return_X_y=True)
for seed in [int(s) for s in args.seeds.split(",")]:
    X_train, _, y_train, _ = train_test_split(X, y, test_size=0.2, random_state=seed, stratify=y)

    def objective(trial):
        model = RandomForestClassifier(
            n_estimators=trial.suggest_int("n_estimators", 10, 200),
            max_depth=trial.suggest_int("max_depth", 2, 32, log=True),
            min_samples_split=trial.suggest_int("min_samples_split", 2, 10),
            min_samples_leaf=trial.suggest_int("min_samples_leaf", 1, 4),
            max_features={"all": None}.get(m := trial.suggest_categorical("max_features", ["sqrt", "log2", "all"]), m),
            random_state=seed)
        return cross_val_score(model, X_train, y_train, cv=5, n_jobs=-1).mean()

    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=seed))
    start = time.perf_counter()
    study.optimize(objective, n_trials=args.trials)
    print(json.dumps({"benchmark": "whole-loop", "implementation": f"Optuna {optuna.__version__} + scikit-learn",
                      "seed": seed, "seconds": round(time.perf_counter() - start, 2), "best_cv": round(study.best_value, 4)}))
