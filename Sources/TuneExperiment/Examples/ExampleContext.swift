import TuneSearch

/// How an example runs: its size, where its progress goes, and where it looks for data that is
/// not built in.
public struct ExampleContext: Sendable {
    /// Shrink the example to seconds (fewer trials, folds and epochs), for tests and a first look.
    public var quick: Bool
    /// Told of the progress of the example's studies (the CLI's progress display).
    public var observer: (any TuningObserver)?
    /// Receives notices meant for the user while the example runs (standard error in the CLI),
    /// such as the stand-in data set used when CIFAR-10 is absent.
    public var progress: @Sendable (String) -> Void
    /// The extracted `cifar-10-batches-bin` folder `cifar10-mlp` reads (`Scripts/fetch-cifar10`
    /// puts it at `Datasets/cifar-10-batches-bin` in the repository).
    public var cifar10Directory: String

    /// The folder `Scripts/fetch-cifar10` extracts the batches to, relative to the repository.
    public static let defaultCIFAR10Directory = "Datasets/cifar-10-batches-bin"

    public init(
        quick: Bool = false, observer: (any TuningObserver)? = nil, cifar10Directory: String = defaultCIFAR10Directory,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.quick = quick
        self.observer = observer
        self.cifar10Directory = cifar10Directory
        self.progress = progress
    }
}
