/// The trials of some generations of one CMA-ES run, read from a history in one pass: which
/// trials each of those generations told (what a replay needs).
struct CMAESLedger {
    /// A run and a generation within it.
    struct Slot: Hashable, Comparable, Sendable {
        var restart: Int
        var generation: Int

        static func < (a: Slot, b: Slot) -> Bool { (a.restart, a.generation) < (b.restart, b.generation) }
    }

    /// A trial of a slot: its record and its tag.
    struct Entry {
        var trial: TrialRecord
        var tag: CMAESTag
    }

    let space: SearchSpace
    /// The trials tagged with the run and one of the generations read, by slot, in number order.
    private(set) var slots: [Slot: [Entry]] = [:]

    /// The trials of `space`'s run `restart` tagged with a generation in `generations`.
    init(trials: [TrialRecord], space: SearchSpace, restart: Int, generations: ClosedRange<Int>) {
        self.space = space
        let spaceJSON = CMAESTag.json(space.names)
        for trial in trials {
            guard let slot = CMAESTag.slot(in: trial.systemAttributes, space: spaceJSON), slot.restart == restart,
                  generations.contains(slot.generation), let tag = CMAESTag(trial.systemAttributes) else { continue }
            slots[slot, default: []].append(Entry(trial: trial, tag: tag))
        }
    }

    /// Whether `trial` can be told to a generation of `space`: COMPLETE with a finite value, and
    /// every parameter of the space drawn from its distribution.
    static func isTellable(_ trial: TrialRecord, in space: SearchSpace) -> Bool {
        guard trial.state == .complete, let value = trial.value, value.isFinite else { return false }
        return space.parameters.allSatisfy { parameter in
            trial.distributions[parameter.name] == parameter.distribution
                && trial.internalParameters[parameter.name].map(\.isFinite) == true
        }
    }

    /// The tellable trials of `slot`, in number order.
    func completed(_ slot: Slot) -> [TrialRecord] {
        (slots[slot] ?? []).map(\.trial).filter { Self.isTellable($0, in: space) }
    }

    /// The λ trials generation `slot` told: the parents recorded on the first trial of the next
    /// generation, or — while that generation is not open (or its record is unusable) — the
    /// first λ tellable trials of `slot` by number, as the claim that opens it chooses them.
    /// Fewer than λ when the generation is not done. Needs slots `slot` and the next one read.
    func members(of slot: Slot, populationSize: Int) -> [TrialRecord] {
        let candidates = completed(slot)
        let next = Slot(restart: slot.restart, generation: slot.generation + 1)
        if let parents = slots[next]?.first(where: { $0.tag.parents != nil })?.tag.parents, parents.count == populationSize {
            let byNumber = Dictionary(candidates.map { ($0.number, $0) }) { first, _ in first }
            let recorded = parents.compactMap { byNumber[$0] }
            if recorded.count == populationSize { return recorded }
        }
        return Array(candidates.prefix(populationSize))
    }
}
