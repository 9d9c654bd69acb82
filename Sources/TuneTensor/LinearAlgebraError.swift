/// A LAPACK failure, raised instead of a crash or a silent NaN.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Cholesky failed: the leading minor ending at `column` (0-based) is not positive definite.
    case notPositiveDefinite(column: Int)
    /// LU found an exact zero pivot at `column` (0-based): the matrix is singular.
    case singular(column: Int)
    /// An iterative routine (SVD, eigen-decomposition) did not converge; `count` is LAPACK's
    /// count of values that failed.
    case noConvergence(routine: String, count: Int)
    /// The input held NaN or an infinity, which LAPACK would turn into garbage.
    case nonFiniteInput(routine: String)
    /// Operand shapes do not fit the routine.
    case shapeMismatch(routine: String, detail: String)
    /// LAPACK rejected argument `position` (a bug in the wrapper, reported rather than trapped).
    case invalidArgument(routine: String, position: Int)

    public var description: String {
        switch self {
        case .notPositiveDefinite(let column):
            return "matrix not positive definite at column \(column) (0-based); add jitter to the diagonal or check for duplicate rows"
        case .singular(let column):
            return "matrix is singular: zero pivot at column \(column) (0-based); use least squares instead"
        case .noConvergence(let routine, let count):
            return "\(routine) did not converge (\(count) values failed)"
        case .nonFiniteInput(let routine):
            return "\(routine): input contains NaN or infinity"
        case .shapeMismatch(let routine, let detail):
            return "\(routine): \(detail)"
        case .invalidArgument(let routine, let position):
            return "\(routine): LAPACK rejected argument \(position)"
        }
    }
}
