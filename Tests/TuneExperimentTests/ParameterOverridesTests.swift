import Testing
import TuneData
import TuneModels
@testable import TuneExperiment

struct ParameterOverridesTests {
    @Test func overridesApplyByCodingKey() throws {
        let settings = try ParameterOverrides.apply(
            [("lr", "0.05"), ("num_layers", "3"), ("optimizer", "nesterov"), ("restore_best_weights", "false")],
            to: MLPHyperparameters(), model: "mlp")
        #expect(settings.learningRate == 0.05)
        #expect(settings.hiddenLayers == 3)
        #expect(settings.optimizer == .nesterov)
        #expect(settings.restoreBestWeights == false)
        #expect(settings.hiddenSize == MLPHyperparameters().hiddenSize)
    }

    @Test func unknownNamesAndBadValuesAreUsageErrors() {
        #expect(throws: ParameterError.self) { try ParameterOverrides.apply([("bogus", "1")], to: MLPHyperparameters(), model: "mlp") }
        do {
            _ = try ParameterOverrides.apply([("optimizer", "adm")], to: MLPHyperparameters(), model: "mlp", choices: ["optimizer": ["sgd", "adam"]])
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "optimizer must be one of sgd, adam, got 'adm'")
        }
        #expect(throws: ParameterError.self) { try ParameterOverrides.apply([("num_layers", "2.5")], to: MLPHyperparameters(), model: "mlp") }
        #expect(throws: ParameterError.self) { try ParameterOverrides.apply([("lr", "fast")], to: MLPHyperparameters(), model: "mlp") }
    }

    @Test func trainingRunReportsScoresAndEffectiveParameters() throws {
        let result = try TrainingRun(model: .logistic, parameters: [("epochs", "20")], seed: 1).run(on: BuiltInDataset.iris.load())
        #expect(result.metric == "accuracy")
        #expect(result.testRows == 30 && result.trainRows == 120)
        #expect(result.epochsRun == 20)
        #expect(result.scaling == "standard")
        #expect(result.params.entries.contains { $0.name == "epochs" && "\($0.value)" == "20" })
        #expect(result.testScore > 0.8)
    }

    @Test func ridgeDefaultsToAlphaOneAndNoScaling() throws {
        let result = try TrainingRun(model: .ridge).run(on: BuiltInDataset.diabetes.load())
        #expect(result.metric == "r2" && result.scaling == "none")
        #expect(result.params.entries.contains { $0.name == "alpha" && "\($0.value)" == "1" })
    }

    @Test(arguments: ModelKind.allCases) func everyModelTrainsOnItsTask(_ kind: ModelKind) throws {
        let data = kind == .logistic || kind == .mlp ? BuiltInDataset.iris.load() : BuiltInDataset.diabetes.load()
        let result = try TrainingRun(model: kind, parameters: kind == .mlp || kind == .logistic ? [("epochs", "5")] : []).run(on: data)
        #expect(result.testScore.isFinite)
    }
}
