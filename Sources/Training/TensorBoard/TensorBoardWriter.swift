import Foundation
import Gym

/// Writes TensorBoard event files natively: TFRecord framing (length, masked CRC-32C of the length, the record,
/// masked CRC-32C of the record) around `Event` protobuf messages holding scalars, text and images.
///
/// The file is `events.out.tfevents.<seconds>.<host>.<pid>` in the directory, as TensorBoard expects; it opens with
/// `tensorboard --logdir DIR` and reads with `tensorboard`'s `EventAccumulator`.
public final class TensorBoardWriter {
    /// The event file.
    public let url: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    /// The first write that failed; later events are dropped and ``flush()`` throws it.
    private var failure: GymError?

    /// Creates `directory` when needed and a new event file in it.
    public init(directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw GymError("cannot create the TensorBoard directory '\(directory)': \(error.localizedDescription)")
        }
        let now = Date().timeIntervalSince1970
        let host = ProcessInfo.processInfo.hostName
        url = URL(fileURLWithPath: directory)
            .appendingPathComponent("events.out.tfevents.\(Int(now)).\(host).\(getpid())")
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: url.path) else {
            throw GymError("cannot write the TensorBoard event file '\(url.path)': check that the directory is writable")
        }
        self.handle = handle
        write { event in event.string(3, "brain.Event:2") }   // file_version
    }

    /// Adds a scalar at `step`.
    public func scalar(_ tag: String, _ value: Double, step: Int) {
        summary(step: step) { summaryValue in
            summaryValue.string(1, tag)
            summaryValue.float(2, Float(value))   // simple_value
        }
    }

    /// Adds Markdown text at `step` (the text plugin's string tensor).
    public func text(_ tag: String, _ markdown: String, step: Int) {
        summary(step: step) { summaryValue in
            summaryValue.string(1, tag)
            summaryValue.message(9) { metadata in                   // metadata
                metadata.message(1) { plugin in plugin.string(1, "text") }
            }
            summaryValue.message(8) { tensor in                     // tensor
                tensor.varint(1, 7)                                 // dtype: DT_STRING
                tensor.message(2) { _ in }                          // tensor_shape: a scalar
                tensor.string(8, markdown)                          // string_val
            }
        }
    }

    /// Adds an encoded image (PNG, or a GIF that TensorBoard plays as a video) of `width` x `height` at `step`.
    public func image(_ tag: String, encoded: Data, width: Int, height: Int, step: Int) {
        summary(step: step) { summaryValue in
            summaryValue.string(1, tag)
            summaryValue.message(4) { image in
                image.varint(1, UInt64(height))
                image.varint(2, UInt64(width))
                image.varint(3, 3)                                  // colorspace: RGB
                image.bytes(4, encoded)
            }
        }
    }

    /// Writes what is buffered to the file; throws the first write that failed, now or earlier.
    public func flush() throws {
        writeBuffer()
        if let failure { throw failure }
    }

    deinit {
        writeBuffer()
        try? handle.close()
    }

    // MARK: - Plumbing

    /// An `Event` at `step` holding one summary value.
    private func summary(step: Int, _ value: (inout ProtobufWriter) -> Void) {
        write { event in
            event.varint(2, UInt64(bitPattern: Int64(step)))          // step
            event.message(5) { summary in summary.message(1, value) } // summary.value
        }
    }

    /// Frames one `Event` (wall time added) as a TFRecord.
    private func write(_ fields: (inout ProtobufWriter) -> Void) {
        var event = ProtobufWriter()
        event.double(1, Date().timeIntervalSince1970)               // wall_time
        fields(&event)
        let record = event.bytes
        var length: [UInt8] = []
        withUnsafeBytes(of: UInt64(record.count).littleEndian) { length.append(contentsOf: $0) }
        buffer += length
        withUnsafeBytes(of: CRC32C.masked(length).littleEndian) { buffer.append(contentsOf: $0) }
        buffer += record
        withUnsafeBytes(of: CRC32C.masked(record).littleEndian) { buffer.append(contentsOf: $0) }
        if buffer.count >= 1 << 16 { writeBuffer() }
    }

    private func writeBuffer() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil, !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            failure = GymError("the TensorBoard event file '\(url.path)' could not be written: \(error.localizedDescription)")
        }
    }
}
