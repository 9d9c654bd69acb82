import ArgumentParser
import TuneExperiment

extension SearchKind {
    /// Refuses a search that is not a sampler (`gradient`) in commands that search spaces other
    /// than a model's, naming the fix.
    func requireSampler() throws {
        guard isSampler else {
            throw ValidationError("--search \(rawValue) needs a model's differentiable hyperparameter; choose a sampler such as tpe, gp or random")
        }
    }
}
