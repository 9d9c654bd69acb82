import ArgumentParser
import Foundation
import TuneData
import TuneExperiment
import TuneModels
import TuneSQLite
import TuneSearch

/// The documented exit codes (README, `tune-train --help`).
enum ExitStatus {
    /// The run itself failed (a model diverged, storage is locked, ...).
    static let runFailed = ExitCode(1)
    /// A usage error (argument-parser's `ValidationError` uses the same code, EX_USAGE).
    static let usage = ExitCode(64)
    /// A data or space file that cannot be read or parsed (EX_DATAERR).
    static let dataError = ExitCode(65)
}

/// Prints `message` as one line on standard error, prefixed as argument-parser prefixes its own.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
}

/// Runs `body`; an error it throws is printed as one line and becomes exit code 65.
func exitingOnDataError<T>(_ body: () throws -> T) throws -> T {
    try exiting(body) { _ in ExitStatus.dataError }
}

/// Runs `body`, printing an error it throws as one line and mapping it to the documented exit
/// code (see ``exitCode(for:)``).
func exitingOnRunError<T>(_ body: () throws -> T) throws -> T {
    try exiting(body, code: exitCode(for:))
}

/// The `async` form of ``exitingOnRunError(_:)``.
func exitingOnRunError<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        return try exitingOnRunError { throw error }
    }
}

/// Runs `body`; an error it throws (other than an exit code) is printed as one line and becomes
/// the exit code `code` gives it.
private func exiting<T>(_ body: () throws -> T, code: (any Error) -> ExitCode) throws -> T {
    do {
        return try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        printError("\(error)")
        throw code(error)
    }
}

/// Usage (64) for settings the user can fix on the command line, data (65) for data and space
/// files, run failure (1) for the rest (divergence, storage failures).
func exitCode(for error: any Error) -> ExitCode {
    switch error {
    case is ParameterError, is SearchSpaceError, is StudyError, is PrunerError, is StorageURLError, is StoredStudyError,
         is CommandTemplateError:
        return ExitStatus.usage
    case let error as ModelError:
        switch error {
        case .invalidHyperparameter, .taskMismatch: return ExitStatus.usage
        case .diverged, .unusableData: return ExitStatus.runFailed
        }
    case is DataError, is SearchSpaceFileError:
        return ExitStatus.dataError
    default:
        return ExitStatus.runFailed
    }
}
