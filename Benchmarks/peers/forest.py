#!/usr/bin/env python3
"""scikit-learn's side of `tune-train-bench forest`: writes the train and test parts of
make_classification(n_samples=N, n_features=20, n_informative=10, random_state=0), split 80/20
stratified with random_state=0, to CSV files (so both tools see the same rows), then times
RandomForestClassifier(n_estimators=100, n_jobs=2) and DecisionTreeClassifier fit and predict on
them. Prints one JSON line per model.

    /tmp/tt-peers/bin/python Benchmarks/peers/forest.py --rows 100000 --out /tmp/tt-forest
"""
import argparse, json, os, time
import numpy as np
from sklearn.datasets import make_classification
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier

parser = argparse.ArgumentParser()
parser.add_argument("--rows", type=int, default=100_000)
parser.add_argument("--out", default="/tmp/tt-forest")
args = parser.parse_args()
os.makedirs(args.out, exist_ok=True)
X, y = make_classification(n_samples=args.rows, n_features=20, n_informative=10, random_state=0)
X = X.astype(np.float32)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0, stratify=y)
header = ",".join(f"x{i}" for i in range(20)) + ",y"
for name, features, labels in [("train", X_train, y_train), ("test", X_test, y_test)]:
    np.savetxt(f"{args.out}/{name}-{args.rows}.csv", np.column_stack([features, labels]), delimiter=",",
               header=header, comments="", fmt=["%.9g"] * 20 + ["%d"])
for model_name, model in [("RandomForest(100)", RandomForestClassifier(n_estimators=100, n_jobs=2, random_state=0)),
                          ("DecisionTree", DecisionTreeClassifier(random_state=0))]:
    start = time.perf_counter(); model.fit(X_train, y_train); fit = time.perf_counter() - start
    start = time.perf_counter(); accuracy = float((model.predict(X_test) == y_test).mean()); predict = time.perf_counter() - start
    print(json.dumps({"benchmark": "forest", "implementation": "scikit-learn", "model": model_name, "rows": args.rows,
                      "fit_seconds": round(fit, 3), "predict_seconds": round(predict, 3), "test_accuracy": round(accuracy, 4)}))
