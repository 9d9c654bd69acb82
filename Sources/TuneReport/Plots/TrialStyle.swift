/// The look of each trial state, shared by every plot so a pruned trial looks the same in the
/// history and in the learning curves.
enum TrialStyle {
    static let complete = "#1f77b4"
    static let pruned = "#ff7f0e"
    static let failed = "#d62728"
    static let best = "#d62728"
    static let bestMarker = "#ffd700"

    static let completeDot = Legend.Swatch.dot(fill: complete, stroke: "#fff")
    static let prunedDot = Legend.Swatch.dot(fill: "#fff", stroke: pruned)
}
