import Testing

/// Whether `actual` is within `atol + rtol·|expected|` of `expected` (NumPy's `isclose`).
public func isClose<T: BinaryFloatingPoint>(_ actual: T, _ expected: T, rtol: T = 1e-6, atol: T = 0) -> Bool {
    if actual == expected { return true }
    guard actual.isFinite, expected.isFinite else { return false }
    return abs(actual - expected) <= atol + rtol * abs(expected)
}

/// Records an issue at the caller's source location unless every element pair is close.
public func expectClose<T: BinaryFloatingPoint>(
    _ actual: [T], _ expected: [T], rtol: T = 1e-6, atol: T = 0, _ what: String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard actual.count == expected.count else {
        Issue.record("\(what): count \(actual.count) != expected \(expected.count)", sourceLocation: sourceLocation)
        return
    }
    for (index, (a, e)) in zip(actual, expected).enumerated() where !isClose(a, e, rtol: rtol, atol: atol) {
        Issue.record("\(what)[\(index)]: \(a) is not within rtol \(rtol), atol \(atol) of \(e)", sourceLocation: sourceLocation)
        return
    }
}

/// Records an issue at the caller's source location unless the two numbers are close.
public func expectClose<T: BinaryFloatingPoint>(
    _ actual: T, _ expected: T, rtol: T = 1e-6, atol: T = 0, _ what: String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    if !isClose(actual, expected, rtol: rtol, atol: atol) {
        Issue.record("\(what): \(actual) is not within rtol \(rtol), atol \(atol) of \(expected)", sourceLocation: sourceLocation)
    }
}
