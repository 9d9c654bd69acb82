import TuneTensor

/// A first-order optimizer: the rule that turns a parameter's gradient into an update.
///
/// Optimizers work on tensors, not models, so each can be tested alone. Per-parameter memory
/// (momentum buffers, squared-gradient averages, the step count) lives in a `State` value the
/// caller keeps beside the parameter, made once by ``makeState(for:)``; ``update(_:gradient:state:learningRate:)``
/// then runs in place and allocates nothing. The learning rate is passed on every step so a
/// schedule can drive it. Update rules follow PyTorch's `torch.optim` exactly, so settings carry
/// over between the two.
public protocol Optimizer: Sendable {
    associatedtype Scalar: TensorScalar
    associatedtype State: Sendable

    /// Fresh state for `parameter` (zeroed buffers of its shape, step 0).
    func makeState(for parameter: Tensor<Scalar>) -> State

    /// Applies one step to `parameter` in place.
    func update(_ parameter: inout Tensor<Scalar>, gradient: Tensor<Scalar>, state: inout State, learningRate: Scalar)
}

extension Optimizer {
    /// Fresh states for a list of parameters.
    public func makeStates(for parameters: [Tensor<Scalar>]) -> [State] {
        parameters.map(makeState(for:))
    }

    /// One step for each parameter with its gradient and state.
    @inlinable
    public func update(
        _ parameters: inout [Tensor<Scalar>], gradients: [Tensor<Scalar>], states: inout [State], learningRate: Scalar
    ) {
        precondition(parameters.count == gradients.count && parameters.count == states.count,
            "Optimizer: \(parameters.count) parameters, \(gradients.count) gradients, \(states.count) states")
        for index in parameters.indices {
            update(&parameters[index], gradient: gradients[index], state: &states[index], learningRate: learningRate)
        }
    }
}

/// A hyperparameter outside its allowed range, named as users write it.
public struct InvalidHyperparameter: Error, Equatable, Sendable, CustomStringConvertible {
    /// The field (`learningRate`, `momentum`, ...).
    public var name: String
    /// The allowed range, e.g. `> 0` or `in [0, 1)`.
    public var constraint: String
    /// The value given.
    public var value: String

    public init(name: String, constraint: String, value: String) {
        self.name = name
        self.constraint = constraint
        self.value = value
    }

    public var description: String { "\(name) must be \(constraint), got \(value)" }
}

/// Throws ``InvalidHyperparameter`` unless `condition` holds.
func require<T>(_ condition: Bool, _ name: String, _ constraint: String, _ value: T) throws {
    if !condition { throw InvalidHyperparameter(name: name, constraint: constraint, value: "\(value)") }
}
