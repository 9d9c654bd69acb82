import Testing
import TuneTensor
@testable import TuneOptim

/// The type-erased optimizer must update its state's buffers in place, not copy them each step.
struct AnyOptimizerStateTests {
    @Test func stateBuffersAreUpdatedInPlace() throws {
        let optimizer = try OptimizerConfiguration(kind: .adam).makeOptimizer(Float.self)
        var parameter = Tensor<Float>(zeros: [64])
        var state = optimizer.makeState(for: parameter)
        func address() -> UnsafeRawPointer? {
            guard case .adam(let inner) = state else { return nil }
            return inner.firstMoment.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        }
        let before = address()
        for _ in 0..<3 {
            optimizer.update(&parameter, gradient: Tensor(repeating: 1, shape: [64]), state: &state, learningRate: 0.01)
        }
        #expect(address() == before)
        guard case .adam(let inner) = state else {
            Issue.record("state changed kind")
            return
        }
        #expect(inner.step == 3)
    }
}
