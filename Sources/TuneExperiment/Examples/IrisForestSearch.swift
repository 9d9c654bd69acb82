import TuneData
import TuneSearch

/// What the documents' two iris searches share (`000_1fa8d7deb634aa7a.txt` §4.1 and §4.2): a
/// random forest over the documents' 144-setting grid, scored by cross-validation on iris's 80%
/// training part (`train_test_split(test_size=0.2, random_state=42)`, `cv=5`).
enum IrisForestSearch {
    /// How a quick run shrinks the search (always to 3 folds).
    struct QuickRun: Sendable {
        var trials: Int?
        var space: SearchSpace?
        /// Says what was shrunk.
        var note: String
    }

    /// The example of `section` of the document, searching with `search` for `trials` trials
    /// (nil: the whole grid) on iris with seed 42.
    static func example(_ name: String, section: String, description: String, search: SearchKind, trials: Int?, quick: QuickRun, note: String)
        -> DocumentExample
    {
        DocumentExample(name: name, source: "000_1fa8d7deb634aa7a.txt \(section)", description: description) { context in
            var settings = TuningSettings(model: .rf, search: search)
            settings.space = context.quick ? quick.space : nil
            settings.trials = context.quick ? quick.trials : trials
            settings.folds = context.quick ? 3 : 5
            settings.seed = 42
            let notes = [note] + (context.quick ? [quick.note] : []) + sharedNotes
            return try ExampleStudy.searchReport(settings, on: BuiltInDataset.iris.load(), context: context, notes: notes)
        }
    }

    /// Where both searches depart from scikit-learn's.
    static let sharedNotes = [
        "The document's RandomForestClassifier() takes no random_state, so scikit-learn's best parameters change from run to run; here every forest is seeded (seed 42).",
        "The test split is stratified and the folds are stratified and shuffled with the seed, where the document's train_test_split does not stratify and cv=5 does not shuffle: the folds hold other rows than scikit-learn's.",
        "On 120 rows a fold of 24 scores in steps of 1/24 and the 5-fold mean in steps of 1/120 (one row), so many settings tie; the earliest trial with the best score wins (GridSearchCV: the first in its sorted grid). See docs/BENCHMARKS.md, \"The iris-grid example against GridSearchCV\".",
    ]
}
