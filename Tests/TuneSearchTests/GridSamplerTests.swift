import Foundation
import Testing
@testable import TuneSearch

@Suite struct GridSamplerTests {
    /// The documents' GridSearchCV grid (000_1fa8d7deb634aa7a.txt §4.1): 4 · 4 · 3 · 3 = 144 settings.
    static let documentsGrid: [(name: String, values: [ParameterValue])] = [
        ("n_estimators", [10, 50, 100, 200]), ("max_depth", [nil, 10, 20, 30]),
        ("min_samples_split", [2, 5, 10]), ("min_samples_leaf", [1, 2, 4]),
    ]

    static func suggestGrid(_ trial: Trial) throws -> Double {
        for (name, values) in documentsGrid { _ = try trial.suggestCategorical(name, values) }
        return Double(trial.number)
    }

    @Test func everyCombinationExactlyOnceWithTwoConcurrentWorkers() throws {
        let study = try Study(name: "grid", sampler: try GridSampler(Self.documentsGrid, seed: 1))
        try study.optimize(trials: 500, concurrency: 2) { trial in try Self.suggestGrid(trial) }
        let trials = try study.trials
        #expect(trials.count == 144)
        let settings = Set(trials.map { trial in Self.documentsGrid.map { trial.parameters[$0.name]!.description }.joined(separator: ",") })
        #expect(settings.count == 144)
        #expect(trials.allSatisfy { $0.state == .complete })
    }

    @Test func theOrderFollowsTheSeed() throws {
        func order(_ seed: UInt64) throws -> [JSONValue?] {
            let study = try Study(name: "g", sampler: try GridSampler(Self.documentsGrid, seed: seed))
            try study.optimize(trials: 10) { trial in try Self.suggestGrid(trial) }
            return try study.trials.map { $0.systemAttributes[SystemAttributeKey.gridIndex] }
        }
        #expect(try order(1) == order(1))
        #expect(try order(1) != order(2))
    }

    @Test func aParameterOutsideTheGridFailsTheTrialNamingIt() throws {
        let study = try Study(name: "g", sampler: try GridSampler([("a", [1, 2])]))
        try study.optimize(trials: 1) { trial in try trial.suggestFloat("b", 0...1) }
        #expect(try study.trials[0].failReason?.contains("'b'") == true)
    }

    @Test func anInvalidGridIsAnError() {
        #expect(throws: SearchSpaceError.self) { try GridSampler([("a", [])]) }
        #expect(throws: SearchSpaceError.self) { try GridSampler([("a", [1]), ("a", [2])]) }
    }
}
