/// Hands each finished trial of a study's history to a cache once, without rereading the trials it
/// has settled: a cache of finished trials (which never change) otherwise looks at every trial at
/// every sampling call, O(n) per trial and O(n²) per study.
///
/// The cursor remembers the numbers it has visited and how many leading trials of the history
/// (which lists trials in number order and only grows) had all finished when it last looked; a
/// visit starts after them. In a sequential study that leaves the one running trial to look at.
struct FinishedTrialCursor {
    /// `trials[0..<settledCount]` of the history had all finished and been visited; RUNNING and
    /// WAITING trials (those that may still finish) lie at or after it.
    private(set) var settledCount = 0
    /// Whether the trial with each number has been visited.
    private var visited: [Bool] = []

    /// Calls `visit` with each finished trial of `trials` (a history's trials, in number order)
    /// that no earlier call visited.
    mutating func visitNewlyFinished(_ trials: [TrialRecord], _ visit: (TrialRecord) -> Void) {
        var index = min(settledCount, trials.count)
        var settled = true
        while index < trials.count {
            let state = trials[index].state, number = trials[index].number
            if state.isFinished {
                if !hasVisited(number) {
                    precondition(number >= 0, "trial numbers start at 0")
                    if number >= visited.count { visited += [Bool](repeating: false, count: max(number + 1 - visited.count, visited.count)) }
                    visited[number] = true
                    visit(trials[index])
                }
                if settled { settledCount = index + 1 }
            } else {
                settled = false
            }
            index += 1
        }
    }

    /// Whether the trial numbered `number` has been visited (it had finished).
    func hasVisited(_ number: Int) -> Bool {
        number >= 0 && number < visited.count && visited[number]
    }
}
