import TuneTensor

/// An optimizer chosen at run time (from a configuration or the command line), with the same
/// allocation-free step as the concrete types: a model holds one `AnyOptimizer` and one
/// ``State`` per parameter.
public enum AnyOptimizer<Scalar: TensorScalar>: Optimizer {
    case sgd(SGD<Scalar>)
    case rmsprop(RMSprop<Scalar>)
    case adam(Adam<Scalar>)

    /// The state of whichever optimizer this is.
    public enum State: Sendable {
        case sgd(SGD<Scalar>.State)
        case rmsprop(RMSprop<Scalar>.State)
        case adam(Adam<Scalar>.State)
        /// Held only during an update, so the moved-out state's buffers stay uniquely referenced
        /// and are updated in place rather than copied.
        case detached
    }

    public func makeState(for parameter: Tensor<Scalar>) -> State {
        switch self {
        case .sgd(let optimizer): return .sgd(optimizer.makeState(for: parameter))
        case .rmsprop(let optimizer): return .rmsprop(optimizer.makeState(for: parameter))
        case .adam(let optimizer): return .adam(optimizer.makeState(for: parameter))
        }
    }

    @inlinable
    public func update(_ parameter: inout Tensor<Scalar>, gradient: Tensor<Scalar>, state: inout State, learningRate: Scalar) {
        switch self {
        case .sgd(let optimizer):
            guard case .sgd(var inner) = state else { mismatch(state) }
            state = .detached
            optimizer.update(&parameter, gradient: gradient, state: &inner, learningRate: learningRate)
            state = .sgd(inner)
        case .rmsprop(let optimizer):
            guard case .rmsprop(var inner) = state else { mismatch(state) }
            state = .detached
            optimizer.update(&parameter, gradient: gradient, state: &inner, learningRate: learningRate)
            state = .rmsprop(inner)
        case .adam(let optimizer):
            guard case .adam(var inner) = state else { mismatch(state) }
            state = .detached
            optimizer.update(&parameter, gradient: gradient, state: &inner, learningRate: learningRate)
            state = .adam(inner)
        }
    }

    @usableFromInline
    func mismatch(_ state: State) -> Never {
        preconditionFailure("AnyOptimizer: a state of another optimizer was passed to \(self)")
    }
}
