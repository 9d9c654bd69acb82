import Foundation

extension TestFunction {
    /// Hartmann-6 on [0, 1]⁶: four Gaussian-shaped wells, six local minima, global minimum
    /// −3.32237 at (0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573).
    public static let hartmann6 = TestFunction(
        family: .hartmann, dimension: 6, bounds: Array(repeating: 0...1, count: 6), minimum: -3.322368011391339,
        minimizer: [0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573]
    ) { x in
        let alpha = [1.0, 1.2, 3.0, 3.2]
        let a: [[Double]] = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
        let p: [[Double]] = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
                             [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]
        var total = 0.0
        for i in 0..<4 {
            var exponent = 0.0
            for j in 0..<6 {
                let d = x[j] - p[i][j] * 1e-4
                exponent += a[i][j] * d * d
            }
            total += alpha[i] * exp(-exponent)
        }
        return -total
    }
}
