import Foundation

/// A number for people: up to four significant digits, no trailing noise.
public func formatNumber(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    if value == value.rounded() && abs(value) < 1e9 { return String(Int(value)) }
    return String(format: "%.4g", value)
}

/// A count with a k/M/G suffix: 52300 → "52.3k".
public func formatCount(_ value: Double) -> String {
    switch abs(value) {
    case 1e9...: String(format: "%.2fG", value / 1e9)
    case 1e6...: String(format: "%.2fM", value / 1e6)
    case 1e3...: String(format: "%.1fk", value / 1e3)
    default: formatNumber(value)
    }
}

/// Seconds elapsed in a `Duration`, as a `Double`.
public func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

/// A duration as `42s`, `3m05s` or `1h02m`.
public func formatDuration(_ seconds: Double) -> String {
    let total = Int(seconds.rounded())
    if total < 60 { return "\(total)s" }
    if total < 3600 { return String(format: "%dm%02ds", total / 60, total % 60) }
    return String(format: "%dh%02dm", total / 3600, total % 3600 / 60)
}

/// A byte count as `812 B`, `41.3 KB` or `2.4 MB`.
public func formatBytes(_ count: Int) -> String {
    switch count {
    case ..<1_000: "\(count) B"
    case ..<1_000_000: String(format: "%.1f KB", Double(count) / 1_000)
    default: String(format: "%.1f MB", Double(count) / 1_000_000)
    }
}
