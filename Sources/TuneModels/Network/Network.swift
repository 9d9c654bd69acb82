import TuneTensor

/// A feed-forward network: layers and the parameters of its linear layers. Value type: copying a
/// network copies its weights (on write), which is how early stopping keeps the best epoch.
///
/// Forward and backward passes run in a ``NetworkWorkspace`` allocated once per batch size, through
/// BLAS GEMM, so a training step allocates nothing.
public struct Network<Scalar: TensorScalar>: Sendable {
    public var layers: [Layer]
    /// One `inputs × outputs` matrix per linear layer, in order.
    public var weights: [Tensor<Scalar>]
    /// One vector per linear layer.
    public var biases: [Tensor<Scalar>]

    /// A network with freshly initialised weights (zero biases).
    public init(layers: [Layer], initialization: (Activation?) -> WeightInitialization, using generator: inout SeededGenerator) {
        self.layers = layers
        weights = []
        biases = []
        for (index, layer) in layers.enumerated() {
            guard case .linear(let inputs, let outputs) = layer else { continue }
            let next = layers[(index + 1)...].first { if case .activation = $0 { return true } else { return false } }
            var activation: Activation?
            if case .activation(let kind)? = next { activation = kind }
            weights.append(initialization(activation).weights(fanIn: inputs, fanOut: outputs, using: &generator))
            biases.append(Tensor(zeros: [outputs]))
        }
    }

    /// The width of each layer's output.
    var outputWidths: [Int] {
        var width = inputWidth
        return layers.map { layer in
            if case .linear(_, let outputs) = layer { width = outputs }
            return width
        }
    }

    /// The number of input features.
    public var inputWidth: Int {
        for layer in layers { if case .linear(let inputs, _) = layer { return inputs } }
        return 0
    }

    /// The number of outputs (classes, or regression targets).
    public var outputWidth: Int { outputWidths.last ?? inputWidth }

    /// The output for `input` (`rows × inputWidth`), in evaluation mode (no dropout).
    public func predict(_ input: Tensor<Scalar>) -> Tensor<Scalar> {
        var workspace = NetworkWorkspace(network: self, batchSize: input.rows)
        var generator = SeededGenerator(seed: 0)
        forward(input, workspace: &workspace, training: false, generator: &generator)
        return workspace.outputs[layers.count - 1]
    }

    /// Runs the layers on `input`, leaving every layer's output in `workspace`.
    func forward(_ input: Tensor<Scalar>, workspace: inout NetworkWorkspace<Scalar>, training: Bool, generator: inout SeededGenerator) {
        var linearIndex = 0
        for (index, layer) in layers.enumerated() {
            let source = index == 0 ? input : workspace.outputs[index - 1]
            switch layer {
            case .linear:
                // Bias fused into the product: fill each row with the bias, then C ← X·W + C.
                let bias = biases[linearIndex]
                workspace.outputs[index].withUnsafeMutableBufferPointer { out in
                    bias.withUnsafeBufferPointer { b in
                        let width = b.count
                        for row in 0..<(out.count / Swift.max(width, 1)) {
                            (out.baseAddress! + row * width).update(from: b.baseAddress!, count: width)
                        }
                    }
                }
                Tensor.gemm(source, weights[linearIndex], beta: 1, into: &workspace.outputs[index])
                linearIndex += 1
            case .activation(let activation):
                source.withUnsafeBufferPointer { x in
                    workspace.outputs[index].withUnsafeMutableBufferPointer { y in activation.forward(x, y) }
                }
            case .dropout(let rate):
                applyDropout(rate: Scalar(rate), source: source, index: index, workspace: &workspace, training: training, generator: &generator)
            }
        }
    }

    private func applyDropout(
        rate: Scalar, source: Tensor<Scalar>, index: Int, workspace: inout NetworkWorkspace<Scalar>, training: Bool,
        generator: inout SeededGenerator
    ) {
        let keep = 1 - rate
        let active = training && rate > 0
        workspace.masks[index].withUnsafeMutableBufferPointer { mask in
            source.withUnsafeBufferPointer { x in
                workspace.outputs[index].withUnsafeMutableBufferPointer { y in
                    for i in x.indices {
                        let m: Scalar = active ? (generator.uniformFloat() < Float(rate) ? 0 : 1 / keep) : 1
                        mask[i] = m
                        y[i] = x[i] * m
                    }
                }
            }
        }
    }

    /// Back-propagates `workspace.gradients[last]` (the loss gradient with respect to the output)
    /// through the layers, writing parameter gradients into `weightGradients` and
    /// `biasGradients` (overwritten, not accumulated).
    func backward(
        _ input: Tensor<Scalar>, workspace: inout NetworkWorkspace<Scalar>,
        weightGradients: inout [Tensor<Scalar>], biasGradients: inout [Tensor<Scalar>]
    ) {
        var linearIndex = weights.count
        for index in layers.indices.reversed() {
            let source = index == 0 ? input : workspace.outputs[index - 1]
            switch layers[index] {
            case .linear:
                linearIndex -= 1
                Tensor.gemm(source, transposeA: true, workspace.gradients[index], into: &weightGradients[linearIndex])
                workspace.gradients[index].sum(alongAxis: 0, into: &biasGradients[linearIndex])
                if index > 0 {
                    Tensor.gemm(workspace.gradients[index], weights[linearIndex], transposeB: true, into: &workspace.gradients[index - 1])
                }
            case .activation(let activation):
                guard index > 0 else { continue }
                let upstream = workspace.gradients[index]
                let output = workspace.outputs[index]
                source.withUnsafeBufferPointer { x in
                    output.withUnsafeBufferPointer { y in
                        upstream.withUnsafeBufferPointer { g in
                            workspace.gradients[index - 1].withUnsafeMutableBufferPointer { d in
                                activation.backward(input: x, output: y, upstream: g, gradient: d)
                            }
                        }
                    }
                }
            case .dropout:
                guard index > 0 else { continue }
                let upstream = workspace.gradients[index]
                let mask = workspace.masks[index]
                upstream.withUnsafeBufferPointer { g in
                    mask.withUnsafeBufferPointer { m in
                        workspace.gradients[index - 1].withUnsafeMutableBufferPointer { d in
                            for i in g.indices { d[i] = g[i] * m[i] }
                        }
                    }
                }
            }
        }
    }
}

extension Network: Codable {}
