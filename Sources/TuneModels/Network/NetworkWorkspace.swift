import TuneTensor

/// The buffers one forward and backward pass needs at a given batch size: each layer's output,
/// the gradient with respect to it, and dropout masks. Made once per batch size and reused, so
/// training allocates nothing per batch.
public struct NetworkWorkspace<Scalar: TensorScalar>: Sendable {
    /// The batch size these buffers hold.
    public let batchSize: Int
    var outputs: [Tensor<Scalar>]
    var gradients: [Tensor<Scalar>]
    var masks: [Tensor<Scalar>]

    init(network: Network<Scalar>, batchSize: Int) {
        self.batchSize = batchSize
        let widths = network.outputWidths
        outputs = widths.map { Tensor(zeros: [batchSize, $0]) }
        gradients = widths.map { Tensor(zeros: [batchSize, $0]) }
        masks = zip(network.layers, widths).map { layer, width in
            if case .dropout = layer { return Tensor(zeros: [batchSize, width]) }
            return Tensor(zeros: [0])
        }
    }

    /// The network's output for the last forward pass.
    var output: Tensor<Scalar> { outputs[outputs.count - 1] }
}
