/// Splits CSV text into records of fields (RFC 4180): commas separate fields, double quotes
/// enclose fields that hold commas, quotes (doubled) or line breaks; LF and CRLF end records; a
/// UTF-8 byte-order mark is skipped. Works on UTF-8 bytes, so a 300 KB file parses in
/// milliseconds.
struct CSVRecordReader {
    /// One record and the 1-based line it starts on.
    struct Record {
        var line: Int
        var fields: [Substring]
    }

    /// The records of `text`; blank lines are skipped.
    /// - Throws: ``DataError`` for a quote that is never closed or text after a closing quote.
    static func records(in text: String, source: String) throws -> [Record] {
        var records: [Record] = []
        let bytes = Array(text.utf8)
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

        while index < bytes.count {
            let recordLine = line
            var fields: [Substring] = []
            var recordEnded = false
            while !recordEnded {
                var field: [UInt8] = []
                if index < bytes.count, bytes[index] == quote {
                    let openedOn = line
                    index += 1
                    var closed = false
                    while index < bytes.count {
                        let byte = bytes[index]
                        if byte == quote {
                            if index + 1 < bytes.count, bytes[index + 1] == quote {
                                field.append(quote)
                                index += 2
                                continue
                            }
                            index += 1
                            closed = true
                            break
                        }
                        if byte == newline { line += 1 }
                        field.append(byte)
                        index += 1
                    }
                    if !closed {
                        throw DataError(source: source, line: openedOn,
                            message: "quoted field is never closed; add the closing \" or escape inner quotes as \"\"")
                    }
                    if index < bytes.count, bytes[index] != comma, bytes[index] != newline, bytes[index] != cr {
                        throw DataError(source: source, line: line,
                            message: "unexpected text after a closing quote; quote the whole field")
                    }
                } else {
                    while index < bytes.count, bytes[index] != comma, bytes[index] != newline, bytes[index] != cr {
                        field.append(bytes[index])
                        index += 1
                    }
                }
                fields.append(Substring(String(decoding: field, as: UTF8.self)))
                if index < bytes.count, bytes[index] == comma {
                    index += 1
                    continue
                }
                if index < bytes.count, bytes[index] == cr { index += 1 }
                if index < bytes.count, bytes[index] == newline { index += 1 }
                line += 1
                recordEnded = true
            }
            let isBlank = fields.count == 1 && fields[0].allSatisfy { $0 == " " || $0 == "\t" }
            if !isBlank { records.append(Record(line: recordLine, fields: fields)) }
        }
        return records
    }
}
