import Foundation

/// Prints `value` as one JSON document on standard output, keys in declaration order.
func printJSON<Value: Encodable>(_ value: Value) throws {
    let text = try OrderedJSONEncoder().encode(value)
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
