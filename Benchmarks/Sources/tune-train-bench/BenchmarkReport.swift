import Foundation

/// One measurement: printed as a JSON line as soon as it is taken, and kept for the table.
struct Measurement: Encodable {
    var benchmark: String
    var fields: [String: MeasurementValue]

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        try container.encode(benchmark, forKey: DynamicKey("benchmark"))
        for (key, value) in fields { try container.encode(value, forKey: DynamicKey(key)) }
    }
}

/// A JSON scalar of a measurement.
enum MeasurementValue: Encodable, CustomStringConvertible {
    case number(Double)
    case integer(Int)
    case text(String)

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let value): try container.encode(Self.rounded(value))
        case .integer(let value): try container.encode(value)
        case .text(let value): try container.encode(value)
        }
    }

    /// Three decimals, or four significant digits below 0.01 (a regret of 4e-5 must not print as 0).
    static func rounded(_ value: Double) -> Double {
        guard abs(value) < 0.01, value != 0, value.isFinite else { return (value * 1000).rounded() / 1000 }
        let scale = pow(10, 3 - floor(log10(abs(value))))
        return (value * scale).rounded() / scale
    }

    var description: String {
        switch self {
        case .number(let value): return String(format: value >= 100 ? "%.1f" : abs(value) >= 0.01 || value == 0 ? "%.3f" : "%.3g", value)
        case .integer(let value): return "\(value)"
        case .text(let value): return value
        }
    }
}

struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Collects measurements, echoes each as a JSON line, and renders a table at the end.
final class BenchmarkReport {
    private var rows: [Measurement] = []
    private let columns: [String]

    init(columns: [String]) { self.columns = columns }

    func record(_ benchmark: String, _ fields: [String: MeasurementValue]) {
        let measurement = Measurement(benchmark: benchmark, fields: fields)
        rows.append(measurement)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if let line = try? encoder.encode(measurement), let text = String(data: line, encoding: .utf8) {
            FileHandle.standardOutput.write(Data((text + "\n").utf8))
        }
    }

    /// A fixed-width table of every measurement, for people.
    func table() -> String {
        let cells = rows.map { row in columns.map { row.fields[$0]?.description ?? "" } }
        let widths = columns.indices.map { c in max(columns[c].count, cells.map { $0[c].count }.max() ?? 0) }
        func line(_ values: [String]) -> String {
            zip(values, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
        return ([line(columns), line(widths.map { String(repeating: "-", count: $0) })] + cells.map(line))
            .joined(separator: "\n")
    }
}

/// Machine facts recorded beside every benchmark run.
enum MachineDescription {
    static var summary: String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        let environment = ProcessInfo.processInfo.environment
        let coreType = environment["OPENBLAS_CORETYPE"].map { ", OPENBLAS_CORETYPE=\($0)" } ?? ""
        return "\(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores\(coreType)"
    }
}

/// Seconds of monotonic wall time taken by `body`.
func secondsTaken(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
