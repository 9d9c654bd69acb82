import Foundation
import TuneExperiment
import TuneSearch

/// What a tuning run shows on standard error while it works.
///
/// On a terminal: one progress line redrawn in place (trials done of planned or the time left,
/// states so far, the best value and its trial, elapsed time and ETA), at most four times a
/// second; with `--verbose` each trial's line is printed above it. Elsewhere (a pipe, CI,
/// `--json`): one plain line per trial and no control characters. Colours only on a terminal and
/// never when `NO_COLOR` is set (https://no-color.org).
final class ProgressDisplay: TuningObserver, @unchecked Sendable {
    enum Mode: Equatable {
        /// A progress line redrawn in place.
        case live
        /// One line per trial.
        case log
        /// Nothing while the run works.
        case quiet
    }

    let mode: Mode
    let verbose: Bool
    let colour: Colour
    private let write: @Sendable (String) -> Void
    private let now: @Sendable () -> Date
    private let width: Int
    private let lock = NSLock()
    private var started = Date()
    private var lastDrawn: Date?
    private var planned = 0
    private var done = 0
    private var timeout: TimeInterval?
    private var counts: [TrialState: Int] = [:]
    private var lineShown = false

    /// Redraws closer together than this are skipped (the last trial is always drawn).
    static let minimumRedrawInterval: TimeInterval = 0.25

    init(mode: Mode, verbose: Bool, colour: Colour, width: Int = 100,
         write: @escaping @Sendable (String) -> Void, now: @escaping @Sendable () -> Date = Date.init) {
        self.mode = mode
        self.verbose = verbose
        self.colour = colour
        self.width = width
        self.write = write
        self.now = now
    }

    /// The display for this process's standard error: live on a terminal, a log elsewhere or
    /// with `--json`, nothing with `--quiet`.
    static func forStandardError(quiet: Bool, verbose: Bool, json: Bool) -> ProgressDisplay {
        let terminal = Terminal.standardErrorIsTerminal
        let mode: Mode = quiet ? .quiet : (terminal && !json ? .live : .log)
        return ProgressDisplay(
            mode: mode, verbose: verbose, colour: Colour(enabled: terminal && !Terminal.noColorRequested),
            width: Terminal.standardErrorWidth ?? 100,
            write: { FileHandle.standardError.write(Data($0.utf8)) })
    }

    func searchStarted(study: String, plannedTrials: Int, existingTrials: Int, timeout: TimeInterval?) {
        locked {
            started = now()
            planned = plannedTrials
            self.timeout = timeout
            if mode != .quiet {
                let budget = timeout.map { " (at most \(Self.clock($0)))" } ?? ""
                let resumed = existingTrials > 0 ? ", \(existingTrials) already stored" : ""
                write("study \(study): \(plannedTrials) trials to run\(budget)\(resumed)\n")
            }
        }
    }

    func trialFinished(_ trial: TrialRecord, in study: Study) {
        // The best trial costs a read of the study; nothing shows it in quiet mode.
        let best = mode == .quiet ? nil : (try? study.bestTrial) ?? nil
        locked {
            done += 1
            counts[trial.state, default: 0] += 1
            switch mode {
            case .quiet: return
            case .log: write(trialLine(trial, best: best) + "\n")
            case .live:
                if verbose { write(clearLine + trialLine(trial, best: best) + "\n") }
                let time = now()
                let last = done >= planned
                if verbose || last || lastDrawn.map({ time.timeIntervalSince($0) >= Self.minimumRedrawInterval }) ?? true {
                    write(clearLine + fitted(progressLine(best: best, at: time)))
                    lastDrawn = time
                    lineShown = true
                }
            }
        }
    }

    func searchFinished() {
        locked {
            if lineShown { write("\n") }
            lineShown = false
        }
    }

    func stageStarted(_ description: String) {
        locked { if mode != .quiet { write(description + "\n") } }
    }

    /// `[ 23/50] 20 complete, 3 pruned, 0 failed · best 0.9722 (trial 12) · 0:14 elapsed, ETA 0:16`.
    func progressLine(best: TrialRecord?, at time: Date) -> String {
        let elapsed = time.timeIntervalSince(started)
        let digits = String(planned).count
        let doneText = String(repeating: " ", count: max(0, digits - String(done).count)) + String(done)
        var parts = ["[\(doneText)/\(planned)] \(counts[.complete] ?? 0) complete, \(counts[.pruned] ?? 0) pruned, \(counts[.fail] ?? 0) failed"]
        if let best, let value = best.value {
            parts.append(colour.bold("best \(String(format: "%.4f", value)) (trial \(best.number))"))
        }
        var timing = "\(Self.clock(elapsed)) elapsed"
        if done > 0, done < planned {
            var left = elapsed / Double(done) * Double(planned - done)
            if let timeout { left = min(left, max(0, timeout - elapsed)) }
            timing += ", ETA \(Self.clock(left))"
        } else if let timeout, done < planned {
            timing += ", \(Self.clock(max(0, timeout - elapsed))) left"
        }
        parts.append(timing)
        return parts.joined(separator: " · ")
    }

    /// One trial, as the log shows it:
    /// `trial 12 COMPLETE 0.9583  best 0.9667 (trial 4)  n_estimators=50 max_depth=none  0.8 s`.
    func trialLine(_ trial: TrialRecord, best: TrialRecord?) -> String {
        let value = trial.value.map { String(format: "%.4f", $0) } ?? "-"
        let bestText = best.flatMap { record in record.value.map { String(format: "best %.4f (trial %d)", $0, record.number) } } ?? "best -"
        let parameters = trial.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let seconds = trial.duration.map { String(format: "  %.1f s", $0) } ?? ""
        let reason = trial.failReason.map { "  (\($0))" } ?? ""
        return "trial \(trial.number) \(colour.state(trial.state)) \(value)  \(bestText)  \(parameters)\(seconds)\(reason)"
    }

    /// Returns to the start of the line and clears it.
    private let clearLine = "\r\u{1B}[2K"

    /// `line` cut to the terminal's width so it never wraps (a wrapped line cannot be redrawn).
    private func fitted(_ line: String) -> String {
        let visible = Colour.stripped(line)
        guard visible.count >= width else { return line }
        return String(visible.prefix(max(10, width - 2))) + "…"
    }

    /// `m:ss` or `h:mm:ss`.
    static func clock(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.rounded())
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, secs) : String(format: "%d:%02d", minutes, secs)
    }

    private func locked(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        body()
    }
}
