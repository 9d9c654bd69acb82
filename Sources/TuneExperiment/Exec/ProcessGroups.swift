import Foundation
import Synchronization

/// The process groups of the trial commands running now. Foundation starts each command in a
/// group of its own, so the terminal's Ctrl-C reaches `tune-train` but not them;
/// ``stopOnInterrupt()`` passes the interruption on, so no trial command outlives the study.
///
/// The groups live in a fixed table the signal handler can read without locking or allocating
/// (what a handler may do); commands beyond its ``capacity`` run but are not passed signals.
public enum ProcessGroups {
    /// Commands tracked at once.
    static let capacity = 1024
    /// Group ids, 0 for a free slot; written under ``lock``, read by the signal handler.
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<pid_t> = {
        let slots = UnsafeMutablePointer<pid_t>.allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        return slots
    }()
    private static let lock = NSLock()
    /// Commands being started whose groups are not in the table yet: an interruption waits for
    /// them (briefly), so a command started just before Ctrl-C is stopped too.
    private static let launching = Atomic<Int>(0)
    /// How long an interruption waits for commands being started, at most.
    private static let launchWaitMilliseconds = 200

    /// Runs `launch` (which starts a command and returns its group) and tracks the group, with
    /// interruptions waiting until it is tracked.
    static func launch(_ launch: () throws -> pid_t) rethrows {
        launching.add(1, ordering: .sequentiallyConsistent)
        defer { launching.subtract(1, ordering: .sequentiallyConsistent) }
        insert(try launch())
    }

    /// Tracks `group` (when the table has room).
    private static func insert(_ group: pid_t) { replace(0, with: group) }

    /// Stops tracking `group`: its command has finished.
    static func remove(_ group: pid_t) { replace(group, with: 0) }

    /// Writes `new` into the first slot holding `old`, if any.
    private static func replace(_ old: pid_t, with new: pid_t) {
        lock.withLock {
            if let slot = (0..<capacity).first(where: { slots[$0] == old }) { slots[slot] = new }
        }
    }

    /// From now on, SIGINT, SIGTERM or SIGHUP sends SIGTERM to every running command's group and
    /// then ends this process by the same signal, as it would have ended without the handler.
    /// (A caught signal, unlike an ignored one, is not inherited by the commands started later.)
    public static func stopOnInterrupt() {
        _ = slots  // The table is made now: the handler must not be the first to touch it.
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { received in
                // nanosleep may be called from a signal handler; locks may not.
                var pause = timespec(tv_sec: 0, tv_nsec: 1_000_000)
                var waited = 0
                while ProcessGroups.launching.load(ordering: .sequentiallyConsistent) > 0, waited < ProcessGroups.launchWaitMilliseconds {
                    nanosleep(&pause, nil)
                    waited += 1
                }
                for slot in 0..<ProcessGroups.capacity where ProcessGroups.slots[slot] != 0 {
                    kill(-ProcessGroups.slots[slot], SIGTERM)
                }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}
