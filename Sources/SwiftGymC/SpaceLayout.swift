import Gym

/// How one copy's observations or actions lie in a C buffer, and the JSON that describes their space to a caller
/// (Gymnasium's `Discrete` and `Box`, with NumPy's dtype names).
struct SpaceLayout {
    /// Values per copy.
    let width: Int
    /// Bytes per value.
    let elementSize: Int
    /// The space as JSON-ready values: `type`, `shape`, `dtype`, `item_size` (bytes per value), and `n`/`start` or
    /// `low`/`high`.
    var json: [String: Any] { fields.merging(["item_size": elementSize]) { ours, _ in ours } }
    /// The fields of ``json`` that depend on the kind of space.
    private let fields: [String: Any]

    /// Bytes per copy.
    var rowSize: Int { width * elementSize }

    /// Integers `start ..< start + n`, passed as `int64` (Swift's `Int` on every platform the package builds for).
    init(_ space: Discrete) {
        width = 1
        elementSize = MemoryLayout<Int>.size
        fields = ["type": "discrete", "n": space.count, "start": space.start, "shape": [Int](), "dtype": "int64"]
    }

    /// A float box, passed as `float32` values in row-major order.
    init(_ space: Box<Float>) {
        width = space.shape.reduce(1, *)
        elementSize = MemoryLayout<Float>.size
        fields = ["type": "box", "shape": space.shape, "dtype": "float32",
                "low": space.low.map(Self.number), "high": space.high.map(Self.number)]
    }

    /// A channel grid, passed as one `bool` byte per cell and channel, `[height, width, channels]` (MinAtar's layout).
    init(_ space: ChannelGridSpace) {
        width = space.channels * space.height * space.width
        elementSize = 1
        fields = ["type": "box", "shape": [space.height, space.width, space.channels], "dtype": "bool",
                "low": 0, "high": 1]
    }

    /// An 8-bit planar image, passed as `uint8` bytes `[channels, height, width]`.
    init(_ space: ImageSpace) {
        width = space.channels * space.height * space.width
        elementSize = 1
        fields = ["type": "box", "shape": [space.channels, space.height, space.width], "dtype": "uint8",
                "low": 0, "high": 255]
    }

    /// A bound as JSON: a number, or `"inf"`/`"-inf"` (JSON has no infinity).
    private static func number(_ value: Float) -> Any {
        value.isFinite ? Double(value) : (value > 0 ? "inf" : "-inf")
    }
}
