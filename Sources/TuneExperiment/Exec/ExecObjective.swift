import Foundation
import TuneSearch

/// What one trial of `tune-train exec` does: suggest the space's parameters, run the command
/// with them substituted and exported, pass its intermediate values to the pruner (stopping the
/// command when the pruner says so), and return the objective it printed. A command that exits
/// non-zero, is killed, times out or prints no finite value fails the trial with
/// ``ExecTrialFailure``.
struct ExecObjective: Sendable {
    var template: CommandTemplate
    var space: SearchSpace
    /// Seconds a command may run; nil for no limit.
    var trialTimeout: TimeInterval?

    func callAsFunction(_ trial: Trial) async throws -> Double {
        let chosen = try trial.suggest(space)
        let arguments = template.arguments(for: chosen)
        guard let executable = CommandProcess.locate(arguments[0]) else {
            throw ExecTrialFailure("cannot run '\(arguments[0])': no such executable (give a path, or a program in PATH)")
        }
        let reader = OutputReader(trial: trial)
        let outcome: CommandProcess.Outcome
        do {
            outcome = try await CommandProcess.run(
                executable, arguments: arguments, environment: template.environment(for: chosen, trialNumber: trial.number),
                timeout: trialTimeout, onOutputLine: reader.read)
        } catch {
            throw ExecTrialFailure("cannot run '\(executable.path)': \(error.localizedDescription)")
        }
        let tail = outcome.standardErrorTail
        switch outcome.ending {
        case .stopped:
            if let error = reader.reportError { throw error }
            throw TrialPruned()
        case .timedOut:
            throw ExecTrialFailure("timed out after \(Self.seconds(trialTimeout ?? 0)) s", standardErrorTail: tail)
        case .signaled(let signal):
            throw ExecTrialFailure("killed by signal \(signal)", standardErrorTail: tail)
        case .exited(let status) where status != 0:
            throw ExecTrialFailure("exited with status \(status)", standardErrorTail: tail)
        case .exited:
            guard let value = reader.value else {
                throw ExecTrialFailure("printed no value (the objective is the last line of standard output that is a number, or {\"value\": v})", standardErrorTail: tail)
            }
            guard value.isFinite else { throw ExecTrialFailure("printed \(value), not a finite number", standardErrorTail: tail) }
            return value
        }
    }

    /// `5` for whole seconds, `0.5` otherwise.
    private static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// Follows a trial command's standard output: keeps the last objective value and reports
/// intermediate values to the trial, asking to stop the command when the pruner says so.
private final class OutputReader: @unchecked Sendable {
    let trial: Trial
    private let lock = NSLock()
    private var lastValue: Double?
    private var storageError: (any Error)?

    init(trial: Trial) { self.trial = trial }

    /// The last objective value printed.
    var value: Double? { lock.withLock { lastValue } }

    /// An error reporting an intermediate value (a storage failure), which stopped the command.
    var reportError: (any Error)? { lock.withLock { storageError } }

    func read(_ line: String) -> CommandProcess.Verdict {
        switch ObjectiveLine(line) {
        case .value(let value)?:
            lock.withLock { lastValue = value }
            return .proceed
        case .intermediate(let step, let value)?:
            do {
                try trial.report(value, step: step)
                return try trial.shouldPrune() ? .stop : .proceed
            } catch {
                lock.withLock { storageError = error }
                return .stop
            }
        case nil:
            return .proceed
        }
    }
}
