import Testing
import TuneOptim
import TuneTensor
import TuneTestSupport

/// Checks every optimizer the CLI can name, and that the checks catch a broken one.
struct OptimizerConformanceTests {
    /// f(w) = ½·Σ cᵢ·(wᵢ − tᵢ)², minimum 0 at t.
    static func loss(_ w: Tensor<Float>) -> Float {
        let c: [Float] = [1, 3, 0.5, 2], t: [Float] = [0.5, -1, 2, 0]
        return (0..<4).map { 0.5 * c[$0] * (w[offset: $0] - t[$0]) * (w[offset: $0] - t[$0]) }.reduce(0, +)
    }

    static func gradient(_ w: Tensor<Float>) -> Tensor<Float> {
        let c: [Float] = [1, 3, 0.5, 2], t: [Float] = [0.5, -1, 2, 0]
        return Tensor(vector: (0..<4).map { c[$0] * (w[offset: $0] - t[$0]) })
    }

    /// The loss after `steps` updates from a fixed start, and the trajectory.
    static func descend<O: Optimizer>(_ optimizer: O, learningRate: Float, steps: Int = 200) -> (loss: Float, path: [Float])
    where O.Scalar == Float {
        var w = Tensor<Float>(vector: [3, 2, -1, 1])
        var state = optimizer.makeState(for: w)
        var path: [Float] = []
        for _ in 0..<steps {
            optimizer.update(&w, gradient: gradient(w), state: &state, learningRate: learningRate)
            path.append(w[offset: 0])
        }
        return (loss(w), path)
    }

    static func configuration(_ kind: OptimizerKind) -> OptimizerConfiguration {
        OptimizerConfiguration(kind: kind, learningRate: kind == .sgd || kind == .momentum || kind == .nesterov ? 0.05 : 0.02)
    }

    @Test(arguments: OptimizerKind.allCases) func reducesAConvexLoss(_ kind: OptimizerKind) throws {
        let configuration = Self.configuration(kind)
        let optimizer = try configuration.makeOptimizer(Float.self)
        let start = Self.loss(Tensor(vector: [3, 2, -1, 1]))
        let (end, path) = Self.descend(optimizer, learningRate: Float(configuration.learningRate))
        #expect(end < 0.05 * start, "\(kind): loss \(start) → \(end)")
        #expect(path.allSatisfy { $0.isFinite })
    }

    @Test func differentOptimizersTakeDifferentPaths() throws {
        let paths = try OptimizerKind.allCases.map { kind in
            Self.descend(try Self.configuration(kind).makeOptimizer(Float.self), learningRate: 0.02, steps: 20).path
        }
        for i in paths.indices {
            for j in paths.indices where j > i {
                #expect(paths[i] != paths[j], "\(OptimizerKind.allCases[i]) and \(OptimizerKind.allCases[j]) move identically")
            }
        }
    }

    /// An optimizer that ignores its gradient: the descent check must reject it.
    struct IgnoresGradient: Optimizer {
        func makeState(for parameter: Tensor<Float>) -> Int { 0 }
        func update(_ parameter: inout Tensor<Float>, gradient: Tensor<Float>, state: inout Int, learningRate: Float) {
            parameter.apply { $0 - learningRate * 0.001 }
        }
    }

    @Test func theDescentCheckCatchesABrokenOptimizer() {
        let start = Self.loss(Tensor(vector: [3, 2, -1, 1]))
        #expect(Self.descend(IgnoresGradient(), learningRate: 0.05).loss > 0.05 * start)
    }

    @Test func hyperparametersAreValidatedByName() {
        func message(_ body: () throws -> Any) -> String {
            do {
                _ = try body()
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        #expect(message { try OptimizerConfiguration(kind: .adam, learningRate: -0.1).makeOptimizer(Float.self) } == "lr must be > 0, got -0.1")
        #expect(message { try SGD<Float>(momentum: 1.5) } == "momentum must be in [0, 1), got 1.5")
        #expect(message { try SGD<Float>(nesterov: true) }.hasPrefix("nesterov must be used with momentum > 0"))
        #expect(message { try Adam<Double>(beta2: 1) } == "beta2 must be in [0, 1), got 1.0")
        #expect(message { try RMSprop<Float>(epsilon: 0) } == "eps must be > 0, got 0.0")
        #expect(message { try SGD<Float>(weightDecay: -1) } == "weightDecay must be >= 0, got -1.0")
    }

    @Test func configurationCodesUnderPyTorchNames() throws {
        let json = #"{"optimizer":"adamw","lr":0.003,"weight_decay":0.05,"eps":1e-6,"beta1":0.8,"beta2":0.99,"amsgrad":true,"centered":false,"alpha":0.9,"dampening":0}"#
        let decoded = try JSONDecoder().decode(OptimizerConfiguration.self, from: Data(json.utf8))
        #expect(decoded.kind == .adamw && decoded.learningRate == 0.003 && decoded.weightDecay == 0.05)
        #expect(OptimizerConfiguration(kind: .adamw).weightDecay == 0.01)
        #expect(OptimizerConfiguration(kind: .adam).weightDecay == 0)
    }
}

import Foundation
