import Testing
import TuneData
import TuneTensor
import TuneTestSupport
import TuneModels

struct TreeTests {
    /// Random rows with distinct feature vectors (continuous values never repeat a row).
    static func randomClassification(rows: Int, features: Int, classes: Int, seed: UInt64) -> Dataset {
        var generator = SeededGenerator(seed: seed)
        let x = Tensor<Float>.normal(shape: [rows, features], using: &generator)
        let y = (0..<rows).map { _ in Float(generator.integer(in: 0..<classes)) }
        return Dataset(name: "random", features: x, targets: y, task: .classification(classNames: (0..<classes).map(String.init)))
    }

    @Test func fullyGrownTreeFitsTrainingDataExactly() throws {
        for seed in 0..<5 as Range<UInt64> {
            let data = Self.randomClassification(rows: 300, features: 4, classes: 3, seed: seed)
            let fitted = try DecisionTree().fit(data)
            #expect(fitted.score(data) == 1)
            #expect(fitted.tree.checkInvariants())
        }
        var generator = SeededGenerator(seed: 9)
        let x = Tensor<Float>.uniform(shape: [200, 3], using: &generator)
        let regression = Dataset(name: "r", features: x, targets: (0..<200).map { _ in Float(generator.normal()) }, task: .regression)
        #expect(try DecisionTree().fit(regression).score(regression) == 1)
    }

    @Test func largeNodesSplitByHistogramAndStillFitExactly() throws {
        // 3,000 rows (above the histogram threshold) of random labels: only a fully grown tree that
        // falls back to exact splits where bins cannot separate rows reaches training accuracy 1.
        let data = Self.randomClassification(rows: 3000, features: 3, classes: 3, seed: 11)
        let fitted = try DecisionTree().fit(data)
        #expect(fitted.score(data) == 1)
        #expect(fitted.tree.checkInvariants())
        var generator = SeededGenerator(seed: 2)
        let x = Tensor<Float>.uniform(shape: [3000, 2], using: &generator)
        let regression = Dataset(name: "r", features: x, targets: (0..<3000).map { _ in Float(generator.normal()) }, task: .regression)
        #expect(try DecisionTree().fit(regression).score(regression) == 1)
    }

    @Test func constraintsAreNeverViolated() throws {
        var generator = SeededGenerator(seed: 4)
        for trial in 0..<12 {
            let data = Self.randomClassification(rows: generator.integer(in: 30...400), features: generator.integer(in: 1...6), classes: 2, seed: UInt64(trial))
            var settings = TreeHyperparameters()
            settings.minSamplesLeaf = generator.integer(in: 1...10)
            settings.maxDepth = generator.integer(in: 1...8)
            settings.criterion = trial % 2 == 0 ? .gini : .entropy
            let tree = try DecisionTree(settings).fit(data).tree
            #expect(tree.checkInvariants())
            #expect(tree.maximumDepth <= settings.maxDepth!)
            for node in 0..<tree.nodeCount where tree.feature[node] < 0 {
                #expect(Int(tree.sampleCount[node]) >= settings.minSamplesLeaf)
            }
        }
    }

    @Test func maxLeafNodesGrowsBestFirst() throws {
        var settings = TreeHyperparameters()
        settings.maxLeafNodes = 5
        let tree = try DecisionTree(settings).fit(BuiltInDataset.digits.load()).tree
        #expect(tree.leafCount == 5)
        #expect(tree.checkInvariants())
    }

    @Test func importancesSumToOneAndFindTheSignal() throws {
        let data = try makeClassification(nSamples: 500, nFeatures: 6, nInformative: 2, nRedundant: 0, shuffle: false, seed: 1)
        let fitted = try DecisionTree().fit(data)
        expectClose(fitted.featureImportances.reduce(0, +), 1, rtol: 1e-12)
        // The two informative columns come first when not shuffled.
        #expect(fitted.featureImportances[0] + fitted.featureImportances[1] > 0.5)
        let forest = try RandomForest().fit(data)
        expectClose(forest.featureImportances.reduce(0, +), 1, rtol: 1e-12)
    }

    @Test func forestAccuracyOnTheDocumentsDataSets() throws {
        let (irisTrain, irisTest) = try BuiltInDataset.iris.load().trainTestSplit(testSize: .fraction(0.2), seed: 42)
        #expect(try RandomForest().fit(irisTrain).score(irisTest) >= 0.93)
        let (cancerTrain, cancerTest) = try BuiltInDataset.breastCancer.load().trainTestSplit(testSize: .fraction(0.2), seed: 42)
        #expect(try RandomForest().fit(cancerTrain).score(cancerTest) >= 0.95)
        let (diabetesTrain, diabetesTest) = try BuiltInDataset.diabetes.load().trainTestSplit(testSize: .fraction(0.2), seed: 42)
        #expect(try RandomForest().fit(diabetesTrain).score(diabetesTest) >= 0.40)
    }

    @Test func sameSeedSamePredictionsWhateverTheThreadCount() throws {
        let data = BuiltInDataset.wine.load()
        var settings = ForestHyperparameters()
        settings.estimators = 20
        settings.outOfBagScore = true
        settings.jobs = 1
        let single = try RandomForest(settings).fit(data)
        settings.jobs = 2
        let double = try RandomForest(settings).fit(data)
        #expect(single.predictProbabilities(data.features) == double.predictProbabilities(data.features))
        #expect(single.outOfBagScore == double.outOfBagScore)
        #expect((single.outOfBagScore ?? 0) > 0.9)
        settings.tree.seed = 1
        #expect(try RandomForest(settings).fit(data).predictProbabilities(data.features) != single.predictProbabilities(data.features))
    }

    @Test func probabilitiesAreLeafFrequencies() throws {
        var settings = TreeHyperparameters()
        settings.maxDepth = 1
        let data = BuiltInDataset.iris.load()
        let probabilities = try DecisionTree(settings).fit(data).predictProbabilities(data.features)
        expectClose(probabilities.sum(alongAxis: 1), [Float](repeating: 1, count: 150), atol: 1e-6)
        // Depth 1 on iris: the first split isolates setosa (50 rows) exactly.
        #expect(probabilities.row(0) == [1, 0, 0])
    }

    @Test func balancedClassWeightAndValidation() throws {
        var settings = TreeHyperparameters()
        settings.classWeight = "balanced"
        settings.maxDepth = 3
        _ = try DecisionTree(settings).fit(BuiltInDataset.breastCancer.load())
        settings.classWeight = "heavy"
        #expect(throws: ModelError.invalidHyperparameter(name: "class_weight", constraint: "balanced or none", value: "heavy")) {
            try DecisionTree(settings).fit(BuiltInDataset.iris.load())
        }
        var forest = ForestHyperparameters()
        forest.bootstrap = false
        forest.outOfBagScore = true
        #expect(throws: ModelError.self) { try RandomForest(forest).fit(BuiltInDataset.iris.load()) }
    }
}
