/// How to read a CSV file into a ``Dataset``.
public struct CSVOptions: Sendable, Equatable {
    /// Which column holds the target.
    public enum TargetColumn: Sendable, Equatable {
        /// The column with this header name.
        case name(String)
        /// The column at this 0-based index.
        case index(Int)
        /// The last column (the default, as scikit-learn's bundled tables).
        case last

        /// `"3"` means the index 3, anything else a header name.
        public init(parsing text: String) {
            if let index = Int(text) { self = .index(index) } else { self = .name(text) }
        }
    }

    /// Whether the target is a class or a number.
    public enum TaskChoice: Sendable, Equatable {
        /// Strings, or integers with at most 20 distinct values, are classes; other numbers are
        /// regression targets.
        case infer
        case classification
        case regression
    }

    /// The order of class indices.
    public enum ClassOrder: Sendable, Equatable {
        /// Sorted: numerically when every label is a number, else lexicographically (as
        /// scikit-learn's `LabelEncoder`).
        case sorted
        /// Exactly these names, in this order; a label not listed is an error.
        case explicit([String])
    }

    public var target: TargetColumn
    public var task: TaskChoice
    public var classOrder: ClassOrder

    public init(target: TargetColumn = .last, task: TaskChoice = .infer, classOrder: ClassOrder = .sorted) {
        self.target = target
        self.task = task
        self.classOrder = classOrder
    }

    /// The most distinct integer values an inferred classification target may have.
    public static let maximumInferredClasses = 20
}
