#!/usr/bin/env python3
"""Why `tune-train examples run iris-grid` and the documents' GridSearchCV example
(000_1fa8d7deb634aa7a.txt section 4.1) can name different best settings.

Runs GridSearchCV(RandomForestClassifier(random_state=S), the documents' 144-setting grid,
scoring="accuracy", n_jobs=1) on iris for each forest seed S, twice:
  sklearn-rows: as the document does: train_test_split(test_size=0.2, random_state=42) and cv=5
                (an unshuffled StratifiedKFold);
  tunetrain-rows: on the rows `tune-train examples run iris-grid` uses: its stratified split and
                shuffled stratified 5 folds from seed 42, reproduced by tunetrain_rows.py (a port
                of TuneTrain's SeededGenerator, trainTestSplit and StratifiedKFold, shared with
                whole_loop.py and checked against tune-train there).
For each it prints one JSON line: the best setting, its score, how many settings tie with it, and
the score and rank of TuneTrain's best setting (read from the example's --json output).

Usage: iris_grid_ties.py --ours iris-grid.json [--seeds 0,1] [--print-rows]
"""
import argparse, json
from sklearn.datasets import load_iris
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import GridSearchCV, train_test_split
from tunetrain_rows import check_builtin_table, tunetrain_rows

GRID = {"n_estimators": [10, 50, 100, 200], "max_depth": [None, 10, 20, 30],
        "min_samples_split": [2, 5, 10], "min_samples_leaf": [1, 2, 4]}


def search(name, X_train, y_train, cv, seed, ours):
    result = GridSearchCV(RandomForestClassifier(random_state=seed), GRID, cv=cv, scoring="accuracy", n_jobs=1).fit(X_train, y_train)
    scores = result.cv_results_["mean_test_score"]
    params = result.cv_results_["params"]
    best = max(scores)
    ours_index = params.index(ours)
    return {"rows": name, "forest_seed": seed, "best_params": result.best_params_, "best_cv": round(float(best), 4),
            "tied_at_best": int(sum(abs(s - best) < 1e-9 for s in scores)),
            "tunetrain_best_cv_here": round(float(scores[ours_index]), 4),
            "tunetrain_best_rank_here": int(result.cv_results_["rank_test_score"][ours_index])}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ours", required=True, help="the JSON of `tune-train examples run iris-grid --json`")
    parser.add_argument("--seeds", default="0,1", help="forest random_state values, comma-separated")
    parser.add_argument("--print-rows", action="store_true", help="print TuneTrain's split and folds and stop")
    arguments = parser.parse_args()
    ours = json.load(open(arguments.ours))["results"]["best_params"]
    data = load_iris()
    X, y = data.data, data.target
    check_builtin_table("iris", X, y, data.target_names)
    train, test, folds = tunetrain_rows(y, 42, 0.2, 5)
    if arguments.print_rows:
        print(json.dumps({"train": train, "test": test, "fold_tests": [fold[1] for fold in folds]}))
        return
    X_doc, _, y_doc, _ = train_test_split(X, y, test_size=0.2, random_state=42)
    for seed in [int(s) for s in arguments.seeds.split(",")]:
        print(json.dumps(search("sklearn", X_doc, y_doc, 5, seed, ours)), flush=True)
        print(json.dumps(search("tunetrain", X[train], y[train], folds, seed, ours)), flush=True)


if __name__ == "__main__":
    main()
