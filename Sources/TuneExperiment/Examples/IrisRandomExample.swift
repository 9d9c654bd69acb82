extension DocumentExample {
    /// `000` §4.2: `RandomizedSearchCV` with 100 iterations over the same grid on iris.
    static let irisRandom = IrisForestSearch.example(
        "iris-random", section: "§4.2", description: "RandomizedSearchCV: random forest, 100 of the 144 settings, iris, 5-fold CV", search: .random,
        trials: 100, quick: .init(trials: 10, space: nil, note: "--quick: 10 settings and 3 folds."),
        note: "RandomizedSearchCV over lists draws its 100 settings without replacement; so does --search random over a space of lists.")
}
