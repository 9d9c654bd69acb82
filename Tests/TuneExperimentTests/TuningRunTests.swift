import Foundation
import Testing
import TuneData
import TuneSearch
@testable import TuneExperiment

@Suite struct TuningRunTests {
    @Test(arguments: ModelKind.allCases)
    func everyModelHasAValidDefaultSpaceThatAGridCanEnumerate(model: ModelKind) throws {
        let space = DefaultSearchSpaces.space(for: model)
        #expect(!space.isEmpty)
        for parameter in space.parameters { try parameter.distribution.validate(name: parameter.name) }
        if space.parameters.allSatisfy({ $0.condition == nil }) {
            let grid = try space.gridValues(pointsPerRange: 3)
            #expect(grid.allSatisfy { !$0.values.isEmpty })
        }
    }

    @Test func gridValuesCutRangesEvenlyAndKeepSmallIntegerRangesWhole() throws {
        let space = try SearchSpace([
            "lr": .float(low: 1e-4, high: 1, log: true), "layers": .int(low: 1, high: 3),
            "units": .int(low: 8, high: 512, log: true), "p": .float(low: 0, high: 1, step: 0.25),
        ])
        let grid = Dictionary(uniqueKeysWithValues: try space.gridValues(pointsPerRange: 5).map { ($0.name, $0.values) })
        #expect(grid["layers"] == [1, 2, 3])
        #expect(grid["lr"]?.compactMap(\.number).map { ($0 * 1e4).rounded() / 1e4 } == [1e-4, 1e-3, 1e-2, 1e-1, 1])
        #expect(grid["p"] == [0.0, 0.25, 0.5, 0.75, 1.0])
        #expect(grid["units"]?.count == 5)
    }

    @Test func everyModelTunesOnASmallBudget() throws {
        for model in ModelKind.allCases {
            let data = model == .linear || model == .ridge ? BuiltInDataset.diabetes : BuiltInDataset.iris
            var settings = TuningSettings(model: model, search: .random)
            settings.trials = 2
            settings.seed = 1
            if [.mlp, .logistic, .linear].contains(model) { settings.fixedParameters = [("epochs", "3")] }
            let result = try TuningRun(settings: settings, storage: InMemoryStorage(), storageName: "memory").run(on: data.load())
            #expect(result.trialCount == 2, "\(model)")
            #expect(result.testScore.isFinite, "\(model)")
        }
    }

    /// The MLP reports each epoch's validation accuracy; a trial the pruner stops has fewer epochs.
    @Test func aPrunedMLPStopsTraining() throws {
        var settings = TuningSettings(model: .mlp, search: .random)
        settings.trials = 12
        settings.seed = 2
        settings.pruner = .median
        settings.fixedParameters = [("epochs", "12")]
        let storage = InMemoryStorage()
        _ = try TuningRun(settings: settings, storage: storage, storageName: "memory").run(on: BuiltInDataset.iris.load())
        let study = try #require(try storage.study(named: "mlp-iris-random"))
        let trials = try storage.trials(studyID: study.id)
        let pruned = trials.filter { $0.state == .pruned }
        #expect(!pruned.isEmpty, "the median pruner pruned nothing in 12 trials")
        #expect(pruned.allSatisfy { ($0.lastStep ?? 12) < 12 })
        #expect(trials.filter { $0.state == .complete }.allSatisfy { $0.intermediateValues.count == 12 })
    }

    @Test func aStoredStudyIsNotResumedOnOtherData() throws {
        let storage = InMemoryStorage()
        var settings = TuningSettings(model: .tree, search: .random)
        settings.trials = 2
        settings.studyName = "shared-name"
        _ = try TuningRun(settings: settings, storage: storage, storageName: "memory").run(on: BuiltInDataset.iris.load())
        #expect {
            try TuningRun(settings: settings, storage: storage, storageName: "memory").run(on: BuiltInDataset.wine.load())
        } throws: { error in "\(error)".contains("was run on data \"iris\"") }
    }

    @Test func aParameterBothFixedAndSearchedIsRefused() {
        var settings = TuningSettings(model: .rf, search: .grid)
        settings.fixedParameters = [("n_estimators", "5")]
        #expect(throws: ParameterError.self) {
            try TuningRun(settings: settings, storage: InMemoryStorage(), storageName: "memory").run(on: BuiltInDataset.iris.load())
        }
    }

    @Test func spaceFilesReadTypesConditionsAndQuotedText() throws {
        let space = try SearchSpaceFile.parse("""
            optimizer: {type: categorical, choices: [momentum, adam]}
            lr: {type: float, low: 1e-5, high: 1e-1, log: true}
            momentum: {type: float, low: 0, high: 1, condition: {parent: optimizer, value: momentum}}
            size: {type: categorical, choices: [32, "64", null, true]}
            layers: {type: int, low: 1, high: 9, step: 2}
            """)
        #expect(space.names == ["optimizer", "lr", "momentum", "size", "layers"])
        #expect(space["lr"] == .float(low: 1e-5, high: 1e-1, log: true))
        #expect(space["size"] == .categorical([32, "64", nil, true]))
        #expect(space["layers"] == .int(low: 1, high: 9, step: 2))
        #expect(space.parameters[2].condition == ParameterCondition(parent: "optimizer", values: ["momentum"]))
        let json = try SearchSpaceFile.parse(#"{"x": {"type": "float", "low": 0, "high": 1}}"#)
        #expect(json["x"] == .float(low: 0, high: 1))
    }

    @Test(arguments: [
        ("x: {type: float, low: 1, high: 0}", "'x'"),
        ("x: {type: real, low: 0, high: 1}", "type must be float, int or categorical"),
        ("x: {type: int, low: 0.5, high: 3}", "'low' must be an integer"),
        ("x: {type: categorical}", "needs 'choices'"),
        ("x: {type: float, low: 0, high: 1, colour: red}", "unknown key 'colour'"),
        ("x: {type: float, low: 0, high: 1, condition: {parent: y, value: 1}}", "'y'"),
        ("- just a list", "must map each parameter"),
        ("x: [unclosed", "not valid YAML"),
    ])
    func spaceFileMistakesNameTheProblem(text: String, message: String) {
        #expect {
            try SearchSpaceFile.parse(text, file: "space.yaml")
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("space.yaml") && text.contains(message)
        }
    }
}
