import Foundation
import TuneSearch

/// Everything a `tune-train exec` study needs besides its storage.
public struct ExecSettings: Sendable {
    /// The command with its `{name}` placeholders, the program first.
    public var command: [String]
    public var space: SearchSpace
    public var search: SearchKind = .tpe
    public var direction: StudyDirection = .minimize
    /// Trials the study should hold, as ``TuningSettings/trials``.
    public var trials: Int?
    public var seed: UInt64 = 0
    public var pruner = PrunerKind.none
    /// The study's name; nil for ``defaultStudyName``.
    public var studyName: String?
    /// Commands run at once.
    public var concurrency = 1
    /// Seconds a command may run before it is stopped and its trial failed; nil for no limit.
    public var trialTimeout: TimeInterval?

    public init(command: [String], space: SearchSpace) {
        self.command = command
        self.space = space
    }

    /// The study name used when none is given: `exec-python3-tpe`.
    public var defaultStudyName: String {
        "exec-\(URL(fileURLWithPath: command.first ?? "command").lastPathComponent)-\(search.rawValue)"
    }
}
