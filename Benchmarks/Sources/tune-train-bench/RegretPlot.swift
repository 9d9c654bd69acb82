import ArgumentParser
import Foundation
import TuneSearch

/// Draws the `--traces` files of `sample-efficiency` and `Benchmarks/peers/sample_efficiency.py` as
/// one self-contained SVG per test function: the mean best-so-far regret against the trial number,
/// one line per implementation and sampler, so the docs can show how fast each sampler closes in.
struct RegretPlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot-regret",
        abstract: "Plot mean regret per trial from sample-efficiency traces, one SVG per function.",
        discussion: """
            Example: tune-train-bench plot-regret --traces /tmp/tunetrain-traces.json \
            --traces /tmp/peers-traces.json --output-dir docs/plots
            """
    )

    @Option(help: "A traces file written with --traces; repeat for several implementations, drawn and listed in this order.")
    var traces: [String]

    @Option(help: "Folder for regret-<function>.svg (created if missing).")
    var outputDir = "docs/plots"

    func run() throws {
        let files = try traces.map { path in
            do {
                return try JSONDecoder().decode(RegretTraces.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw ValidationError("cannot read traces file '\(path)': \(error)")
            }
        }
        // The same line keeps its colour in every function's plot.
        var colours: [[String]: String] = [:]
        for file in files {
            for sampler in Set(file.functions.values.flatMap(\.keys)).sorted() where colours[[file.implementation, sampler]] == nil {
                colours[[file.implementation, sampler]] = RegretPlot.palette[colours.count % RegretPlot.palette.count]
            }
        }
        // The benchmark's functions in its order, then any others alphabetically.
        let known = TestFunction.benchmarkSuite.map(\.label)
        let functions = Set(files.flatMap(\.functions.keys)).sorted {
            (known.firstIndex(of: $0) ?? known.count, $0) < (known.firstIndex(of: $1) ?? known.count, $1)
        }
        try FileManager.default.createDirectory(atPath: outputDir, withIntermediateDirectories: true)
        for function in functions {
            let lines = files.flatMap { file in
                (file.functions[function] ?? [:]).sorted { $0.key < $1.key }.map { sampler, regrets in
                    RegretPlot.Line(
                        implementation: file.implementation, seeds: file.seeds, sampler: sampler, regrets: regrets,
                        colour: colours[[file.implementation, sampler]]!, dashed: file.implementation != "TuneTrain")
                }
            }
            let fileName = "regret-" + String(function.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }) + ".svg"
            let path = URL(fileURLWithPath: outputDir).appendingPathComponent(fileName).path
            try RegretPlot(title: function, lines: lines).svg().write(toFile: path, atomically: true, encoding: .utf8)
            print(path)
        }
    }
}

/// One function's regret plot as handwritten SVG: a log₁₀ regret axis with a tick per decade, a
/// linear trial axis, a solid line per TuneTrain sampler and a dashed one per peer sampler, and a
/// legend grouped by implementation to the right of the plot.
struct RegretPlot {
    /// One (implementation, sampler) curve: mean regret after trials 1…N.
    struct Line {
        var implementation: String
        var seeds: Int?
        var sampler: String
        var regrets: [Double]
        var colour: String
        var dashed: Bool
    }

    /// Colours far enough apart to tell 16 lines apart on white; more lines reuse them.
    static let palette = [
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
        "#7f7f7f", "#bcbd22", "#393b79", "#e7ba52", "#843c39", "#637939", "#7b4173", "#000000",
    ]

    var title: String
    var lines: [Line]

    // Layout, in SVG user units (pixels).
    private let plotWidth = 560.0, plotHeight = 360.0
    private let left = 78.0, top = 52.0, bottom = 56.0, gap = 28.0, margin = 16.0
    private let fontSize = 12.0
    /// A generous mean advance of sans-serif text at `fontSize`, to size the legend.
    private let characterWidth = 7.2
    private let legendRow = 18.0, legendSample = 30.0, legendTextGap = 12.0

    func svg() -> String {
        let (lowDecade, highDecade) = decades()
        let trials = max(lines.map(\.regrets.count).max() ?? 1, 2)
        func x(_ trial: Int) -> Double { left + Double(trial - 1) / Double(trials - 1) * plotWidth }
        func y(_ regret: Double) -> Double {
            // Regrets at or below zero (a minimum found exactly) sit on the bottom edge.
            let exponent = regret > 0 ? max(log10(regret), Double(lowDecade)) : Double(lowDecade)
            return top + (Double(highDecade) - exponent) / Double(highDecade - lowDecade) * plotHeight
        }

        let legend = legendRows()
        let legendLeft = left + plotWidth + gap
        let legendWidth = legend.map { row in
            switch row {
            case .heading(let text), .note(let text): return Double(text.count) * characterWidth
            case .entry(let line): return legendSample + legendTextGap + Double(line.sampler.count) * characterWidth
            case .space: return 0
            }
        }.max() ?? 0
        let legendHeight = legend.reduce(0) { $0 + rowHeight($1) }
        let width = legendLeft + legendWidth + margin
        let height = max(top + plotHeight + bottom, top + legendHeight + margin)

        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" \
            font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="\(f(fontSize))">
            <rect width="100%" height="100%" fill="#ffffff"/>
            <text x="\(f(left + plotWidth / 2))" y="\(f(top / 2))" text-anchor="middle" font-size="16" font-weight="bold">\
            \(escaped(title)): mean best-so-far regret</text>

            """

        // Horizontal grid and labels: every decade, and 2…9 × each decade when few decades show,
        // labelled at 2 and 5 × when there are too few decades to read values off.
        let decadeCount = highDecade - lowDecade
        let labelEvery = (decadeCount + 7) / 8
        let plainLabels = lowDecade >= -3 && highDecade <= 4
        for decade in lowDecade...highDecade {
            let position = y(pow(10, Double(decade)))
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(position))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(position))\" stroke=\"#c8c8c8\"/>\n"
            if (decade - lowDecade) % labelEvery == 0 {
                svg += "<text x=\"\(f(left - 8))\" y=\"\(f(position + 4))\" text-anchor=\"end\">\(decadeLabel(decade, plain: plainLabels))</text>\n"
            }
            if decade < highDecade && decadeCount <= 6 {
                for multiple in 2...9 {
                    let minor = y(Double(multiple) * pow(10, Double(decade)))
                    svg += "<line x1=\"\(f(left))\" y1=\"\(f(minor))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(minor))\" stroke=\"#ececec\"/>\n"
                    if decadeCount <= 2 && (multiple == 2 || multiple == 5) {
                        svg += "<text x=\"\(f(left - 8))\" y=\"\(f(minor + 4))\" text-anchor=\"end\" fill=\"#555555\">"
                            + "\(minorLabel(multiple, decade, plain: plainLabels))</text>\n"
                    }
                }
            }
        }

        // Vertical grid and labels at trial 1 and at multiples of a 1-2-5 step not crowding it.
        let step = Self.roundStep(Double(trials) / 8)
        for trial in [1] + stride(from: step, through: trials, by: step).filter({ x($0) - x(1) >= 30 }) {
            svg += "<line x1=\"\(f(x(trial)))\" y1=\"\(f(top))\" x2=\"\(f(x(trial)))\" y2=\"\(f(top + plotHeight))\" stroke=\"#e4e4e4\"/>\n"
            svg += "<text x=\"\(f(x(trial)))\" y=\"\(f(top + plotHeight + 18))\" text-anchor=\"middle\">\(trial)</text>\n"
        }
        svg += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\" fill=\"none\" stroke=\"#333333\"/>\n"
        svg += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(top + plotHeight + 42))\" text-anchor=\"middle\">trial</text>\n"
        svg += "<text transform=\"translate(\(f(20)) \(f(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">"
            + "mean regret (best so far − minimum), log scale</text>\n"

        for line in lines where !line.regrets.isEmpty {
            let points = line.regrets.enumerated().map { "\(f(x($0.offset + 1))),\(f(y($0.element)))" }.joined(separator: " ")
            svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"1.8\" stroke-linejoin=\"round\"\(dash(line))/>\n"
        }

        var row = top + legendRow / 2
        for entry in legend {
            switch entry {
            case .heading(let text):
                svg += "<text x=\"\(f(legendLeft))\" y=\"\(f(row + 4))\" font-weight=\"bold\">\(escaped(text))</text>\n"
            case .note(let text):
                svg += "<text x=\"\(f(legendLeft))\" y=\"\(f(row + 4))\" fill=\"#555555\">\(escaped(text))</text>\n"
            case .entry(let line):
                svg += "<line x1=\"\(f(legendLeft + 2))\" y1=\"\(f(row))\" x2=\"\(f(legendLeft + legendSample))\" y2=\"\(f(row))\" "
                    + "stroke=\"\(line.colour)\" stroke-width=\"2.2\"\(dash(line))/>\n"
                svg += "<text x=\"\(f(legendLeft + legendSample + legendTextGap))\" y=\"\(f(row + 4))\">\(escaped(line.sampler))</text>\n"
            case .space:
                break
            }
            row += rowHeight(entry)
        }
        return svg + "</svg>\n"
    }

    /// One row of the legend, top to bottom.
    private enum LegendRow {
        case heading(String), note(String), entry(Line), space
    }

    /// The legend: per implementation, in the order given, its name in bold (wrapped at its commas
    /// when long, as the peers' list of libraries is), the seeds averaged over, and its samplers.
    private func legendRows() -> [LegendRow] {
        var rows: [LegendRow] = []
        var previous: (implementation: String, seeds: Int?)?
        for line in lines {
            if previous?.implementation != line.implementation || previous?.seeds != line.seeds {
                if previous != nil { rows.append(.space) }
                var headings: [String] = []
                for part in line.implementation.components(separatedBy: ", ") {
                    if let last = headings.last, last.count + part.count + 2 <= 34 {
                        headings[headings.count - 1] = last + ", " + part
                    } else {
                        headings.append(part)
                    }
                }
                rows += headings.map(LegendRow.heading)
                if let seeds = line.seeds { rows.append(.note("mean of \(seeds) seed\(seeds == 1 ? "" : "s")")) }
                previous = (line.implementation, line.seeds)
            }
            rows.append(.entry(line))
        }
        return rows
    }

    private func rowHeight(_ row: LegendRow) -> Double {
        switch row {
        case .space: return legendRow / 2
        case .heading, .note: return legendRow - 2
        case .entry: return legendRow
        }
    }

    /// The decades the axis spans: from the one below the smallest positive regret to the one
    /// above the largest, at least one decade.
    private func decades() -> (low: Int, high: Int) {
        let positive = lines.flatMap(\.regrets).filter { $0 > 0 && $0.isFinite }
        guard let smallest = positive.min(), let largest = positive.max() else { return (0, 1) }
        let low = Int(log10(smallest).rounded(.down)), high = Int(log10(largest).rounded(.up))
        return (low, max(high, low + 1))
    }

    /// "0.01", "1", "1000" when the whole axis lies in 10⁻³…10⁴; otherwise 10 with a raised
    /// exponent, so one axis never mixes the two styles.
    private func decadeLabel(_ decade: Int, plain: Bool) -> String {
        if plain { return decade < 0 ? "0." + String(repeating: "0", count: -decade - 1) + "1" : "1" + String(repeating: "0", count: decade) }
        return "10<tspan dy=\"-6\" font-size=\"9\">\(decade < 0 ? "−" : "")\(abs(decade))</tspan>"
    }

    /// `multiple` × 10^`decade` in the style of the decade labels: "0.2", "50", or 2×10 with a
    /// raised exponent.
    private func minorLabel(_ multiple: Int, _ decade: Int, plain: Bool) -> String {
        plain ? String(format: "%g", Double(multiple) * pow(10, Double(decade))) : "\(multiple)×" + decadeLabel(decade, plain: false)
    }

    /// The smallest 1, 2 or 5 × 10ᵏ step of at least `rough` trials.
    private static func roundStep(_ rough: Double) -> Int {
        let magnitude = pow(10, log10(max(rough, 1)).rounded(.down))
        return Int([1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough }!)
    }

    private func dash(_ line: Line) -> String { line.dashed ? " stroke-dasharray=\"7 4\"" : "" }

    /// A coordinate with one decimal: enough for pixels, short in the file.
    private func f(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Text made safe to put inside an SVG element or attribute.
    private func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&apos;")
    }
}
