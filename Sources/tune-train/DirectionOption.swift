import ArgumentParser
import TuneSearch

/// `--direction minimize|maximize`.
enum DirectionOption: String, CaseIterable, ExpressibleByArgument {
    case minimize, maximize

    var studyDirection: StudyDirection { self == .minimize ? .minimize : .maximize }
}
