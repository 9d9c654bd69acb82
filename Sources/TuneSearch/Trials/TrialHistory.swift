import Foundation

/// What samplers and pruners may know of a study: its direction and a snapshot of its trials.
/// They never see the study or its storage, so they cannot change them.
///
/// A history handed out by a study reads its trials from storage only when first asked for them,
/// so samplers that ignore the past (random, grid, quasi-random) cost nothing per trial however
/// long the study is.
public struct TrialHistory: Sendable {
    public var direction: StudyDirection
    private let source: TrialSource

    /// Every trial of the study at the time of the snapshot, in number order.
    public var trials: [TrialRecord] { source.trials }

    public init(direction: StudyDirection, trials: [TrialRecord]) {
        self.direction = direction
        self.source = TrialSource(loaded: TrialSource.inNumberOrder(trials))
    }

    /// A history whose trials `load` reads when first needed.
    init(direction: StudyDirection, loading load: @escaping @Sendable () throws -> [TrialRecord]) {
        self.direction = direction
        self.source = TrialSource(load: load)
    }

    /// The error of a lazy load that failed (its trials then read as empty); the study rethrows it.
    var loadError: (any Error)? { source.error }

    /// The trials in `states`, in number order.
    public func trials(in states: Set<TrialState>) -> [TrialRecord] {
        trials.filter { states.contains($0.state) }
    }

    /// The COMPLETE trials.
    public var completed: [TrialRecord] { trials(in: [.complete]) }

    /// The best COMPLETE trial (the earliest among equals), or nil.
    public var best: TrialRecord? {
        var best: TrialRecord?
        for trial in trials where trial.state == .complete {
            guard let value = trial.value else { continue }
            if let incumbent = best?.value, !direction.isBetter(value, than: incumbent) { continue }
            best = trial
        }
        return best
    }
}

/// The trials of a history, loaded at most once.
private final class TrialSource: @unchecked Sendable {
    private let lock = NSLock()
    private var load: (@Sendable () throws -> [TrialRecord])?
    private var loaded: [TrialRecord]?
    private(set) var error: (any Error)?

    init(loaded: [TrialRecord]) { self.loaded = loaded }
    init(load: @escaping @Sendable () throws -> [TrialRecord]) { self.load = load }

    var trials: [TrialRecord] {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        do {
            loaded = Self.inNumberOrder(try load?() ?? [])
        } catch {
            self.error = error
            loaded = []
        }
        load = nil
        return loaded!
    }

    /// `trials` sorted by number; storages list them so already, and sorting would copy every record.
    static func inNumberOrder(_ trials: [TrialRecord]) -> [TrialRecord] {
        let isSorted = trials.indices.dropFirst().allSatisfy { trials[$0 - 1].number <= trials[$0].number }
        return isSorted ? trials : trials.sorted { $0.number < $1.number }
    }
}
