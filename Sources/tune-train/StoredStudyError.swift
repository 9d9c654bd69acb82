/// A stored study or database named on the command line that is not there (exit 64: the user
/// fixes the name or the path).
enum StoredStudyError: Error, CustomStringConvertible {
    case noDatabase(path: String)
    case unknownStudy(name: String, available: [String])

    var description: String {
        switch self {
        case .noDatabase(let path):
            return "no study database at \(path); check the path (--storage sqlite:///relative.db or sqlite:////absolute.db)"
        case let .unknownStudy(name, available):
            return "no study named '\(name)' in this storage; "
                + (available.isEmpty ? "it holds no studies yet" : "it holds: \(available.joined(separator: ", "))")
        }
    }
}
