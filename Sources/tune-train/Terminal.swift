import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Facts about where this process writes its standard error.
enum Terminal {
    /// Whether standard error is a terminal (not a pipe, file or CI log).
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Whether standard output is a terminal.
    static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Whether the user asked for no colour: `NO_COLOR` set to anything but the empty string.
    static var noColorRequested: Bool {
        guard let value = ProcessInfo.processInfo.environment["NO_COLOR"] else { return false }
        return !value.isEmpty
    }

    /// The terminal's width in columns, when standard error is one that says.
    static var standardErrorWidth: Int? {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
