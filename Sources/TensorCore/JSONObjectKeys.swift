/// Finds a name that appears twice among the keys of a JSON object (the top level of a safetensors header):
/// `JSONSerialization` keeps one of them silently, and the format forbids them.
enum JSONObjectKeys {
    /// The first top-level key that repeats, or `nil`; throws for text that is not a JSON object.
    static func firstDuplicate(in bytes: some Collection<UInt8>) throws -> String? {
        var scanner = Scanner(bytes: Array(bytes))
        scanner.skipWhitespace()
        guard scanner.take() == UInt8(ascii: "{") else { throw Safetensors.Failure.malformedHeader("not a JSON object") }
        var seen = Set<String>()
        while true {
            scanner.skipWhitespace()
            guard let next = scanner.peek() else { throw Safetensors.Failure.malformedHeader("not valid JSON") }
            if next == UInt8(ascii: "}") { return nil }
            if next == UInt8(ascii: ",") {
                _ = scanner.take()
                continue
            }
            let key = try scanner.string()
            if !seen.insert(key).inserted { return key }
            scanner.skipWhitespace()
            guard scanner.take() == UInt8(ascii: ":") else { throw Safetensors.Failure.malformedHeader("not valid JSON") }
            try scanner.skipValue()
        }
    }

    /// A cursor over JSON text that reads strings and skips values (the text was already parsed once, so only its
    /// structure matters here).
    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        mutating func take() -> UInt8? {
            guard position < bytes.count else { return nil }
            defer { position += 1 }
            return bytes[position]
        }

        func peek() -> UInt8? {
            position < bytes.count ? bytes[position] : nil
        }

        mutating func skipWhitespace() {
            while let byte = peek(), [0x20, 0x09, 0x0A, 0x0D].contains(byte) { position += 1 }
        }

        /// A string's raw text between its quotes (escapes kept as written, which is enough to compare keys that
        /// `JSONSerialization` accepted).
        mutating func string() throws -> String {
            guard take() == UInt8(ascii: "\"") else { throw Safetensors.Failure.malformedHeader("not valid JSON") }
            var raw: [UInt8] = []
            while let byte = take() {
                if byte == UInt8(ascii: "\"") { return String(decoding: raw, as: UTF8.self) }
                raw.append(byte)
                if byte == UInt8(ascii: "\\"), let escaped = take() { raw.append(escaped) }
            }
            throw Safetensors.Failure.malformedHeader("not valid JSON")
        }

        /// Skips one value: a string, or anything up to the `,` or `}` that ends it at this depth.
        mutating func skipValue() throws {
            skipWhitespace()
            var depth = 0
            while let byte = peek() {
                switch byte {
                case UInt8(ascii: "\""):
                    _ = try string()
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { return }
                    depth -= 1
                case UInt8(ascii: ","):
                    if depth == 0 { return }
                default:
                    break
                }
                position += 1
            }
        }
    }
}
