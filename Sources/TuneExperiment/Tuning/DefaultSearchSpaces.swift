import TuneSearch

/// Each model's search space when no `--space` file is given: the documents' spaces where they
/// give one, otherwise the ranges practitioners start from.
public enum DefaultSearchSpaces {
    /// The default space of `model` searched by `search`: the model's default, except that the
    /// gradient search follows the L2 strength alone (over a wider range than the samplers', since
    /// each of its fits is exact and cheap).
    public static func space(for model: ModelKind, search: SearchKind) -> SearchSpace {
        if search == .gradient, model == .logistic {
            return try! SearchSpace(["alpha": .float(low: 1e-6, high: 10, log: true)])
        }
        return space(for: model)
    }

    /// The default space of `model`.
    public static func space(for model: ModelKind) -> SearchSpace {
        // The literals below are valid spaces; tests check every model's default space.
        switch model {
        case .rf:
            // The documents' GridSearchCV / RandomizedSearchCV grid (000_1fa8d7deb634aa7a.txt §4).
            return try! SearchSpace([
                "n_estimators": .categorical([10, 50, 100, 200]),
                "max_depth": .categorical([nil, 10, 20, 30]),
                "min_samples_split": .categorical([2, 5, 10]),
                "min_samples_leaf": .categorical([1, 2, 4]),
            ])
        case .tree:
            return try! SearchSpace([
                "max_depth": .categorical([nil, 3, 5, 10, 20]),
                "min_samples_split": .categorical([2, 5, 10]),
                "min_samples_leaf": .categorical([1, 2, 4]),
            ])
        case .mlp:
            // The documents' CIFAR-10 space (004_5ec52f916ac0baa4.txt §2) plus optimizer and batch
            // size; momentum only for the optimizers that use it.
            return try! SearchSpace([
                .init("optimizer", .categorical(["momentum", "adam", "rmsprop"])),
                .init("lr", .float(low: 1e-5, high: 1e-1, log: true)),
                .init("momentum", .float(low: 0, high: 1), condition: ParameterCondition(parent: "optimizer", values: ["momentum"])),
                .init("weight_decay", .float(low: 1e-5, high: 1e-1, log: true)),
                .init("num_layers", .int(low: 1, high: 5)),
                .init("hidden_size", .categorical([32, 64, 128, 256])),
                .init("dropout", .float(low: 0, high: 0.5)),
                .init("batch_size", .categorical([16, 32, 64, 128])),
            ])
        case .logistic:
            return try! SearchSpace([
                "lr": .float(low: 1e-4, high: 1, log: true),
                "alpha": .float(low: 1e-6, high: 1e-1, log: true),
                "batch_size": .categorical([16, 32, 64]),
            ])
        case .linear:
            // Closed-form least squares has nothing to tune: tune the gradient-trained model.
            return try! SearchSpace([
                "solver": .categorical(["gradient"]),
                "optimizer": .categorical(["sgd", "momentum", "rmsprop", "adam"]),
                "lr": .float(low: 1e-4, high: 1e-1, log: true),
            ])
        case .ridge:
            return try! SearchSpace(["alpha": .float(low: 1e-4, high: 1e2, log: true)])
        }
    }
}
