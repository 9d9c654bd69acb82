import Testing
@testable import TuneSearch

@Suite struct DistributionTests {
    @Test(arguments: [
        (ParameterDistribution.float(low: 2, high: 1), "low (2.0) must not exceed high (1.0)"),
        (.float(low: 0, high: 1, log: true), "a log range needs low > 0"),
        (.float(low: 0, high: 1, step: 0.3), "does not divide the range"),
        (.float(low: 1e-3, high: 1, log: true, step: 0.1), "log and step cannot be combined"),
        (.int(low: 0, high: 10, log: true), "a log range needs low >= 1"),
        (.int(low: 0, high: 10, step: 3), "step 3 does not divide the range 0...10"),
        (.int(low: 5, high: 1), "must not exceed"),
        (.categorical([]), "choices must not be empty"),
        (.categorical(["a", "a"]), "listed twice"),
    ])
    func invalidDistributionsNameTheParameterAndTheProblem(distribution: ParameterDistribution, message: String) {
        #expect {
            try distribution.validate(name: "lr")
        } throws: { error in
            let error = error as? SearchSpaceError
            return error?.parameter == "lr" && error?.description.contains(message) == true
        }
    }

    @Test func validDistributionsPass() throws {
        for distribution: ParameterDistribution in [
            .float(low: 1e-5, high: 1e-1, log: true), .float(low: 0, high: 1, step: 0.25), .float(low: 1, high: 1),
            .int(low: 1, high: 9, step: 2), .int(low: 1, high: 1024, log: true), .categorical([32, 64, nil, true, "gini"]),
        ] {
            try distribution.validate(name: "p")
        }
    }

    @Test func internalValuesRoundTrip() {
        let categorical = ParameterDistribution.categorical([nil, 10, 20, "x"])
        #expect(categorical.internalValue(.int(20)) == 2)
        #expect(categorical.internalValue(.float(20)) == 2)
        #expect(categorical.externalValue(0) == .none)
        #expect(categorical.internalValue("y") == nil)
        let stepped = ParameterDistribution.int(low: 1, high: 9, step: 2)
        #expect(stepped.contains(internalValue: 5))
        #expect(!stepped.contains(internalValue: 4))
        #expect(stepped.externalValue(7) == .int(7))
        #expect(!ParameterDistribution.float(low: 0, high: 1, step: 0.25).contains(internalValue: 0.3))
    }

    /// Optuna 5.0 wrote these strings (trial_params.distribution_json of a study it created).
    @Test func readsAndWritesOptunaDistributionJSON() throws {
        let written = [
            #"{"name": "FloatDistribution", "attributes": {"step": null, "low": 0.001, "high": 1.0, "log": true}}"#,
            #"{"name": "IntDistribution", "attributes": {"log": false, "step": 2, "low": 1, "high": 9}}"#,
            #"{"name": "CategoricalDistribution", "attributes": {"choices": ["x", null, true, 3, 2.5]}}"#,
            #"{"name": "FloatDistribution", "attributes": {"step": 0.25, "low": 0.0, "high": 1.0, "log": false}}"#,
        ]
        let expected: [ParameterDistribution] = [
            .float(low: 0.001, high: 1, log: true), .int(low: 1, high: 9, step: 2),
            .categorical(["x", nil, true, 3, 2.5]), .float(low: 0, high: 1, step: 0.25),
        ]
        for (text, distribution) in zip(written, expected) {
            let parsed = try ParameterDistribution(optunaJSON: JSONValue(parsing: text))
            #expect(parsed == distribution)
            #expect(parsed.optunaJSON.jsonText == text)
        }
    }

    @Test func readsOptunaLegacyDistributionNames() throws {
        let legacy = try ParameterDistribution(optunaJSON: JSONValue(parsing:
            #"{"name": "IntLogUniformDistribution", "attributes": {"low": 1, "high": 64, "step": 1}}"#))
        #expect(legacy == .int(low: 1, high: 64, log: true))
        let discrete = try ParameterDistribution(optunaJSON: JSONValue(parsing:
            #"{"name": "DiscreteUniformDistribution", "attributes": {"low": 0.0, "high": 1.0, "q": 0.5}}"#))
        #expect(discrete == .float(low: 0, high: 1, step: 0.5))
    }

    @Test func jsonTextRoundTripsPythonForms() throws {
        let text = #"{"a": [1, 2.5, "x\"y", null, true], "b": NaN, "c": -Infinity, "d": {"e": "\u00e9"}}"#
        let value = try JSONValue(parsing: text)
        #expect(value["a"] == .array([.int(1), .double(2.5), .string("x\"y"), .null, .bool(true)]))
        #expect(value["b"]?.number?.isNaN == true)
        #expect(value["d"]?["e"] == .string("é"))
        #expect(try JSONValue(parsing: value.jsonText) == value)
        #expect(throws: JSONValueError.self) { try JSONValue(parsing: "{\"a\": }") }
    }
}

@Suite struct SearchSpaceTransformTests {
    let space = try! SearchSpace([
        "lr": .float(low: 1e-5, high: 1e-1, log: true),
        "layers": .int(low: 1, high: 5),
        "step": .float(low: 0, high: 1, step: 0.25),
        "size": .categorical([32, 64, 128]),
    ])

    @Test(arguments: [SearchSpaceTransform.CategoricalEncoding.ordinal, .oneHot])
    func encodeThenDecodeIsTheIdentity(encoding: SearchSpaceTransform.CategoricalEncoding) {
        let transform = SearchSpaceTransform(space, categoricalEncoding: encoding)
        #expect(transform.dimension == (encoding == .oneHot ? 6 : 4))
        let values: [String: Double] = ["lr": 1e-3, "layers": 4, "step": 0.75, "size": 2]
        let decoded = transform.decode(transform.encode(values))
        for (name, value) in values { expectCloseValue(decoded[name]!, value) }
    }

    @Test func everyIntegerOwnsAnEqualShareOfTheBox() {
        let transform = SearchSpaceTransform(try! SearchSpace(["n": .int(low: 1, high: 4)]))
        var counts = [Double: Int]()
        for index in 0..<4000 { counts[transform.decode([(Double(index) + 0.5) / 4000])["n"]!, default: 0] += 1 }
        #expect(counts == [1: 1000, 2: 1000, 3: 1000, 4: 1000])
    }

    @Test func logParametersAreUniformInLogSpace() {
        let transform = SearchSpaceTransform(try! SearchSpace(["lr": .float(low: 1e-4, high: 1, log: true)]))
        expectCloseValue(transform.decode([0.5])["lr"]!, 1e-2)
        expectCloseValue(transform.decode([0.25])["lr"]!, 1e-3)
    }

    private func expectCloseValue(_ actual: Double, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(abs(actual - expected) <= 1e-9 * max(1, abs(expected)), sourceLocation: sourceLocation)
    }
}
