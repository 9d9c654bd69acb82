import Foundation

extension Study {
    /// Marks FAIL every RUNNING trial whose worker is gone — a process on this host that no longer
    /// exists, or a worker without a heartbeat for ``staleGracePeriod`` seconds — and, with
    /// ``retryStaleTrials``, enqueues each again with its parameters (Optuna's
    /// `fail_stale_trials` with `RetryFailedTrialCallback`). A trial with neither a worker nor a
    /// heartbeat (``ask(detached:)``) is never stale. Called by ``ask(detached:)``.
    /// - Returns: the trials marked FAIL by this call.
    @discardableResult
    public func failStaleTrials() throws -> [TrialRecord] {
        let running = try storage.runningTrials(studyID: id)
        guard !running.isEmpty else { return [] }
        let beats = heartbeatInterval == nil ? [:] : try storage.heartbeats(studyID: id)
        let now = Date()
        let me = WorkerIdentity.current
        var failed: [TrialRecord] = []
        for trial in running {
            let worker = trial.systemAttributes[SystemAttributeKey.worker].flatMap(WorkerIdentity.init(json:))
            // A detached trial (asked for another process to tell) has no worker to outlive.
            guard worker != nil || beats[trial.id] != nil else { continue }
            let reason: String
            if let worker, worker != me, worker.host == me.host, !worker.isAlive {
                reason = "its worker (process \(worker.processID) on \(worker.host)) stopped while it ran"
            } else if heartbeatInterval != nil, let beat = beats[trial.id] ?? trial.started,
                      now.timeIntervalSince(beat) > staleGracePeriod, worker != me {
                reason = "no heartbeat from its worker for \(Int(now.timeIntervalSince(beat))) s (grace \(Int(staleGracePeriod)) s)"
            } else {
                continue
            }
            do {
                try storage.setTrialSystemAttribute(trialID: trial.id, key: SystemAttributeKey.failReason, value: .string(reason))
            } catch StorageError.trialFinished {
                continue  // its worker, or another process, finished it meanwhile
            }
            guard try storage.finishTrial(trialID: trial.id, state: .fail, value: nil) else { continue }
            failed.append(try storage.trial(id: trial.id))
            if retryStaleTrials {
                let fixed = JSONValue.object(trial.parameters.sorted { $0.key < $1.key }.map { ($0.key, $0.value.json) })
                _ = try storage.enqueueTrial(
                    studyID: id,
                    systemAttributes: [SystemAttributeKey.fixedParameters: fixed, SystemAttributeKey.retriedTrial: .int(trial.number)]
                        .merging(trial.systemAttributes.filter { $0.key == SystemAttributeKey.gridIndex || $0.key == SystemAttributeKey.gridSearchSpace }) { $1 },
                    userAttributes: trial.userAttributes)
            }
        }
        return failed
    }
}

/// The process that runs a trial, recorded with it so another process on the same host can tell
/// at once that it died.
struct WorkerIdentity: Equatable, Sendable {
    var host: String
    var processID: Int32

    static let current = WorkerIdentity(host: ProcessInfo.processInfo.hostName, processID: getpid())

    var json: JSONValue { .object([("host", .string(host)), ("pid", .int(Int(processID)))]) }

    init(host: String, processID: Int32) {
        self.host = host
        self.processID = processID
    }

    init?(json: JSONValue) {
        guard case .string(let host)? = json["host"], case .int(let pid)? = json["pid"] else { return nil }
        self.init(host: host, processID: Int32(truncatingIfNeeded: pid))
    }

    /// Whether a process with this identifier runs on this host (a zombie, killed but not yet
    /// reaped by its parent, does not count).
    var isAlive: Bool {
        guard kill(processID, 0) == 0 || errno == EPERM else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(processID)/stat", encoding: .utf8),
              let end = stat.lastIndex(of: ")") else { return true }
        // The state is the first field after the parenthesised command name.
        return stat[stat.index(after: end)...].split(separator: " ").first != "Z"
    }
}
