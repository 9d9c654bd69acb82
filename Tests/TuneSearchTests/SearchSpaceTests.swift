import Testing
@testable import TuneSearch

@Suite struct SearchSpaceTests {
    @Test func conditionsMustNameAnEarlierParameterAndItsValues() {
        #expect(throws: SearchSpaceError.self) {
            try SearchSpace([.init("momentum", .float(low: 0, high: 1), condition: .init(parent: "optimizer", values: ["sgd"]))])
        }
        #expect {
            try SearchSpace([
                .init("optimizer", .categorical(["sgd", "adam"])),
                .init("momentum", .float(low: 0, high: 1), condition: .init(parent: "optimizer", values: ["lbfgs"])),
            ])
        } throws: { error in (error as? SearchSpaceError)?.description.contains("lbfgs") == true }
    }

    @Test func aNameDefinedTwiceIsAnError() {
        #expect(throws: SearchSpaceError.self) {
            try SearchSpace([.init("a", .int(low: 0, high: 1)), .init("a", .int(low: 0, high: 2))])
        }
    }

    /// A conditional parameter is suggested only when its parent took one of its values, and the
    /// parameters come back in the space's order.
    @Test func aTrialSuggestsTheSpaceSkippingUnmetConditions() throws {
        let space = try SearchSpace([
            .init("optimizer", .categorical(["sgd", "adam"])),
            .init("momentum", .float(low: 0, high: 1), condition: .init(parent: "optimizer", values: ["sgd"])),
            .init("lr", .float(low: 1e-4, high: 1, log: true)),
        ])
        let study = try Study(name: "s", sampler: RandomSampler(seed: 7))
        var seen: Set<String> = []
        for _ in 0..<12 {
            let trial = try #require(try study.ask())
            let chosen = try trial.suggest(space)
            let optimizer = chosen[0].value
            #expect(chosen.map(\.name) == (optimizer == "sgd" ? ["optimizer", "momentum", "lr"] : ["optimizer", "lr"]))
            #expect(Set(trial.parameters.keys) == Set(chosen.map(\.name)))
            seen.insert(optimizer.description)
            try study.tell(trial, value: 0)
        }
        #expect(seen == ["sgd", "adam"], "both branches were drawn")
    }

    @Test func intersectionKeepsParametersEveryFinishedTrialSharesWithOneDistribution() {
        let float = ParameterDistribution.float(low: 0, high: 1)
        let trials = [
            TrialRecord(id: 0, number: 0, state: .complete, value: 1, internalParameters: ["a": 0.5, "b": 0.1, "c": 0.2],
                        distributions: ["a": float, "b": float, "c": float]),
            TrialRecord(id: 1, number: 1, state: .pruned, internalParameters: ["a": 0.2, "b": 3],
                        distributions: ["a": float, "b": .float(low: 0, high: 5)]),
            TrialRecord(id: 2, number: 2, state: .running, internalParameters: ["z": 1], distributions: ["z": float]),
        ]
        let space = SearchSpace.intersection(of: TrialHistory(direction: .minimize, trials: trials))
        #expect(space.names == ["a"])
    }
}
