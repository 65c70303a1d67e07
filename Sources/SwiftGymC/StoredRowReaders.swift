import Agents
import Gym

/// Reads one observation from the C layout of its environment (what `swiftgym_step` writes) into the stored form
/// of an agent's observation encoder, refusing values outside the observation space.
protocol StoredRowReader {
    /// The encoder whose stored form this reads into.
    associatedtype Encoder: ObservationEncoder

    /// The encoder.
    var encoder: Encoder { get }
    /// How one observation lies in a C buffer.
    var layout: SpaceLayout { get }
    /// Reads the observation at `row` into `stored` (`encoder.storedWidth` values); `index` names it in errors.
    func read(_ row: UnsafeRawPointer, into stored: UnsafeMutableBufferPointer<Encoder.Stored>, index: Int) throws
}

/// Discrete states (`int64`), stored as the one-hot encoder's `Int32` index.
struct StateRowReader: StoredRowReader {
    let encoder: OneHotEncoder
    let layout: SpaceLayout

    init(space: Discrete) {
        encoder = OneHotEncoder(count: space.count)
        layout = SpaceLayout(space)
    }

    func read(_ row: UnsafeRawPointer, into stored: UnsafeMutableBufferPointer<Int32>, index: Int) throws {
        let state = row.loadUnaligned(as: Int.self)
        guard (0..<encoder.count).contains(state) else {
            throw CFailure(.invalidArgument, "observation \(index) is state \(state); the states are 0...\(encoder.count - 1)")
        }
        stored[0] = Int32(state)
    }
}

/// Float vectors (`float32`), stored as they are.
struct VectorRowReader: StoredRowReader {
    let encoder: VectorEncoder
    let layout: SpaceLayout

    init(space: Box<Float>) {
        encoder = VectorEncoder(size: space.shape.reduce(1, *))
        layout = SpaceLayout(space)
    }

    func read(_ row: UnsafeRawPointer, into stored: UnsafeMutableBufferPointer<Float>, index: Int) throws {
        for component in 0..<encoder.size {
            let value = row.loadUnaligned(fromByteOffset: component * 4, as: Float.self)
            guard value.isFinite else {
                throw CFailure(.invalidArgument, "observation \(index) has the non-finite component \(component) = \(value)")
            }
            stored[component] = value
        }
    }
}

/// Channel grids (one byte 0/1 per cell and channel, `[height][width][channels]`), stored as the encoder's bit
/// planes (two words per channel).
struct ChannelGridRowReader: StoredRowReader {
    let encoder: ChannelGridEncoder
    let layout: SpaceLayout

    init(space: ChannelGridSpace) {
        encoder = ChannelGridEncoder(space: space)
        layout = SpaceLayout(space)
    }

    func read(_ row: UnsafeRawPointer, into stored: UnsafeMutableBufferPointer<UInt64>, index: Int) throws {
        let channels = encoder.channels
        stored.update(repeating: 0)
        for cell in 0..<(encoder.height * encoder.width) {
            for channel in 0..<channels {
                let byte = row.load(fromByteOffset: cell * channels + channel, as: UInt8.self)
                guard byte <= 1 else {
                    throw CFailure(.invalidArgument, "observation \(index) has \(byte) in cell \(cell), channel \(channel); channel grids hold 0 or 1")
                }
                stored[2 * channel + cell / 64] |= UInt64(byte) << UInt64(cell % 64)
            }
        }
    }
}
