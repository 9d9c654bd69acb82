/// Ten distinct colours for named series (Tableau 10, as matplotlib's default cycle), reused
/// from the start after the tenth.
public enum SeriesPalette {
    static let colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]

    /// The colour of series number `index`.
    public static func colour(_ index: Int) -> String { colours[index % colours.count] }
}
