import Foundation
import Testing
import TuneSearch
@testable import TuneReport

/// The study report's structure without a browser: every section, one mark per trial, escaping.
struct StudyReportTests {
    static let hostileParameter = "<script>alert(1)</script>"
    static let hostileStudy = #"a&b<c>d"e'f"#

    /// 24 trials over a log float, the hostile-named float and a categorical: 16 complete with
    /// curves of 10 steps, 6 pruned after 3 steps, 2 failed.
    static func study() -> StudySnapshot {
        let distributions: [String: ParameterDistribution] = [
            "lr": .float(low: 1e-4, high: 1, log: true), hostileParameter: .float(low: 0, high: 1),
            "kind": .categorical(["<b>", "plain"]),
        ]
        let trials = (0..<24).map { number -> TrialRecord in
            let lr = pow(10, -4 + 4 * Double(number % 7) / 6)
            let state: TrialState = number % 4 == 3 ? .pruned : number % 12 == 5 ? .fail : .complete
            let steps = state == .pruned ? 3 : state == .fail ? 0 : 10
            let final = 1 - abs(log10(lr) + 2) / 4
            let curve = Dictionary(uniqueKeysWithValues: (0..<steps).map { ($0, final * Double($0 + 1) / Double(steps)) })
            return TrialRecord(
                id: number, number: number, state: state, value: state == .fail ? nil : state == .pruned ? curve[2] : final,
                internalParameters: ["lr": lr, hostileParameter: Double(number % 5) / 4, "kind": Double(number % 2)],
                distributions: distributions, intermediateValues: curve,
                started: Date(timeIntervalSince1970: 0), completed: Date(timeIntervalSince1970: Double(number)))
        }
        return StudySnapshot(name: hostileStudy, direction: .maximize,
                             userAttributes: ["model": .string("mlp"), "data": .string("digits"), "search": .string("tpe"),
                                              "seed": .int(0), "command": .string("tune-train --model mlp")],
                             trials: trials)
    }

    /// The part of `html` inside the section `id`.
    static func section(_ id: String, of html: String) throws -> Substring {
        let start = try #require(html.range(of: "<section id=\"\(id)\">"))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return html[start.upperBound..<end.lowerBound]
    }

    static func count(_ needle: String, in text: Substring) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func everySectionIsPresentWithOneMarkPerTrial() throws {
        let study = Self.study()
        let html = StudyReport(study).html()
        for id in StudyReport.sectionIDs { _ = try Self.section(id, of: html) }
        let completed = study.trials.filter { $0.state == .complete }.count
        let withCurves = study.trials.filter { !$0.intermediateValues.isEmpty }.count
        #expect(Self.count("class=\"trial-point\"", in: try Self.section("history", of: html)) == study.trials.count)
        #expect(Self.count("class=\"curve\"", in: try Self.section("learning-curves", of: html)) == withCurves)
        #expect(Self.count("class=\"trial-line\"", in: try Self.section("parallel-coordinates", of: html)) == completed)
        #expect(Self.count("class=\"slice-point\"", in: try Self.section("slices", of: html)) == completed * 3)
        #expect(Self.count("<tr class=", in: try Self.section("trials", of: html)) == study.trials.count)
        #expect(Self.count("class=\"bar single\"", in: try Self.section("importance", of: html)) == 3)
        #expect(Self.count("class=\"best-trial\"", in: try Self.section("history", of: html)) == 1)
        let metadata = try Self.section("metadata", of: html)
        for text in ["mlp", "digits", "tpe", "tune-train --model mlp"] { #expect(metadata.contains(text)) }
        #expect(html.contains("data-report-ready"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"), "nothing is fetched")
    }

    @Test func userTextIsEscapedEverywhere() throws {
        let html = StudyReport(Self.study()).html()
        // The only script element is the page's own.
        #expect(Self.count("<script", in: html[...]) == 1)
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("a&amp;b&lt;c&gt;d&quot;e&#39;f"))
        #expect(!html.contains(Self.hostileStudy))
    }

    @Test func aThousandTrialReportStaysUnderFiveMegabytes() throws {
        var study = Self.study()
        let template = study.trials
        study.trials = (0..<1000).map { number in
            var trial = template[number % template.count]
            trial.number = number
            trial.id = number
            trial.intermediateValues = trial.intermediateValues.isEmpty ? [:]
                : Dictionary(uniqueKeysWithValues: (0..<100).map { ($0, Double($0) / 100 + Double(number % 13) / 1000) })
            return trial
        }
        let html = StudyReport(study).html()
        #expect(html.utf8.count < 5_000_000, "\(html.utf8.count) bytes")
    }
}
