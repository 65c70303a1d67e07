/// An observation a network reads as a channels-first `[channels, height, width]` Float tensor.
///
/// ``ChannelGrid`` (MinAtar's boolean channels) and ``PlanarImage`` (preprocessed pixels) conform, so one encoder
/// serves both: allocate `channels * height * width` floats and call ``writeFloats(into:)``. Storage stays
/// compact (bits or bytes); floats exist only in the network's input buffer.
public protocol PlanarObservation {
    /// The number of planes.
    var channels: Int { get }
    /// Rows per plane.
    var height: Int { get }
    /// Columns per plane.
    var width: Int { get }
    /// Writes the observation channels-first, row-major within a plane, as values in [0, 1]; `buffer` must hold
    /// at least `channels * height * width` floats.
    func writeFloats(into buffer: UnsafeMutableBufferPointer<Float>)
}

extension PlanarObservation {
    /// The tensor shape `[channels, height, width]`.
    public var planarShape: [Int] { [channels, height, width] }

    /// The observation as a fresh channels-first Float array (convenient outside hot loops).
    public var floats: [Float] {
        [Float](unsafeUninitializedCapacity: channels * height * width) { buffer, count in
            writeFloats(into: buffer)
            count = buffer.count
        }
    }
}
