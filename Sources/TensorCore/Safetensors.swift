import Foundation

/// Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON header naming
/// each tensor's dtype, shape and byte range, then the raw little-endian data.
///
/// Files written here open with `safetensors.numpy.load_file` in Python and vice versa. Tensors are stored
/// as F32; F64 files are read and narrowed to `Float`.
public enum Safetensors {
    /// What can go wrong reading a file.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// The file does not exist or cannot be read.
        case unreadable(String)
        /// The file is shorter than its header says, or than the 8-byte length prefix.
        case truncated(String)
        /// The header is not the JSON object the format requires.
        case malformedHeader(String)
        /// A tensor has a dtype this library cannot load.
        case unsupportedDType(tensor: String, dtype: String)
        /// A tensor's byte range is outside the data or does not match its shape.
        case badDataRange(tensor: String, reason: String)

        public var description: String {
            switch self {
            case .unreadable(let reason): reason
            case .truncated(let reason): "truncated safetensors file: \(reason)"
            case .malformedHeader(let reason): "malformed safetensors header: \(reason)"
            case .unsupportedDType(let tensor, let dtype): "tensor '\(tensor)' has unsupported dtype \(dtype) (expected F32 or F64)"
            case .badDataRange(let tensor, let reason): "tensor '\(tensor)': \(reason)"
            }
        }
    }

    /// The bytes of a safetensors file holding `tensors` (sorted by name) and optional string metadata.
    public static func encode(_ tensors: [String: Tensor], metadata: [String: String] = [:]) -> Data {
        let names = tensors.keys.sorted()
        var entries: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.keys.sorted().map { "\(jsonString($0)):\(jsonString(metadata[$0]!))" }
            entries.append("\"__metadata__\":{\(pairs.joined(separator: ","))}")
        }
        var offset = 0
        for name in names {
            let tensor = tensors[name]!
            let bytes = tensor.count * MemoryLayout<Float>.size
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            entries.append("\(jsonString(name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(offset + bytes)]}")
            offset += bytes
        }
        var header = Array("{\(entries.joined(separator: ","))}".utf8)
        while header.count % 8 != 0 { header.append(UInt8(ascii: " ")) }
        var data = Data(capacity: 8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(contentsOf: header)
        for name in names {
            tensors[name]!.withUnsafeBufferPointer { buffer in
                #if _endian(little)
                data.append(buffer)
                #else
                for value in buffer { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
                #endif
            }
        }
        return data
    }

    /// Writes `tensors` to `url` atomically: a temporary file in the same directory, then a rename.
    public static func write(_ tensors: [String: Tensor], metadata: [String: String] = [:], to url: URL) throws {
        try AtomicFile.write(encode(tensors, metadata: metadata), to: url)
    }

    /// The longest header accepted (the format's own limit, 100 MB).
    public static let maximumHeaderLength = 100_000_000

    /// Decodes the tensors and metadata of a safetensors file.
    public static func decode(_ data: Data) throws -> (tensors: [String: Tensor], metadata: [String: String]) {
        guard data.count >= 8 else { throw Failure.truncated("\(data.count) bytes, need at least 8 for the header length") }
        let headerLength = data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard headerLength <= UInt64(maximumHeaderLength) else {
            throw Failure.malformedHeader("its first 8 bytes give a header of \(headerLength) bytes, more than the format allows (\(maximumHeaderLength)); this is not a safetensors file")
        }
        guard headerLength <= UInt64(data.count - 8) else {
            throw Failure.truncated("header claims \(headerLength) bytes but only \(data.count - 8) follow")
        }
        let headerEnd = 8 + Int(headerLength)
        let headerBytes = data.subdata(in: 8..<headerEnd)
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: headerBytes)
        } catch {
            throw Failure.malformedHeader("not valid JSON")
        }
        guard let header = json as? [String: Any] else { throw Failure.malformedHeader("not a JSON object") }
        if let duplicate = try JSONObjectKeys.firstDuplicate(in: headerBytes) {
            throw Failure.malformedHeader("the name '\(duplicate)' appears twice")
        }
        let payload = data.subdata(in: headerEnd..<data.count)
        var tensors: [String: Tensor] = [:]
        var metadata: [String: String] = [:]
        var ranges: [(name: String, range: Range<Int>)] = []
        for (name, value) in header {
            if name == "__metadata__" {
                guard let pairs = value as? [String: String] else { throw Failure.malformedHeader("__metadata__ must map strings to strings") }
                metadata = pairs
                continue
            }
            let (tensor, range) = try decodeTensor(name: name, entry: value, payload: payload)
            tensors[name] = tensor
            ranges.append((name, range))
        }
        try checkContiguous(ranges, payloadCount: payload.count)
        return (tensors, metadata)
    }

    /// Reads the tensors and metadata of the safetensors file at `url`.
    public static func read(from url: URL) throws -> (tensors: [String: Tensor], metadata: [String: String]) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw Failure.unreadable(exists ? "the file cannot be read (\(error.localizedDescription))" : "no such file")
        }
        return try decode(data)
    }

    /// Throws unless the tensors' byte ranges follow each other without gaps or overlaps and cover the data exactly,
    /// as the format requires.
    private static func checkContiguous(_ ranges: [(name: String, range: Range<Int>)], payloadCount: Int) throws {
        var next = 0
        for (name, range) in ranges.sorted(by: { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }) {
            guard range.lowerBound == next else {
                let problem = range.lowerBound < next ? "overlaps the tensor before it" : "leaves a gap after the tensor before it"
                throw Failure.badDataRange(tensor: name, reason: "bytes \(range.lowerBound)..<\(range.upperBound) \(problem) (byte \(next) expected)")
            }
            next = range.upperBound
        }
        guard next == payloadCount else {
            throw Failure.badDataRange(tensor: ranges.last?.name ?? "(none)", reason: "the tensors cover \(next) of the \(payloadCount) data bytes")
        }
    }

    private static func decodeTensor(name: String, entry: Any, payload: Data) throws -> (Tensor, Range<Int>) {
        guard let fields = entry as? [String: Any], let dtype = fields["dtype"] as? String,
              let shape = fields["shape"] as? [Int], let offsets = fields["data_offsets"] as? [Int], offsets.count == 2
        else { throw Failure.malformedHeader("entry '\(name)' needs dtype, shape and two data_offsets") }
        let width: Int
        switch dtype {
        case "F32": width = 4
        case "F64": width = 8
        default: throw Failure.unsupportedDType(tensor: name, dtype: dtype)
        }
        guard shape.allSatisfy({ $0 >= 0 }) else { throw Failure.malformedHeader("entry '\(name)' has a negative dimension") }
        guard shape.count <= 8 else { throw Failure.malformedHeader("entry '\(name)' has \(shape.count) dimensions (at most 8)") }
        let (begin, end) = (offsets[0], offsets[1])
        guard begin >= 0, begin <= end, end <= payload.count else {
            throw Failure.badDataRange(tensor: name, reason: "bytes \(begin)..<\(end) are outside the \(payload.count) data bytes (the file is truncated or its header is wrong)")
        }
        let count = try shape.reduce(1) { product, dimension in
            let (result, overflow) = product.multipliedReportingOverflow(by: dimension)
            guard !overflow, result <= payload.count else {
                throw Failure.badDataRange(tensor: name, reason: "shape \(shape) holds more elements than the \(payload.count) data bytes")
            }
            return result
        }
        guard end - begin == count * width else {
            throw Failure.badDataRange(tensor: name, reason: "\(end - begin) bytes do not hold shape \(shape) of \(dtype)")
        }
        let tensor = payload.withUnsafeBytes { raw in
            guard count > 0, let base = raw.baseAddress else { return Tensor(shape: shape) { _ in } }
            let bytes = base + begin
            return Tensor(shape: shape) { out in
                for i in 0..<count {
                    if width == 4 {
                        out[i] = Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)))
                    } else {
                        out[i] = Float(Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))))
                    }
                }
            }
        }
        return (tensor, begin..<end)
    }

    /// `text` as a JSON string literal.
    private static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
