import TuneSearch

extension DocumentExample {
    /// `000` §4.1: `GridSearchCV` over a random forest's 144 settings on iris.
    static let irisGrid = IrisForestSearch.example(
        "iris-grid", section: "§4.1", description: "GridSearchCV: random forest, all 144 settings, iris, 5-fold CV", search: .grid, trials: nil,
        quick: .init(trials: nil, space: tenTreeGrid, note: "--quick: n_estimators 10 only (36 settings) and 3 folds."),
        note: "The document prints only best_params_; the best score and the retrained best setting's test accuracy are added.")

    /// The documents' grid with ten trees only.
    private static let tenTreeGrid = try! SearchSpace(DefaultSearchSpaces.space(for: .rf).parameters.map { parameter in
        parameter.name == "n_estimators" ? SearchSpace.Parameter("n_estimators", .categorical([10])) : parameter
    })
}
