import Testing
import TuneSearch
@testable import TuneExperiment

/// Placeholders, escapes and exported variables of `tune-train exec`'s command.
@Suite struct CommandTemplateTests {
    static let space = try! SearchSpace([
        .init("lr", .float(low: 1e-4, high: 1, log: true)),
        .init("hidden-size", .int(low: 1, high: 8)),
        .init("optimizer", .categorical(["sgd", "adam"])),
        .init("momentum", .float(low: 0, high: 1), condition: ParameterCondition(parent: "optimizer", values: ["sgd"])),
    ])

    static let chosen: [(name: String, value: ParameterValue)] = [("lr", .float(0.01)), ("hidden-size", .int(4)), ("optimizer", "adam")]

    @Test func placeholdersAreFilledAnywhereInAnArgument() throws {
        let template = try CommandTemplate(
            arguments: ["python3", "train.py", "--lr={lr}", "{hidden-size}x{hidden-size}", "--opt", "{optimizer}", "--m={momentum}"],
            space: Self.space)
        #expect(template.arguments(for: Self.chosen) == ["python3", "train.py", "--lr=0.01", "4x4", "--opt", "adam", "--m="])
    }

    @Test func otherBracesStayAndDoubledBracesAreLiteral() throws {
        let template = try CommandTemplate(
            arguments: ["sh", "-c", #"echo '{"value": {lr}}' {} {{lr}} ${HOME:-x}"#], space: Self.space)
        #expect(template.arguments(for: Self.chosen)[2] == #"echo '{"value": 0.01}' {} {lr} ${HOME:-x}"#)
    }

    @Test func parametersAreExportedUnderUpperCaseNames() throws {
        let template = try CommandTemplate(arguments: ["env"], space: Self.space)
        #expect(template.environment(for: Self.chosen, trialNumber: 7) == [
            "TT_PARAM_LR": "0.01", "TT_PARAM_HIDDEN_SIZE": "4", "TT_PARAM_OPTIMIZER": "adam", "TT_TRIAL_NUMBER": "7",
        ])
        #expect(CommandTemplate.environmentName(for: "model.lr") == "TT_PARAM_MODEL_LR")
    }

    @Test func anUnknownPlaceholderNamesItAndTheSpacesParameters() {
        do {
            _ = try CommandTemplate(arguments: ["train", "--lr={learning_rate}"], space: Self.space)
            Issue.record("an unknown placeholder was accepted")
        } catch let error as CommandTemplateError {
            #expect(error.message.contains("{learning_rate}") && error.message.contains("lr, hidden-size, optimizer, momentum"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func namesThatWouldShareAVariableAreRefused() throws {
        let space = try SearchSpace([.init("a-b", .float(low: 0, high: 1)), .init("a_b", .float(low: 0, high: 1))])
        #expect(throws: CommandTemplateError.self) { try CommandTemplate(arguments: ["run"], space: space) }
        #expect(throws: CommandTemplateError.self) { try CommandTemplate(arguments: [], space: Self.space) }
    }
}
