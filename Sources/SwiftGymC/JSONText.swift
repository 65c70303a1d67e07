import Foundation

/// A JSON value kept as the text that options and settings parse: a number (`3`, `0.5`), a Boolean (`true`), a
/// string, or an array of those joined with commas (`[64, 64]` → `64,64`, the form of list settings).
struct JSONText: Decodable {
    let text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([JSONText].self) {
            text = list.map(\.text).joined(separator: ",")
        } else {
            text = try Self.scalar(container)
        }
    }

    private static func scalar(_ container: any SingleValueDecodingContainer) throws -> String {
        if let whole = try? container.decode(Int.self) { return String(whole) }
        if let number = try? container.decode(Double.self) { return String(number) }
        if let flag = try? container.decode(Bool.self) { return String(flag) }
        return try container.decode(String.self)
    }
}
