import Foundation

/// One run of a trial's command as a child process: standard output is read line by line as it
/// streams (so intermediate values reach the pruner while the command runs), the last lines of
/// standard error are kept for a failure's reason, and the command can be stopped — by a
/// timeout or by the caller — with SIGTERM and, if it lingers, SIGKILL.
///
/// Foundation starts each child in its own process group; stopping signals the whole group, so a
/// shell script's children stop with it.
public final class CommandProcess: @unchecked Sendable {
    /// How a run ended.
    public struct Outcome: Sendable {
        public enum Ending: Sendable, Equatable {
            /// The command exited with this status.
            case exited(Int32)
            /// The command was ended by this signal (not sent by us).
            case signaled(Int32)
            /// The timeout passed and the command was stopped.
            case timedOut
            /// The caller asked to stop it (a pruned trial).
            case stopped
        }

        public var ending: Ending
        /// The last lines of standard error, oldest first.
        public var standardErrorTail: [String]
    }

    /// What the line handler wants after a line of standard output.
    public enum Verdict: Sendable {
        case proceed
        /// Stop the command; its run ends as ``Outcome/Ending/stopped``.
        case stop
    }

    /// Lines of standard error kept.
    static let keptErrorLines = 20
    /// Seconds between SIGTERM and SIGKILL.
    static let killGrace: TimeInterval = 3

    private let process = Process()
    private let lock = NSLock()
    private var stopReason: Outcome.Ending?
    /// Set once the command has exited and closed its output: after that a late timer must not
    /// signal its group id, which a new command may have taken.
    private var isFinished = false

    private init() {}

    /// The executable `program` names: a path when it contains a slash, otherwise the first
    /// executable file of that name in the `PATH` directories; nil when there is none.
    public static func locate(_ program: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> URL? {
        let candidates = program.contains("/") ? [program]
            : (path ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/\(program)" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map { URL(fileURLWithPath: $0) }
    }

    /// Runs `executable` with `arguments` and the current environment plus `environment`, until it
    /// has exited and closed its output.
    /// - Parameters:
    ///   - timeout: seconds after which the command is stopped; nil for none.
    ///   - onOutputLine: called with each line of standard output, in order, on a reading thread.
    /// - Throws: when the command cannot be started.
    public static func run(
        _ executable: URL, arguments: [String], environment: [String: String], timeout: TimeInterval?,
        onOutputLine: @escaping @Sendable (String) -> Verdict
    ) async throws -> Outcome {
        let command = CommandProcess()
        return try await command.run(executable, arguments: arguments, environment: environment, timeout: timeout,
                                     onOutputLine: onOutputLine)
    }

    private func run(
        _ executable: URL, arguments: [String], environment: [String: String], timeout: TimeInterval?,
        onOutputLine: @escaping @Sendable (String) -> Verdict
    ) async throws -> Outcome {
        let output = Pipe(), errors = Pipe()
        process.executableURL = executable
        process.arguments = Array(arguments.dropFirst())
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = errors
        let finished = DispatchGroup()
        finished.enter()
        process.terminationHandler = { _ in finished.leave() }
        try await start()
        if let timeout {
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [self] in stop(.timedOut) }
        }
        let tail = LineTail(capacity: Self.keptErrorLines)
        Self.readLines(of: output.fileHandleForReading, group: finished) { [self] line in
            guard !isStopping else { return }
            if onOutputLine(line) == .stop { stop(.stopped) }
        }
        Self.readLines(of: errors.fileHandleForReading, group: finished) { tail.append($0) }
        return await withCheckedContinuation { continuation in
            finished.notify(queue: .global()) { [self] in
                lock.withLock { isFinished = true }
                ProcessGroups.remove(process.processIdentifier)
                continuation.resume(returning: Outcome(ending: ending, standardErrorTail: tail.lines))
            }
        }
    }

    /// Starts the process (tracking its group, ``ProcessGroups``) from a new thread that blocks no
    /// signal. A child inherits the signal mask of the thread that starts it, and the threads async
    /// code runs on (libdispatch's workers) block nearly every signal: a command started from one
    /// ignored SIGTERM and SIGINT until SIGKILL.
    private func start() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            Thread { [self] in
                var none = sigset_t()
                sigemptyset(&none)
                pthread_sigmask(SIG_SETMASK, &none, nil)
                do {
                    try ProcessGroups.launch {
                        try process.run()
                        return process.processIdentifier
                    }
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }.start()
        }
    }

    private var isStopping: Bool { lock.withLock { stopReason != nil } }

    private var ending: Outcome.Ending {
        if let reason = lock.withLock({ stopReason }) { return reason }
        return process.terminationReason == .uncaughtSignal ? .signaled(process.terminationStatus) : .exited(process.terminationStatus)
    }

    /// Sends SIGTERM to the command's process group, then SIGKILL after ``killGrace`` seconds to
    /// whatever of it still holds the output open.
    private func stop(_ reason: Outcome.Ending) {
        let group = process.processIdentifier
        let stopping = lock.withLock {
            guard stopReason == nil, !isFinished else { return false }
            stopReason = reason
            return true
        }
        guard stopping else { return }
        kill(-group, SIGTERM)
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.killGrace) { [self] in
            if !lock.withLock({ isFinished }) { kill(-group, SIGKILL) }
        }
    }

    /// Reads `handle` to its end on a thread of its own (a blocking read must not hold one of the
    /// few threads async tasks run on), calling `body` per line; leaves `group` at the end.
    private static func readLines(of handle: FileHandle, group: DispatchGroup, _ body: @escaping @Sendable (String) -> Void) {
        group.enter()
        let reader = Thread {
            var pending = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    body(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                    pending = Data(pending[pending.index(after: newline)...])
                }
            }
            if !pending.isEmpty { body(String(decoding: pending, as: UTF8.self)) }
            group.leave()
        }
        reader.start()
    }
}

/// The last lines of a stream, up to a capacity, kept from a reading thread.
private final class LineTail: @unchecked Sendable {
    private let capacity: Int
    private let lock = NSLock()
    private var kept: [String] = []

    init(capacity: Int) { self.capacity = capacity }

    func append(_ line: String) {
        lock.withLock {
            kept.append(line)
            if kept.count > capacity { kept.removeFirst(kept.count - capacity) }
        }
    }

    var lines: [String] { lock.withLock { kept } }
}
