import Foundation

/// Why a trial of `tune-train exec` failed, stored as the trial's fail reason: what happened,
/// then the last lines of the command's standard error joined by ` | ` (one line, so the trial
/// log stays one line per trial).
public struct ExecTrialFailure: Error, CustomStringConvertible, Sendable {
    /// What happened: "exited with status 2", "timed out after 5 s", ….
    public let problem: String
    public let standardErrorTail: [String]

    public init(_ problem: String, standardErrorTail: [String] = []) {
        self.problem = problem
        self.standardErrorTail = standardErrorTail
    }

    public var description: String {
        let tail = standardErrorTail.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return tail.isEmpty ? problem : "\(problem); standard error ends: \(tail.joined(separator: " | "))"
    }
}
