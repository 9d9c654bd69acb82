/// The optimizers a user can name (`--param optimizer=adam`). Adding a case enrols it in the CLI
/// and in the conformance tests at once.
public enum OptimizerKind: String, CaseIterable, Codable, Sendable {
    /// Plain stochastic gradient descent.
    case sgd
    /// SGD with classical momentum.
    case momentum
    /// SGD with Nesterov momentum.
    case nesterov
    case rmsprop
    case adam
    /// Adam with decoupled weight decay.
    case adamw
}
