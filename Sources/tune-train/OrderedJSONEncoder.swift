import Foundation
import TuneSearch

/// Encodes `Encodable` values to JSON with object keys in the order the value encodes them
/// (declaration order for synthesized conformances), so `--json` output reads
/// `{"name":"iris","rows":150,...}` rather than in hash order. Non-finite numbers become the
/// strings "nan", "inf" and "-inf".
struct OrderedJSONEncoder {
    func encode<Value: Encodable>(_ value: Value) throws -> String {
        let root = JSONNode.Box()
        try value.encode(to: NodeEncoder(box: root, codingPath: []))
        var output = ""
        root.node.write(to: &output)
        return output
    }
}

/// A JSON tree that keeps key order.
private enum JSONNode {
    case null, bool(Bool), number(String), string(String)
    case array([Box])
    case object([(String, Box)])

    final class Box {
        var node: JSONNode = .null
    }

    func write(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let text): output += text
        case .string(let text): JSONValue.writeEscaped(text, to: &output)
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                item.node.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += "," }
                JSONValue.writeEscaped(key, to: &output)
                output += ":"
                value.node.write(to: &output)
            }
            output += "}"
        }
    }

    static func number<T: BinaryFloatingPoint & LosslessStringConvertible>(_ value: T) -> JSONNode {
        if value.isNaN { return .string("nan") }
        if value.isInfinite { return .string(value < 0 ? "-inf" : "inf") }
        if value == value.rounded(), abs(value) < 1e15 { return .number(String(Int64(value))) }
        return .number(String(value))
    }
}

private struct NodeEncoder: Encoder {
    let box: JSONNode.Box
    var codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = box.node {} else { box.node = .object([]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .array = box.node {} else { box.node = .array([]) }
        return UnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        SingleValueContainer(box: box, codingPath: codingPath)
    }
}

/// Encodes one value into a box, shared by all three container kinds.
private func encodeValue<T: Encodable>(_ value: T, into box: JSONNode.Box, codingPath: [CodingKey]) throws {
    switch value {
    case let v as String: box.node = .string(v)
    case let v as Bool: box.node = .bool(v)
    case let v as Double: box.node = JSONNode.number(v)
    case let v as Float: box.node = JSONNode.number(v)
    case let v as Int: box.node = .number(String(v))
    case let v as Int64: box.node = .number(String(v))
    case let v as UInt64: box.node = .number(String(v))
    case let v as UInt32: box.node = .number(String(v))
    case let v as Int32: box.node = .number(String(v))
    default: try value.encode(to: NodeEncoder(box: box, codingPath: codingPath))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONNode.Box
    var codingPath: [CodingKey]

    private func child(_ key: Key) -> JSONNode.Box {
        let child = JSONNode.Box()
        if case .object(var members) = box.node {
            members.append((key.stringValue, child))
            box.node = .object(members)
        }
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).node = .null }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeValue(value, into: child(key), codingPath: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(box: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        NodeEncoder(box: child(key), codingPath: codingPath + [key]).unkeyedContainer()
    }
    mutating func superEncoder() -> Encoder { NodeEncoder(box: box, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> Encoder { NodeEncoder(box: child(key), codingPath: codingPath + [key]) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let box: JSONNode.Box
    var codingPath: [CodingKey]
    var count: Int {
        if case .array(let items) = box.node { return items.count }
        return 0
    }

    private func child() -> JSONNode.Box {
        let child = JSONNode.Box()
        if case .array(var items) = box.node {
            items.append(child)
            box.node = .array(items)
        }
        return child
    }

    mutating func encodeNil() throws { child().node = .null }
    mutating func encode<T: Encodable>(_ value: T) throws { try encodeValue(value, into: child(), codingPath: codingPath) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(box: child(), codingPath: codingPath).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        NodeEncoder(box: child(), codingPath: codingPath).unkeyedContainer()
    }
    mutating func superEncoder() -> Encoder { NodeEncoder(box: child(), codingPath: codingPath) }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let box: JSONNode.Box
    var codingPath: [CodingKey]

    mutating func encodeNil() throws { box.node = .null }
    mutating func encode<T: Encodable>(_ value: T) throws { try encodeValue(value, into: box, codingPath: codingPath) }
}
