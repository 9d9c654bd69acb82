"""TuneTrain's rows in Python: which rows `tune-train ... --seed S` trains, tests and
cross-validates on, so that a peer (scikit-learn, Optuna) can run on exactly the same ones.

A line-by-line port of
  Sources/TuneTensor/SeededGenerator.swift            xoshiro256** seeded through SplitMix64
  Sources/TuneTensor/SeededGenerator+Distributions.swift
                                                      Lemire's bounded integers, Fisher-Yates
  Sources/TuneData/Splitting/TrainTestSplit.swift     trainTestSplit (largest-remainder class shares)
  Sources/TuneData/Splitting/CrossValidationFolds.swift  KFold, StratifiedKFold
and of how `tune-train` chains them (Sources/TuneExperiment/Tuning/TuningRun.swift,
TuningObjective.swift, TrainingRun.swift, TrainingRun+Evaluation.swift and
Sources/TuneModels/CrossValidation.swift): for `--seed S --test-size F --cv K` on a classification
table, both `tune-train train` and a tuning study (`tune-train --model ... --search ...`)
  1. split the table by trainTestSplit(testSize: .fraction(F), stratifyBy: class indices, seed: S);
  2. cross-validate on the training part, in its (shuffled) row order, with
     StratifiedKFold(folds: K, shuffle: true, seed: S) over the training part's class indices;
     every trial of a study uses the same folds (the study's seed, not a per-trial one).
`tunetrain_rows` returns both; fold indices are positions in the training part, as
scikit-learn's `cv=` wants them for X[train], y[train].

Labels must be TuneTrain's class indices. For the built-in tables these are scikit-learn's targets
(same rows in the same order, same class order: Datasets/README.md, BuiltInDataset.swift);
`check_builtin_table` asserts it against Datasets/NAME.csv, the file compiled into tune-train.

Run as a script to check the port against a tune-train binary (see `check_against_tune_train`):
   VENV/bin/python Benchmarks/peers/tunetrain_rows.py --tune-train .build/release/tune-train [--seeds 0,1,2]
"""
import csv, json, math, os, subprocess

MASK = (1 << 64) - 1
DATASETS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Datasets")


def _rotate_left(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class SeededGenerator:
    """TuneTensor's SeededGenerator: xoshiro256** seeded through SplitMix64."""

    def __init__(self, seed):
        state, self.s = seed & MASK, []
        for _ in range(4):
            state = (state + 0x9E3779B97F4A7C15) & MASK
            z = state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            self.s.append(z ^ (z >> 31))

    def next(self):
        s0, s1, s2, s3 = self.s
        result = (_rotate_left((s1 * 5) & MASK, 7) * 9) & MASK
        t = (s1 << 17) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = _rotate_left(s3, 45)
        self.s = [s0, s1, s2, s3]
        return result

    def integer(self, span):
        """Uniform in [0, span): Lemire's multiply-and-reject, as `integer(in: 0..<span)`."""
        product = self.next() * span
        if product & MASK < span:
            threshold = ((1 << 64) - span) % span
            while product & MASK < threshold:
                product = self.next() * span
        return product >> 64

    def shuffle(self, items):
        """Fisher-Yates in place, as `shuffle(_:)`."""
        for i in range(len(items) - 1, 0, -1):
            j = self.integer(i + 1)
            items[i], items[j] = items[j], items[i]

    def permutation(self, count):
        items = list(range(count))
        self.shuffle(items)
        return items


def rows_by_class(labels):
    """Row indices grouped by class index, classes in index order, rows ascending (empty classes
    dropped), as `rowsByClass`."""
    groups = [[] for _ in range(max(labels, default=-1) + 1)]
    for row, label in enumerate(labels):
        groups[label].append(row)
    return [group for group in groups if group]


def largest_remainder_allocation(total, shares, caps):
    """Integers summing to `total`: each share's floor (capped), plus one for the largest
    remainders, ties to the earlier group (a stable sort, as Swift's), as
    `largestRemainderAllocation`."""
    counts = [min(math.floor(share), cap) for share, cap in zip(shares, caps)]
    remaining = total - sum(counts)
    order = sorted(range(len(shares)), key=lambda g: -(shares[g] - math.floor(shares[g])))
    while remaining > 0:
        progressed = False
        for group in order:
            if remaining > 0 and counts[group] < caps[group]:
                counts[group] += 1
                remaining -= 1
                progressed = True
        if not progressed:
            break
    return counts


def test_rows(test_size, total):
    """`TestSize.rows(outOf:)`: a float is a fraction (ceil(fraction · rows), as scikit-learn),
    an int an exact count."""
    if isinstance(test_size, float):
        return math.ceil(test_size * float(total))
    return test_size


def train_test_split(row_count, test_size=0.25, stratify_by=None, shuffle=True, seed=0):
    """`trainTestSplit(rowCount:testSize:stratifyBy:shuffle:seed:)`: (train, test) row indices."""
    test_count = test_rows(test_size, row_count)
    if not 1 <= test_count < row_count:
        raise ValueError(f"test size {test_size} of {row_count} rows leaves an empty part")
    generator = SeededGenerator(seed)
    if stratify_by is None:
        order = generator.permutation(row_count) if shuffle else list(range(row_count))
        return order[test_count:], order[:test_count]
    labels = list(stratify_by)
    assert len(labels) == row_count
    by_class = rows_by_class(labels)
    test_per_class = largest_remainder_allocation(
        test_count, [float(len(rows)) * float(test_count) / float(row_count) for rows in by_class],
        [len(rows) for rows in by_class])
    train, test = [], []
    for rows, count in zip(by_class, test_per_class):
        members = list(rows)
        if shuffle:
            generator.shuffle(members)
        test += members[:count]
        train += members[count:]
    if shuffle:
        generator.shuffle(train)
        generator.shuffle(test)
    return train, test


def _check_fold_count(folds, rows):
    if folds < 2 or folds > rows:
        raise ValueError(f"cannot make {folds} folds of {rows} rows")


def k_fold(row_count, folds=5, shuffle=True, seed=0):
    """`KFold(folds:shuffle:seed:).splits(rowCount:)`: [(train, test)], consecutive blocks of the
    (shuffled) order, the first `rows % folds` one row larger."""
    _check_fold_count(folds, row_count)
    order = SeededGenerator(seed).permutation(row_count) if shuffle else list(range(row_count))
    result, start = [], 0
    for fold in range(folds):
        size = row_count // folds + (1 if fold < row_count % folds else 0)
        result.append((order[:start] + order[start + size:], order[start:start + size]))
        start += size
    return result


def stratified_k_fold(labels, folds=5, shuffle=True, seed=0):
    """`StratifiedKFold(folds:shuffle:seed:).splits(labels:)`: [(train, test)], each class's
    (shuffled) rows dealt round-robin, continuing where the previous class stopped; train rows
    ascending, test rows sorted."""
    labels = list(labels)
    _check_fold_count(folds, len(labels))
    generator, parts, next_fold = SeededGenerator(seed), [[] for _ in range(folds)], 0
    for group in rows_by_class(labels):
        members = list(group)
        if shuffle:
            generator.shuffle(members)
        for row in members:
            parts[next_fold].append(row)
            next_fold = (next_fold + 1) % folds
    result = []
    for part in parts:
        in_test = set(part)
        result.append(([row for row in range(len(labels)) if row not in in_test], sorted(part)))
    return result


def tunetrain_rows(labels, seed, test_fraction=0.2, folds=5):
    """The rows of `tune-train ... --seed seed --test-size test_fraction --cv folds` on a
    classification table with these class indices: (train, test, cv), train and test as row
    indices of the table (train in TuneTrain's order), cv as [(train_positions, test_positions)]
    into the training part."""
    labels = [int(label) for label in labels]
    train, test = train_test_split(len(labels), float(test_fraction), stratify_by=labels, seed=seed)
    cv = stratified_k_fold([labels[row] for row in train], folds, shuffle=True, seed=seed) if folds else None
    return train, test, cv


def check_builtin_table(name, X, y, target_names):
    """Asserts that scikit-learn's table (X, y) is TuneTrain's built-in `name`, row for row: the
    same float values and each row's class name at its target index (so scikit-learn's targets
    are TuneTrain's class indices)."""
    with open(os.path.join(DATASETS, f"{name}.csv")) as file:
        body = list(csv.reader(file))[1:]
    assert len(body) == len(X), f"{name}: {len(body)} rows in Datasets/, {len(X)} in scikit-learn"
    for row, (line, features, target) in enumerate(zip(body, X, y)):
        assert [float(v) for v in line[:-1]] == [float(v) for v in features], f"{name}: row {row} differs"
        assert line[-1] == str(target_names[target]), f"{name}: row {row} is {line[-1]}, not {target_names[target]}"


def _sklearn_tree(X, y, tree_seed=0, **params):
    """scikit-learn's DecisionTreeClassifier with its thresholds rounded to float32, as
    TuneTrain's tree keeps them (it takes the midpoint of two float32 feature values in float32;
    scikit-learn in float64, so a test value exactly at a midpoint can fall on the other side)."""
    from sklearn.tree import DecisionTreeClassifier
    tree = DecisionTreeClassifier(random_state=tree_seed, **params).fit(X, y)
    internal = tree.tree_.children_left >= 0
    tree.tree_.threshold[internal] = tree.tree_.threshold[internal].astype("float32").astype("float64")
    return tree


def _correct(tree, X, y):
    return int((tree.predict(X) == y).sum())


def _run_json(command):
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def check_against_tune_train(tune_train, seeds, features=(0, 1, 7), trials=10):
    """The proof that the port picks tune-train's rows and folds (breast cancer, --cv 5).

    A decision tree depends on exactly which rows it is fitted on, so tune-train's per-fold
    accuracies (`cv_scores`, 91 rows per fold: one row is 0.011) and test accuracy (114 rows) are
    compared with scikit-learn's DecisionTreeClassifier fitted on the rows and folds this module
    reproduces. With all 30 features the trees cannot agree exactly: in small nodes several
    features often split equally well and each library breaks that tie by its own random feature
    order (scikit-learn's own scores move by several rows with its random_state). So the exact
    check uses one feature at a time, where a fully grown CART tree is unique:
      1. scikit-learn's table is Datasets/breast_cancer.csv, the table compiled into tune-train,
         row for row with the same class indices (check_builtin_table);
      2. a CSV of all 30 features with 0/1 targets (which tune-train sorts into the same class
         indices) gives the same `tune-train train --model tree --cv 5 --seed S` output as
         `--data breast_cancer`, so a CSV of these rows splits as the built-in table does;
      3. on one-feature CSVs of the same rows, `tune-train train --model tree --cv 5 --seed S`:
         per-fold and test correct counts equal scikit-learn's, fold for fold;
      4. on the same CSVs, a tuning study `tune-train --model tree --search random --cv 5
         --trials N --seed S` (TuningRun: the path of the whole-loop benchmark): each trial's mean
         CV accuracy equals scikit-learn's with that trial's parameters on the reproduced folds,
         and the final test accuracy too.
    Prints one JSON line per seed; `exact` says whether every comparison of 2-4 agreed."""
    import tempfile
    import numpy as np
    from sklearn.datasets import load_breast_cancer
    data = load_breast_cancer()
    X, y = data.data, data.target
    check_builtin_table("breast_cancer", X, y, data.target_names)
    folder = tempfile.mkdtemp(prefix="tunetrain-rows-")

    def write_csv(columns):
        path = os.path.join(folder, "breast_cancer-" + "-".join(map(str, columns)) + ".csv")
        with open(path, "w") as file:
            file.write(",".join(f"f{c}" for c in columns) + ",target\n")
            for row, target in zip(X[:, columns], y):
                file.write(",".join(repr(float(v)) for v in row) + f",{target}\n")
        return path

    all_features = write_csv(list(range(X.shape[1])))
    for seed in seeds:
        train, test, cv = tunetrain_rows(y, seed, 0.2, 5)
        X_train, y_train = X[train], y[train]
        train_command = ["train", "--model", "tree", "--cv", "5", "--seed", str(seed), "--json"]
        builtin = _run_json([tune_train, *train_command, "--data", "breast_cancer"])
        from_csv = _run_json([tune_train, *train_command, "--data", all_features])
        report = {"seed": seed, "train_rows": [builtin["train_rows"], len(train)], "test_rows": [builtin["test_rows"], len(test)],
                  "test_classes": np.bincount(y[test]).tolist(), "fold_rows": [len(b) for _, b in cv],
                  "fold_classes": [np.bincount(y_train[b]).tolist() for _, b in cv],
                  "csv_same_as_builtin": (builtin["cv_scores"], builtin["test_score"]) == (from_csv["cv_scores"], from_csv["test_score"]),
                  "all_features": {"tunetrain_fold_correct": [round(s * len(b)) for s, (_, b) in zip(builtin["cv_scores"], cv)],
                                   "sklearn_fold_correct_by_random_state": [[_correct(_sklearn_tree(X_train[a], y_train[a], r), X_train[b], y_train[b]) for a, b in cv] for r in range(3)]},
                  "one_feature": []}
        exact = report["csv_same_as_builtin"] and report["train_rows"] == [455, 455] and report["test_rows"] == [114, 114]
        for feature in features:
            path = write_csv([feature])
            F, F_train = X[:, [feature]], X_train[:, [feature]]
            ours = _run_json([tune_train, *train_command, "--data", path])
            ours_folds = [round(s * len(b)) for s, (_, b) in zip(ours["cv_scores"], cv)]
            theirs_folds = [_correct(_sklearn_tree(F_train[a], y_train[a]), F_train[b], y_train[b]) for a, b in cv]
            ours_test, theirs_test = round(ours["test_score"] * len(test)), _correct(_sklearn_tree(F_train, y_train), F[test], y[test])
            study = _run_json([tune_train, "--model", "tree", "--search", "random", "--data", path, "--cv", "5",
                               "--trials", str(trials), "--seed", str(seed), "--json"])
            trial_matches = 0
            for trial in study["top_trials"]:
                correct = sum(_correct(_sklearn_tree(F_train[a], y_train[a], **trial["params"]), F_train[b], y_train[b]) for a, b in cv)
                trial_matches += round(trial["value"] * len(train)) == correct
            final = _sklearn_tree(F_train, y_train, **study["final_params"])
            study_test = [round(study["test_score"] * len(test)), _correct(final, F[test], y[test])]
            report["one_feature"].append({
                "feature": data.feature_names[feature], "train_fold_correct": [ours_folds, theirs_folds],
                "train_test_correct": [ours_test, theirs_test],
                "study_trials_matching": f"{trial_matches}/{len(study['top_trials'])}", "study_test_correct": study_test})
            exact = exact and ours_folds == theirs_folds and ours_test == theirs_test
            exact = exact and trial_matches == len(study["top_trials"]) and study_test[0] == study_test[1]
        report["exact"] = exact
        print(json.dumps(report), flush=True)


if __name__ == "__main__":
    import argparse
    parser = argparse.ArgumentParser(description="Check the port against a tune-train binary (decision trees on breast cancer).")
    parser.add_argument("--tune-train", required=True, help="path of the tune-train executable")
    parser.add_argument("--seeds", default="0,1,2")
    parser.add_argument("--trials", type=int, default=10, help="trials of the random-search study per seed and feature")
    arguments = parser.parse_args()
    check_against_tune_train(arguments.tune_train, [int(s) for s in arguments.seeds.split(",")], trials=arguments.trials)
