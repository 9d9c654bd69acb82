/// The models `tune-train` can train, by the names the CLI takes (`--model mlp`). Adding a case
/// enrols it in the CLI and in the tests that iterate over all kinds.
public enum ModelKind: String, CaseIterable, Codable, Sendable {
    /// Least-squares linear regression (closed form; `solver=gradient` trains it with an optimizer).
    case linear
    /// Linear regression with an L2 penalty (`alpha`, default 1).
    case ridge
    /// Multinomial logistic regression trained with an optimizer.
    case logistic
    /// A multi-layer perceptron: a classifier or a regressor, chosen by the data set's task.
    case mlp
    /// A CART decision tree (classifier or regressor by task).
    case tree
    /// A random forest (classifier or regressor by task).
    case rf

    /// The built-in data set a run uses when none is named: digits (the documents' image
    /// classification in miniature) for the models that classify, diabetes for the regressions.
    public var defaultDataSet: String {
        switch self {
        case .linear, .ridge: return "diabetes"
        case .logistic, .mlp, .tree, .rf: return "digits"
        }
    }

    /// Whether the model is trained by gradient descent under the default settings, and so wants
    /// standardised features.
    func trainsByGradient(parameters: [String: String]) -> Bool {
        switch self {
        case .linear, .ridge: return parameters["solver"] == "gradient"
        case .logistic, .mlp: return true
        case .tree, .rf: return false
        }
    }
}
