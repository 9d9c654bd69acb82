import Foundation

/// Called after each trial finishes, one call at a time: for progress display and stopping rules
/// (call `study.stop()` to start no further trial).
public typealias StudyCallback = @Sendable (Study, TrialRecord) -> Void

extension Study {
    /// Runs `objective` on new trials until `trials` of them have finished in this call, `timeout`
    /// seconds have passed (no trial starts after that), ``stop()`` is called, or the sampler has
    /// nothing left (a finished grid).
    ///
    /// The objective suggests parameters on the trial and returns its value. A thrown
    /// ``TrialPruned`` ends the trial PRUNED; any other error, or a NaN or infinite value, ends it
    /// FAIL with the reason stored, and the study goes on.
    /// - Parameters:
    ///   - concurrency: workers running trials at once (threads of this process).
    /// - Throws: ``StudyError/invalidSetting(_:)`` for a non-positive count, timeout or
    ///   concurrency; storage errors (the study cannot go on without its storage).
    public func optimize(
        trials: Int? = nil, timeout: TimeInterval? = nil, concurrency: Int = 1, callbacks: [StudyCallback] = [],
        objective: @escaping @Sendable (Trial) throws -> Double
    ) throws {
        let run = try OptimizationRun(study: self, trials: trials, timeout: timeout, concurrency: concurrency, callbacks: callbacks)
        DispatchQueue.concurrentPerform(iterations: concurrency) { _ in
            while let trial = run.nextTrial() {
                let outcome: Result<Double, any Error>
                do { outcome = .success(try run.withHeartbeat(trial) { try objective(trial) }) } catch { outcome = .failure(error) }
                run.finish(trial, outcome)
            }
        }
        try run.rethrowStorageError()
    }

    /// The `async` form of ``optimize(trials:timeout:concurrency:callbacks:objective:)``, with
    /// one child task per worker.
    public func optimize(
        trials: Int? = nil, timeout: TimeInterval? = nil, concurrency: Int = 1, callbacks: [StudyCallback] = [],
        objective: @escaping @Sendable (Trial) async throws -> Double
    ) async throws {
        let run = try OptimizationRun(study: self, trials: trials, timeout: timeout, concurrency: concurrency, callbacks: callbacks)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    while let trial = run.nextTrial() {
                        let heartbeat = run.startHeartbeat(trial)
                        let outcome: Result<Double, any Error>
                        do { outcome = .success(try await objective(trial)) } catch { outcome = .failure(error) }
                        heartbeat?.cancel()
                        run.finish(trial, outcome)
                    }
                }
            }
        }
        try run.rethrowStorageError()
    }
}

/// The shared state of one `optimize` call: how many trials it started, its deadline, the first
/// storage error, and the lock that keeps callbacks one at a time.
private final class OptimizationRun: @unchecked Sendable {
    let study: Study
    let limit: Int?
    let deadline: Date?
    let callbacks: [StudyCallback]
    private let lock = NSLock()
    private let callbackLock = NSLock()
    private var started = 0
    private var storageError: (any Error)?

    init(study: Study, trials: Int?, timeout: TimeInterval?, concurrency: Int, callbacks: [StudyCallback]) throws {
        if let trials, trials < 0 { throw StudyError.invalidSetting("trials must be >= 0, got \(trials)") }
        if let timeout, !(timeout > 0) { throw StudyError.invalidSetting("timeout must be > 0 seconds, got \(timeout)") }
        guard concurrency >= 1 else { throw StudyError.invalidSetting("concurrency must be >= 1, got \(concurrency)") }
        self.study = study
        self.limit = trials
        self.deadline = timeout.map { Date().addingTimeInterval($0) }
        self.callbacks = callbacks
        study.clearStopRequest()
    }

    /// The next trial to run, or nil when this worker should stop.
    func nextTrial() -> Trial? {
        lock.lock()
        if storageError != nil || study.isStopRequested || (limit.map { started >= $0 } ?? false)
            || (deadline.map { Date() >= $0 } ?? false) {
            lock.unlock()
            return nil
        }
        started += 1
        lock.unlock()
        do {
            guard let trial = try study.ask() else {
                study.stop()
                return nil
            }
            return trial
        } catch let error as SearchSpaceError {
            // The sampler could not sample the trial (which is stored as FAIL): stop, and say why.
            record(error)
            return nil
        } catch {
            record(error)
            return nil
        }
    }

    func withHeartbeat<T>(_ trial: Trial, _ body: () throws -> T) rethrows -> T {
        let heartbeat = startHeartbeat(trial)
        defer { heartbeat?.cancel() }
        return try body()
    }

    /// A timer that records the trial's heartbeat every interval, when the study has one.
    func startHeartbeat(_ trial: Trial) -> (any DispatchSourceTimer)? {
        guard let interval = study.heartbeatInterval else { return nil }
        let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        let storage = study.storage
        let id = trial.id
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { try? storage.recordHeartbeat(trialID: id) }
        timer.resume()
        return timer
    }

    /// Tells the study how the trial ended and runs the callbacks.
    func finish(_ trial: Trial, _ outcome: Result<Double, any Error>) {
        do {
            let record: TrialRecord
            switch outcome {
            case .success(let value):
                record = try study.tell(trial, value: value)
            case .failure(let error) where error is TrialPruned:
                record = try study.tell(trial, state: .pruned)
            case .failure(let error):
                record = try study.fail(trial, reason: String(describing: error))
            }
            callbackLock.lock()
            defer { callbackLock.unlock() }
            for callback in callbacks { callback(study, record) }
        } catch {
            record(error)
        }
    }

    private func record(_ error: any Error) {
        lock.lock()
        if storageError == nil { storageError = error }
        lock.unlock()
    }

    func rethrowStorageError() throws {
        lock.lock()
        defer { lock.unlock() }
        if let storageError { throw storageError }
    }
}
