import Foundation
import TuneReport
import TuneSearch

/// Writes the HTML report of a stored study (`tune-train report`, `tune-train --report FILE`) and
/// says what it wrote.
struct StudyReportFile: Encodable {
    var report: String
    var study: String
    var trials: Int
    var bytes: Int
    var seconds: Double

    /// Reads `study` from `storage`, renders its report and writes it to `path`.
    static func write(_ study: StoredStudy, in storage: any StudyStorage, to path: String, seed: UInt64) throws -> StudyReportFile {
        let start = Date()
        let snapshot = try exitingOnRunError { try StudySnapshot(study, in: storage) }
        let html = StudyReport(snapshot, seed: seed).html()
        try OutputFile.write(html, to: path)
        return StudyReportFile(report: path, study: study.name, trials: snapshot.trials.count, bytes: html.utf8.count,
                               seconds: Date().timeIntervalSince(start))
    }

    /// `wrote report.html: study NAME, N trials, B bytes in S s`.
    var line: String {
        "wrote \(report): study '\(study)', \(trials) trials, \(bytes) bytes in \(String(format: "%.2f", seconds)) s"
    }
}
