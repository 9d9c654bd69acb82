import TuneSearch

/// ANSI colours for terminal output, or none: every styling call returns its text unchanged
/// when colour is off.
struct Colour: Sendable {
    let enabled: Bool

    func bold(_ text: String) -> String { styled(text, "1") }

    /// A trial state in its colour: green COMPLETE, yellow PRUNED, red FAIL.
    func state(_ state: TrialState) -> String {
        switch state {
        case .complete: return styled(state.rawValue, "32")
        case .pruned: return styled(state.rawValue, "33")
        case .fail: return styled(state.rawValue, "31")
        case .running, .waiting: return state.rawValue
        }
    }

    private func styled(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// `text` without the escape sequences this type adds.
    static func stripped(_ text: String) -> String {
        var result = ""
        var inEscape = false
        for character in text {
            if character == "\u{1B}" { inEscape = true; continue }
            if inEscape { if character == "m" { inEscape = false }; continue }
            result.append(character)
        }
        return result
    }
}
