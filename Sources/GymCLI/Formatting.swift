import Foundation

/// A number for people: up to four significant digits, no trailing noise.
func formatNumber(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    if value == value.rounded() && abs(value) < 1e9 { return String(Int(value)) }
    return String(format: "%.4g", value)
}

/// A count with a k/M/G suffix: 52300 → "52.3k".
func formatCount(_ value: Double) -> String {
    switch abs(value) {
    case 1e9...: String(format: "%.2fG", value / 1e9)
    case 1e6...: String(format: "%.2fM", value / 1e6)
    case 1e3...: String(format: "%.1fk", value / 1e3)
    default: formatNumber(value)
    }
}

/// Seconds elapsed in a `Duration`, as a `Double`.
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}
