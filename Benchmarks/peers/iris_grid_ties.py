#!/usr/bin/env python3
"""Why `tune-train examples run iris-grid` and the documents' GridSearchCV example
(000_1fa8d7deb634aa7a.txt section 4.1) can name different best settings.

Runs GridSearchCV(RandomForestClassifier(random_state=S), the documents' 144-setting grid,
scoring="accuracy", n_jobs=1) on iris for each forest seed S, twice:
  sklearn-rows: as the document does: train_test_split(test_size=0.2, random_state=42) and cv=5
                (an unshuffled StratifiedKFold);
  tunetrain-rows: on the rows `tune-train examples run iris-grid` uses: its stratified split and
                shuffled stratified 5 folds from seed 42, reproduced here by a port of TuneTrain's
                SeededGenerator (xoshiro256** seeded by SplitMix64, Lemire's bounded integers,
                Fisher-Yates) and of TuneData's trainTestSplit and StratifiedKFold.
For each it prints one JSON line: the best setting, its score, how many settings tie with it, and
the score and rank of TuneTrain's best setting (read from the example's --json output).

Usage: iris_grid_ties.py --ours iris-grid.json [--seeds 0,1] [--print-rows]
"""
import argparse, json, math
from sklearn.datasets import load_iris
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import GridSearchCV, train_test_split

MASK = (1 << 64) - 1


def rotate_left(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class SeededGenerator:
    """TuneTensor's SeededGenerator: xoshiro256** seeded through SplitMix64."""

    def __init__(self, seed):
        state, self.s = seed, []
        for _ in range(4):
            state = (state + 0x9E3779B97F4A7C15) & MASK
            z = state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            self.s.append(z ^ (z >> 31))

    def next(self):
        s0, s1, s2, s3 = self.s
        result = (rotate_left((s1 * 5) & MASK, 7) * 9) & MASK
        t = (s1 << 17) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate_left(s3, 45)
        self.s = [s0, s1, s2, s3]
        return result

    def integer(self, span):
        """Uniform in [0, span): Lemire's multiply-and-reject, as `integer(in:)`."""
        product = self.next() * span
        if product & MASK < span:
            threshold = ((1 << 64) - span) % span
            while product & MASK < threshold:
                product = self.next() * span
        return product >> 64

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.integer(i + 1)
            items[i], items[j] = items[j], items[i]


def rows_by_class(labels):
    return [[row for row, label in enumerate(labels) if label == c] for c in sorted(set(labels))]


def tunetrain_split(labels, test_fraction, seed):
    """TuneData's stratified trainTestSplit (every class here has an exact share, so the
    largest-remainder allocation is the plain proportion)."""
    rows, generator = len(labels), SeededGenerator(seed)
    test_count = math.ceil(test_fraction * rows)
    groups = rows_by_class(labels)
    shares = [len(group) * test_count / rows for group in groups]
    assert all(share == int(share) for share in shares), "a class without an exact share needs the remainder rule"
    train, test = [], []
    for group, share in zip(groups, shares):
        members = list(group)
        generator.shuffle(members)
        test += members[:int(share)]
        train += members[int(share):]
    generator.shuffle(train)
    generator.shuffle(test)
    return train, test


def tunetrain_folds(labels, folds, seed):
    """TuneData's StratifiedKFold(shuffle: true): each class shuffled, dealt round-robin."""
    generator, parts, next_fold = SeededGenerator(seed), [[] for _ in range(folds)], 0
    for group in rows_by_class(labels):
        members = list(group)
        generator.shuffle(members)
        for row in members:
            parts[next_fold].append(row)
            next_fold = (next_fold + 1) % folds
    return [([r for r in range(len(labels)) if r not in set(part)], sorted(part)) for part in parts]


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
    X, y = load_iris(return_X_y=True)
    train, test = tunetrain_split(list(y), 0.2, 42)
    folds = tunetrain_folds(list(y[train]), 5, 42)
    if arguments.print_rows:
        print(json.dumps({"train": train, "test": test, "fold_tests": [fold[1] for fold in folds]}))
        return
    X_doc, _, y_doc, _ = train_test_split(X, y, test_size=0.2, random_state=42)
    for seed in [int(s) for s in arguments.seeds.split(",")]:
        print(json.dumps(search("sklearn", X_doc, y_doc, 5, seed, ours)), flush=True)
        print(json.dumps(search("tunetrain", X[train], y[train], folds, seed, ours)), flush=True)


if __name__ == "__main__":
    main()
