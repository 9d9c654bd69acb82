import Testing
@testable import TuneReport

/// Axis ticks people read at a glance, on linear and log axes, and text escaping.
struct SVGScaleTests {
    @Test func linearTicksAreOneTwoOrFiveTimesAPowerOfTen() {
        let (ticks, step) = NiceTicks.linear(0.83, 0.97)
        #expect(step == 0.05)
        #expect(ticks == [0.85, 0.9, 0.95])
        #expect(NiceTicks.linear(0, 100).values == [0, 20, 40, 60, 80, 100])
        #expect(NiceTicks.linear(-3, 7).values == [-2, 0, 2, 4, 6])
    }

    @Test func logTicksArePowersOfTenOverManyDecades() {
        #expect(NiceTicks.logarithmic(1e-5, 0.1) == [1e-5, 1e-4, 1e-3, 1e-2, 0.1])
        // Two decades get 2× and 5× between the powers.
        #expect(NiceTicks.logarithmic(0.01, 1) == [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1])
        // Many decades thin out to every other power.
        #expect(NiceTicks.logarithmic(1e-10, 1e2) == [1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 1, 100])
    }

    @Test func logScalePlacesDecadesEvenly() {
        let scale = AxisScale(kind: .logarithmic, domain: (1e-4, 1), pixels: (0, 400))
        #expect(abs(scale.position(1e-3) - 100) < 1e-9)
        #expect(abs(scale.position(1e-2) - 200) < 1e-9)
        #expect(AxisScale.spansDecades([0.001, 5]))
        #expect(!AxisScale.spansDecades([0.8, 0.97]))
    }

    @Test func labelsAreShort() {
        #expect(NumberLabel.text(0.25) == "0.25")
        #expect(NumberLabel.text(1.5e-5) == "1.5e-05")
        #expect(NumberLabel.text(12000) == "12000")
        #expect(NumberLabel.text(0.30000000000000004) == "0.3")
    }

    @Test func textAndAttributesAreEscaped() {
        var canvas = SVGCanvas(width: 10, height: 10)
        canvas.text(1, 1, #"<b>&"x'</b>"#)
        canvas.circle(1, 1, radius: 1, ["fill": #""onload="x"#], title: "<script>")
        let svg = canvas.rendered(label: "a<b")
        #expect(svg.contains("&lt;b&gt;&amp;&quot;x&#39;&lt;/b&gt;"))
        #expect(svg.contains("fill=\"&quot;onload=&quot;x\""))
        #expect(svg.contains("<title>&lt;script&gt;</title>"))
        #expect(!svg.contains("<b>") && !svg.contains("<script>"))
    }

    @Test func viridisRunsFromPurpleToYellow() {
        #expect(ColourScale.viridis(0) == "#440154")
        #expect(ColourScale.viridis(1) == "#fde725")
        #expect(ColourScale.viridis(2) == "#fde725")
    }
}
