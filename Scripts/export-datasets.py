#!/usr/bin/env python3
"""Exports the five tables scikit-learn bundles into Datasets/ as CSV (run once; the CSVs are committed).

    python3 -m venv /tmp/tt-export && /tmp/tt-export/bin/pip install scikit-learn
    /tmp/tt-export/bin/python Scripts/export-datasets.py

Each CSV has a header row; the last column is the target. Classification targets are written as
the class names scikit-learn gives (target_names), so the CSV loader maps them back to indices in
scikit-learn's order (the order is recorded in Datasets/README.md and checked by the tests).
"""
import csv
import os
from sklearn import datasets

here = os.path.dirname(os.path.abspath(__file__))
out_dir = os.path.join(here, "..", "Datasets")

def fmt(v):
    r = repr(float(v))
    return r[:-2] if r.endswith(".0") else r

def export(name, bunch, classification):
    path = os.path.join(out_dir, f"{name}.csv")
    names = [str(n).replace(" ", "_") for n in bunch.feature_names]
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(names + ["target"])
        for row, t in zip(bunch.data, bunch.target):
            label = str(bunch.target_names[t]) if classification else fmt(t)
            w.writerow([fmt(v) for v in row] + [label])
    print(name, bunch.data.shape, path)

export("iris", datasets.load_iris(), True)
export("wine", datasets.load_wine(), True)
export("breast_cancer", datasets.load_breast_cancer(), True)
digits = datasets.load_digits()
digits.target_names = [str(d) for d in digits.target_names]
export("digits", digits, True)
export("diabetes", datasets.load_diabetes(), False)
