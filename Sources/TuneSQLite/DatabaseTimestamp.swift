import Foundation

/// Dates in the text form SQLAlchemy writes for SQLite `DATETIME` columns (local time,
/// `2026-11-22 20:27:50.384853`), which is what Optuna stores and reads.
public enum DatabaseTimestamp {
    public static func text(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        let microseconds = Int(((date.timeIntervalSince1970 - Double(seconds)) * 1_000_000).rounded(.down))
        var parts = tm()
        localtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d.%06d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), microseconds)
    }

    /// Reads `YYYY-MM-DD HH:MM:SS[.ffffff]` (also with a `T`) as local time, or nil.
    static func date(_ text: String) -> Date? {
        let fields = text.split(whereSeparator: { "-: T".contains($0) })
        guard fields.count == 6, let year = Int32(fields[0]), let month = Int32(fields[1]), let day = Int32(fields[2]),
              let hour = Int32(fields[3]), let minute = Int32(fields[4]), let second = Double(fields[5]) else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = month - 1
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = Int32(second.rounded(.down))
        parts.tm_isdst = -1
        let seconds = mktime(&parts)
        return Date(timeIntervalSince1970: Double(seconds) + second - second.rounded(.down))
    }
}
