/// The test functions `tune-train optimize --function` knows, with the dimensions each allows.
public enum TestFunctionFamily: String, CaseIterable, Codable, Sendable {
    case branin, hartmann, rosenbrock, ackley, levy, sphere

    /// The only dimension the function is defined in, for Branin (2) and Hartmann (6); nil for
    /// functions defined in any dimension.
    public var fixedDimension: Int? {
        switch self {
        case .branin: return 2
        case .hartmann: return 6
        case .rosenbrock, .ackley, .levy, .sphere: return nil
        }
    }

    /// The smallest dimension: Rosenbrock couples neighbouring variables, so it needs two.
    public var minimumDimension: Int { fixedDimension ?? (self == .rosenbrock ? 2 : 1) }

    /// The dimension used when none is asked for: the sample-efficiency benchmark's.
    public var defaultDimension: Int {
        switch self {
        case .branin: return 2
        case .hartmann: return 6
        case .rosenbrock, .levy, .sphere: return 4
        case .ackley: return 5
        }
    }

    /// The function in `dimension` variables (the default dimension when nil).
    /// - Throws: ``TestFunctionError`` when the family is not defined in that dimension.
    public func function(dimension: Int? = nil) throws -> TestFunction {
        let dimension = dimension ?? defaultDimension
        if let fixedDimension, dimension != fixedDimension {
            throw TestFunctionError(message: "\(rawValue) is defined in \(fixedDimension) dimensions only, not \(dimension); drop --dim or set it to \(fixedDimension)")
        }
        guard dimension >= minimumDimension else {
            throw TestFunctionError(message: "\(rawValue) needs at least \(minimumDimension) dimension\(minimumDimension == 1 ? "" : "s"), got \(dimension)")
        }
        switch self {
        case .branin: return .branin
        case .hartmann: return .hartmann6
        case .rosenbrock: return .rosenbrock(dimension: dimension)
        case .ackley: return .ackley(dimension: dimension)
        case .levy: return .levy(dimension: dimension)
        case .sphere: return .sphere(dimension: dimension)
        }
    }
}

/// A test function asked for in a dimension it is not defined in; the message names the fix.
public struct TestFunctionError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}
