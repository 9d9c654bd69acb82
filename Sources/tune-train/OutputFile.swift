import ArgumentParser
import Foundation

/// A file a command writes (`-o FILE`, `--report FILE`): its folder is checked while the options
/// are validated, before any work (exit 64), and a write that fails anyway exits 1 naming the file.
enum OutputFile {
    /// Throws a `ValidationError` when `path`'s folder does not exist.
    static func validateFolder(of path: String, option: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("\(option) \(path): the folder \(folder) does not exist; create it or write elsewhere")
        }
    }

    /// Writes `text` to `path` (atomically), or prints one line and exits 1.
    static func write(_ text: String, to path: String) throws {
        try exitingOnRunError {
            do {
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw WriteError(description: "cannot write \(path) (\(error.localizedDescription)); check that its folder exists and is writable")
            }
        }
    }

    /// An output file that cannot be written.
    struct WriteError: Error, CustomStringConvertible {
        let description: String
    }
}
