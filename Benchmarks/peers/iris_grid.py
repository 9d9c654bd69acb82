#!/usr/bin/env python3
"""scikit-learn's side of `tune-train-bench iris-grid`: the documents' GridSearchCV example
(000_1fa8d7deb634aa7a.txt section 4.1): RandomForestClassifier(random_state=0) over n_estimators
[10, 50, 100, 200] x max_depth [None, 10, 20, 30] x min_samples_split [2, 5, 10] x min_samples_leaf
[1, 2, 4] (144 settings), cv=5, n_jobs=-1, on iris's 80% training part (test_size=0.2,
random_state=42). Prints one JSON line.
"""
import json, time
from sklearn.datasets import load_iris
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import GridSearchCV, train_test_split

X, y = load_iris(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
grid = {"n_estimators": [10, 50, 100, 200], "max_depth": [None, 10, 20, 30],
        "min_samples_split": [2, 5, 10], "min_samples_leaf": [1, 2, 4]}
start = time.perf_counter()
search = GridSearchCV(RandomForestClassifier(random_state=0), grid, cv=5, n_jobs=-1).fit(X_train, y_train)
seconds = time.perf_counter() - start
print(json.dumps({"benchmark": "iris-grid", "implementation": "scikit-learn GridSearchCV", "settings": 144,
                  "seconds": round(seconds, 3), "best_cv": round(float(search.best_score_), 4),
                  "best_params": {k: v for k, v in search.best_params_.items()}}))
