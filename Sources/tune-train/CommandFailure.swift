import ArgumentParser
import Foundation

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
    do {
        return try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        printError("\(error)")
        throw ExitStatus.dataError
    }
}
