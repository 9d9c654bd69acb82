/// The system attributes a CMA-ES trial is created with (by ``CMAESSampler/claim(history:)``),
/// which make the sampler stateless across processes: which run and generation the trial belongs
/// to, in which space, and — on the first trial of a generation — which trials were told to make
/// that generation's distribution.
///
/// - `cmaes:space`: the names of the jointly sampled parameters, in order (a JSON array). A run
///   belongs to one space; when the space changes (a shrinking intersection), a new run starts.
/// - `cmaes:restart`: the run (0, then 1, 2, … after IPOP restarts).
/// - `cmaes:generation`: the generation within the run; the trial is drawn from its distribution.
/// - `cmaes:parents`: the numbers of the λ COMPLETE trials of the previous generation that were
///   told to make this one (in number order). Recorded once, when the generation is opened, so
///   the membership does not change when a slow earlier trial completes afterwards.
struct CMAESTag: Equatable, Sendable {
    static let spaceKey = "cmaes:space"
    static let restartKey = "cmaes:restart"
    static let generationKey = "cmaes:generation"
    static let parentsKey = "cmaes:parents"

    var space: [String]
    var restart: Int
    var generation: Int
    var parents: [Int]?

    init(space: [String], restart: Int, generation: Int, parents: [Int]? = nil) {
        self.space = space
        self.restart = restart
        self.generation = generation
        self.parents = parents
    }

    /// The tag in `attributes`, or nil when the trial was not created by the CMA-ES sampler (a
    /// startup trial, an enqueued one, a retried one, or one from another sampler).
    init?(_ attributes: [String: JSONValue]) {
        guard case .array(let names)? = attributes[Self.spaceKey],
              let generation = Self.integer(attributes[Self.generationKey]) else { return nil }
        var space: [String] = []
        for name in names {
            guard case .string(let text) = name else { return nil }
            space.append(text)
        }
        self.space = space
        self.generation = generation
        self.restart = Self.integer(attributes[Self.restartKey]) ?? 0
        if case .array(let numbers)? = attributes[Self.parentsKey] {
            let parents = numbers.compactMap(Self.integer)
            self.parents = parents.count == numbers.count ? parents : nil
        } else {
            self.parents = nil
        }
    }

    /// The `cmaes:space` value of a space with parameters `names`.
    static func json(_ names: [String]) -> JSONValue { .array(names.map(JSONValue.string)) }

    /// The run and generation in `attributes` when they tag a trial of the space whose
    /// `cmaes:space` value is `space` (a quick check: nothing is decoded but two integers).
    static func slot(in attributes: [String: JSONValue], space: JSONValue) -> CMAESLedger.Slot? {
        guard let generation = integer(attributes[generationKey]), attributes[spaceKey] == space else { return nil }
        return CMAESLedger.Slot(restart: integer(attributes[restartKey]) ?? 0, generation: generation)
    }

    /// The tag as system attributes.
    var attributes: [String: JSONValue] {
        var attributes: [String: JSONValue] = [
            Self.spaceKey: Self.json(space),
            Self.restartKey: .int(restart),
            Self.generationKey: .int(generation),
        ]
        if let parents { attributes[Self.parentsKey] = .array(parents.map(JSONValue.int)) }
        return attributes
    }

    private static func integer(_ value: JSONValue?) -> Int? {
        guard let number = value?.number, number.rounded() == number, abs(number) < 1e15 else { return nil }
        return Int(number)
    }
}
