import Testing
import TuneData

struct GeneratorSpecTests {
    private func failure(_ spec: String) -> String {
        do {
            _ = try GeneratorSpec.dataset(spec)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func documentsBayesianExampleSpec() throws {
        let spec = "make_classification:n_samples=1000,n_features=20,n_informative=2,n_redundant=10,seed=42"
        let data = try GeneratorSpec.dataset(spec)
        #expect(data.rowCount == 1000 && data.featureCount == 20 && data.task.classCount == 2)
        #expect(data.name == spec)
        #expect(try GeneratorSpec.dataset(spec) == data)
        #expect(try makeClassification(nSamples: 1000, nFeatures: 20, nInformative: 2, nRedundant: 10, seed: 42).features == data.features)
    }

    @Test func randomStateAliasDefaultsAndRegression() throws {
        #expect(try GeneratorSpec.dataset("make_classification:random_state=7").features
            == GeneratorSpec.dataset("make_classification:seed=7").features)
        #expect(try GeneratorSpec.dataset("make_classification").rowCount == 100)
        let regression = try GeneratorSpec.dataset("make_regression:n_samples=30,n_features=4,noise=0.5,bias=1")
        #expect(regression.task == .regression && regression.rowCount == 30 && regression.featureCount == 4)
        let weighted = try GeneratorSpec.dataset("make_classification:n_samples=100,weights=0.9;0.1,flip_y=0")
        #expect(weighted.classIndices.filter { $0 == 1 }.count == 10)
    }

    @Test func recognisesSpecs() {
        #expect(GeneratorSpec.isGeneratorSpec("make_classification:n_samples=10"))
        #expect(GeneratorSpec.isGeneratorSpec("make_regression"))
        #expect(!GeneratorSpec.isGeneratorSpec("iris"))
        #expect(!GeneratorSpec.isGeneratorSpec("data/make.csv"))
    }

    @Test func errorsNameTheKeyAndTheFix() {
        #expect(failure("make_blobs:n_samples=3").contains("unknown generator 'make_blobs'; known generators: make_classification, make_regression, make_line"))
        #expect(failure("make_classification:n_sample=3").contains("unknown key 'n_sample'; allowed keys:"))
        #expect(failure("make_classification:n_samples=ten").contains("n_samples must be an integer, got 'ten'"))
        #expect(failure("make_classification:n_samples=10,n_samples=20").contains("'n_samples' is given twice"))
        #expect(failure("make_classification:n_samples").contains("'n_samples' is not key=value"))
        #expect(failure("make_classification:shuffle=maybe").contains("shuffle must be true or false"))
        #expect(failure("make_classification:flip_y=2").contains("flip_y must be in [0, 1], got 2"))
        #expect(failure("make_regression:effective_rank=3").contains("effective_rank"))
        #expect(failure("make_regression:n_targets=2").contains("only 1 target"))
        #expect(failure("make_classification:seed=-1").contains("seed must be a non-negative integer"))
        #expect(failure("make_classification:n_samples=1000000000").contains("n_samples × n_features must be ≤"))
        #expect(failure("make_regression:n_samples=9223372036854775807,n_features=2").contains("n_samples × n_features must be ≤"))
    }
}
