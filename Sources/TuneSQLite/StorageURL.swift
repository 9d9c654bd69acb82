/// A storage address as SQLAlchemy and Optuna write it: `sqlite:///relative.db` or
/// `sqlite:////absolute/path.db`.
public enum StorageURL {
    /// The file path of an `sqlite:///` URL.
    /// - Throws: `StudyError.invalidSetting` for another scheme or an empty path, saying the form.
    public static func sqlitePath(_ url: String) throws -> String {
        let prefix = "sqlite:///"
        guard url.hasPrefix(prefix) else {
            throw StorageURLError(description: "storage '\(url)' is not an SQLite URL; write sqlite:///file.db (relative) or sqlite:////abs/path.db (absolute)")
        }
        let path = String(url.dropFirst(prefix.count))
        guard !path.isEmpty else {
            throw StorageURLError(description: "storage '\(url)' names no file; write sqlite:///study.db")
        }
        return path
    }
}

/// A storage URL that cannot be used.
public struct StorageURLError: Error, CustomStringConvertible, Sendable {
    public let description: String
}
