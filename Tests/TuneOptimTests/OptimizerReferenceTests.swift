import Testing
import TuneOptim
import TuneTensor
import TuneTestSupport

/// The first five updates of each optimizer against PyTorch 2.15 (float64) on
/// f(w) = ½·Σ cᵢ·wᵢ² + b·w, ∇f(w) = c∘w + b, from w₀ = [1, -2, 0.5] with c = [1, 4, 0.25],
/// b = [0.1, -0.3, 0.2] and learning rate 0.1. Produced by Scripts/reference-optimizer-steps.py,
/// which runs torch.optim with the settings named in each case.
struct OptimizerReferenceTests {
    static let curvature: [Double] = [1, 4, 0.25]
    static let linear: [Double] = [0.1, -0.3, 0.2]

    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var optimizer: @Sendable () throws -> AnyOptimizer<Double>
        var expected: [[Double]]
    }

    static let cases: [Case] = [
        Case(description: "SGD(lr=0.1)", optimizer: { .sgd(try SGD()) }, expected: [
            [0.89, -1.17, 0.46749999999999997],
            [0.791, -0.6719999999999999, 0.4358125],
            [0.7019000000000001, -0.3732, 0.4049171875],
            [0.6217100000000001, -0.19391999999999998, 0.3747942578125],
            [0.5495390000000001, -0.08635199999999998, 0.3454244013671875]]),
        Case(description: "SGD(weight_decay=0.01)", optimizer: { .sgd(try SGD(weightDecay: 0.01)) }, expected: [
            [0.889, -1.168, 0.46699999999999997],
            [0.789211, -0.6696319999999999, 0.43485799999999997],
            [0.699500689, -0.3711095679999999, 0.40355169199999996],
            [0.6188511194109999, -0.1922946312319999, 0.37305934800799995],
            [0.5463471563504889, -0.08518448410796793, 0.34335980495979196]]),
        Case(description: "SGD(momentum=0.9, dampening=0.1)", optimizer: { .sgd(try SGD(momentum: 0.9, dampening: 0.1)) }, expected: [
            [0.89, -1.17, 0.46749999999999997],
            [0.7019, 0.025200000000000132, 0.40973125],
            [0.46043899999999993, 1.1188080000000002, 0.33052042187499997],
            [0.1926845899999999, 1.7272843200000003, 0.23379396707031247],
            [-0.07463599210000013, 1.6800906528000001, 0.12347979348701169]]),
        Case(description: "SGD(momentum=0.9, nesterov=True)", optimizer: { .sgd(try SGD(momentum: 0.9, nesterov: true)) }, expected: [
            [0.7909999999999999, -0.42299999999999977, 0.43825],
            [0.5326099999999999, 0.6277800000000002, 0.35310812499999994],
            [0.26005309999999987, 0.9740892000000001, 0.24956842656249995],
            [0.003276700999999857, 0.801460488, 0.1324731305195312],
            [-0.21503985229000014, 0.4176567883199999, 0.00641017997883782]]),
        Case(description: "RMSprop()", optimizer: { .rmsprop(try RMSprop()) }, expected: [
            [9.090908292819222e-08, -1.000000012048193, -0.4999996923077865],
            [-0.09098806464050023, -0.5381710147192986, -0.7259344636069394],
            [-0.09922888011843699, -0.2822381696335947, -0.7819074608105759],
            [-0.09993757013673522, -0.13403348002769447, -0.7956479853715376],
            [-0.0999952347257171, -0.047205629019366854, -0.798969790438146]]),
        Case(description: "RMSprop(centered=True, momentum=0.5, weight_decay=0.01)",
            optimizer: { .rmsprop(try RMSprop(momentum: 0.5, centered: true, weightDecay: 0.01)) }, expected: [
            [-0.005037724259129084, -0.9949621968814254, -0.5050375091680898],
            [-0.5936788690673432, -0.028140762254958065, -1.2137616263129967],
            [-0.4747212649488776, 0.5001571798735016, -1.2399060458750826],
            [-0.11473637445723665, 0.5815219576828826, -0.9238682133848967],
            [0.07789657347428584, 0.4089040846109339, -0.6578549111629749]]),
        Case(description: "Adam()", optimizer: { .adam(try Adam()) }, expected: [
            [0.9000000009090909, -1.900000000120482, 0.40000000307692296],
            [0.8003611627734645, -1.8001591519141529, 0.300288276413002],
            [0.70138244621909, -1.7005953965034695, 0.20109479220747284],
            [0.6034141152574095, -1.6014359921323162, 0.10268172074347946],
            [0.5068637089650823, -1.5028178060755322, 0.005346387807314182]]),
        Case(description: "Adam(amsgrad=True, weight_decay=0.01)", optimizer: { .adam(try Adam(weightDecay: 0.01, amsgrad: true)) }, expected: [
            [0.9000000009009009, -1.9000000001201922, 0.4000000030303029],
            [0.8003616096880586, -1.8001591694196202, 0.30029760508534503],
            [0.7013842220363595, -1.700595463271397, 0.20113138587349594],
            [0.60341866790182, -1.601436156326396, 0.1027743191500652],
            [0.5068732053769062, -1.5028181345888334, 0.005537050246403968]]),
        Case(description: "AdamW(weight_decay=0.1)", optimizer: { .adam(try Adam.adamW(weightDecay: 0.1)) }, expected: [
            [0.8900000009090909, -1.880000000120482, 0.39500000307692296],
            [0.7815122295181711, -1.761399467911383, 0.2913576472798125],
            [0.6748629718781681, -1.644332436998942, 0.18930141612788268],
            [0.5704334750349394, -1.5289433756478163, 0.0890882028773206],
            [0.46866532663400123, -1.4153873511300896, -0.00899499749999405]]),
    ]

    static func gradient(_ w: Tensor<Double>) -> Tensor<Double> {
        Tensor(vector: (0..<3).map { curvature[$0] * w[offset: $0] + linear[$0] })
    }

    @Test(arguments: cases) func firstFiveStepsMatchPyTorch(_ reference: Case) throws {
        let optimizer = try reference.optimizer()
        var w = Tensor<Double>(vector: [1, -2, 0.5])
        var state = optimizer.makeState(for: w)
        for (step, expected) in reference.expected.enumerated() {
            optimizer.update(&w, gradient: Self.gradient(w), state: &state, learningRate: 0.1)
            expectClose(w.scalars, expected, rtol: 1e-6, atol: 1e-9, "\(reference) step \(step + 1)")
        }
    }
}
