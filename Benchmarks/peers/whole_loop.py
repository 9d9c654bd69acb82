"""The whole-loop peer: Optuna's TPESampler tuning scikit-learn's RandomForestClassifier on breast
cancer by 5-fold CV accuracy (cross_val_score, n_jobs=-1), 50 trials, the space of
Benchmarks/spaces/rf-breast-cancer.yaml; prints wall time and best CV accuracy per seed.
   VENV/bin/python Benchmarks/peers/whole_loop.py [--seeds 0,1,2] [--trials 50] [--rows sklearn|tunetrain]

--rows chooses the rows tuned on (named in each JSON line as "rows"):
  sklearn (the default): scikit-learn's own, train_test_split(test_size=0.2, random_state=seed,
      stratify=y) and cv=5 (an unshuffled StratifiedKFold);
  tunetrain: exactly the 455 training rows and 5 folds of `tune-train --model rf --search tpe
      --data breast_cancer --cv 5 --seed S` (its stratified 20% test part and shuffled stratified
      folds, both from seed S), rebuilt by tunetrain_rows.py and passed to cross_val_score as
      cv=[(train, test), ...]; the folds are the same for every trial, as in tune-train. Only the
      forests' random streams then differ between the two tools.

How the rows were shown to be tune-train's (2026-12-02, tune-train at ec4ebe6):
   VENV/bin/python Benchmarks/peers/tunetrain_rows.py --tune-train .build/release/tune-train --seeds 0,1,2
checks that scikit-learn's breast cancer table is the one compiled into tune-train (same rows in
the same order, malignant = 0, benign = 1); that the sizes agree (455 training rows, 114 test rows
of 42 malignant and 72 benign, five folds of 91 rows, 34 malignant and 57 benign each); and that
decision trees agree row for row: on one-feature tables of the same rows (mean radius, mean
texture, mean concave points), scikit-learn's fully grown DecisionTreeClassifier on the rebuilt
folds gets the same number of rows right as `tune-train train --model tree --cv 5 --seed S` in
every fold and on the test part (45 of 45 fold counts, 9 of 9 test counts for seeds 0-2), and
each of the 5 best trials a 10-trial `tune-train --model tree --search random --cv 5 --seed S`
study reports (the tuning path this benchmark takes) has the same mean CV accuracy as
scikit-learn with its parameters on the rebuilt folds (45 of 45), as has the final test accuracy
(9 of 9). Swapping a single pair of
same-class rows between two folds changes such per-fold counts in about 60% of cases, so a
wrong row would show. (With all 30 features the trees differ by a few rows per fold, as
scikit-learn's own do between random_state values: in small nodes several features split equally
well and each library breaks the tie by its own random feature order. scikit-learn's thresholds
are rounded to float32 for the comparison, as TuneTrain keeps them.)
"""
import argparse, json, time
import optuna
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import cross_val_score, train_test_split
from tunetrain_rows import check_builtin_table, tunetrain_rows

optuna.logging.set_verbosity(optuna.logging.ERROR)
parser = argparse.ArgumentParser(description="The whole-loop peer: Optuna TPE tuning a scikit-learn random forest on breast cancer by 5-fold CV.")
parser.add_argument("--seeds", default="0,1,2")
parser.add_argument("--trials", type=int, default=50)
parser.add_argument("--rows", choices=["sklearn", "tunetrain"], default="sklearn",
                    help="tune on scikit-learn's split and unshuffled folds (default), or on tune-train's rows and folds for --seed S")
args = parser.parse_args()
data = load_breast_cancer()
X, y = data.data, data.target
if args.rows == "tunetrain":
    check_builtin_table("breast_cancer", X, y, data.target_names)
for seed in [int(s) for s in args.seeds.split(",")]:
    if args.rows == "tunetrain":
        train, _, folds = tunetrain_rows(y, seed, test_fraction=0.2, folds=5)
        X_train, y_train, cv = X[train], y[train], folds
    else:
        X_train, _, y_train, _ = train_test_split(X, y, test_size=0.2, random_state=seed, stratify=y)
        cv = 5

    def objective(trial):
        model = RandomForestClassifier(
            n_estimators=trial.suggest_int("n_estimators", 10, 200),
            max_depth=trial.suggest_int("max_depth", 2, 32, log=True),
            min_samples_split=trial.suggest_int("min_samples_split", 2, 10),
            min_samples_leaf=trial.suggest_int("min_samples_leaf", 1, 4),
            max_features={"all": None}.get(m := trial.suggest_categorical("max_features", ["sqrt", "log2", "all"]), m),
            random_state=seed)
        return cross_val_score(model, X_train, y_train, cv=cv, n_jobs=-1).mean()

    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=seed))
    start = time.perf_counter()
    study.optimize(objective, n_trials=args.trials)
    print(json.dumps({"benchmark": "whole-loop", "implementation": f"Optuna {optuna.__version__} + scikit-learn",
                      "seed": seed, "rows": args.rows, "train_rows": len(y_train),
                      "seconds": round(time.perf_counter() - start, 2), "best_cv": round(study.best_value, 4)}))
