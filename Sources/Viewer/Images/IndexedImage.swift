import Gym

/// A rectangle of a frame as palette indices: what one GIF image holds.
///
/// Up to 256 distinct colours are kept exactly; beyond that the colours are reduced by median cut (each box of the
/// colour histogram split at its weighted median along its widest channel until there are enough), and each pixel
/// takes the mean colour of its box. Given the previous frame, pixels that did not change get a transparent index
/// instead, so the previous frame shows through and long runs of that index compress to almost nothing.
struct IndexedImage {
    /// The colours, at most 256, padded with black to a power of two of at least 2 entries (GIF's table sizes).
    var palette: [RGB]
    /// One palette index per pixel, rows from the top.
    var indices: [UInt8]
    /// The index of unchanged pixels, when a previous frame was given and some pixel did not change.
    var transparentIndex: UInt8?
    /// Whether colours had to be merged.
    var isQuantized: Bool

    /// The key of a pixel that did not change (colour keys use 24 bits).
    private static let unchangedKey: UInt32 = 1 << 24

    /// Indexes the `width` x `height` rectangle of `frame` whose top-left corner is (`x`, `y`); pixels equal to those
    /// of `previous` (a frame of the same size) become transparent.
    init(_ frame: Frame, x: Int, y: Int, width: Int, height: Int, previous: Frame? = nil) {
        var colors: [RGB] = []
        var indexOfColor: [UInt32: Int] = [:]
        var keys = [UInt32](repeating: 0, count: width * height)
        var hasUnchanged = false
        frame.pixels.withUnsafeBufferPointer { pixels in
            (previous?.pixels ?? []).withUnsafeBufferPointer { before in
                var previousKey = UInt32.max
                for row in 0..<height {
                    var offset = ((y + row) * frame.width + x) * 3
                    for column in 0..<width {
                        var key = UInt32(pixels[offset]) << 16 | UInt32(pixels[offset + 1]) << 8 | UInt32(pixels[offset + 2])
                        if !before.isEmpty, before[offset] == pixels[offset], before[offset + 1] == pixels[offset + 1],
                           before[offset + 2] == pixels[offset + 2] {
                            key = Self.unchangedKey
                            hasUnchanged = true
                        } else if key != previousKey, indexOfColor[key] == nil {
                            indexOfColor[key] = colors.count
                            colors.append(RGB(hex: key))
                        }
                        keys[row * width + column] = key
                        previousKey = key
                        offset += 3
                    }
                }
            }
        }
        let colorLimit = hasUnchanged ? 255 : 256
        var lookup: [UInt32: UInt8]
        if colors.count <= colorLimit {
            palette = colors
            lookup = indexOfColor.mapValues { UInt8($0) }
            isQuantized = false
        } else {
            var counts: [UInt32: Int] = [:]
            for key in keys where key != Self.unchangedKey { counts[key, default: 0] += 1 }
            (palette, lookup) = Self.medianCut(counts, maximumColors: colorLimit)
            isQuantized = true
        }
        if hasUnchanged {
            transparentIndex = UInt8(palette.count)
            lookup[Self.unchangedKey] = UInt8(palette.count)
            palette.append(RGB(0, 0, 0))
        }
        var tableSize = 2
        while tableSize < palette.count { tableSize *= 2 }
        palette += Array(repeating: RGB(0, 0, 0), count: tableSize - palette.count)
        var previousKey = UInt32.max, previousIndex: UInt8 = 0
        indices = keys.map { key in
            if key != previousKey {
                previousKey = key
                previousIndex = lookup[key] ?? 0
            }
            return previousIndex
        }
    }

    /// The palette size as GIF's 3-bit field: the table holds 2^(field + 1) colours.
    var tableSizeField: UInt8 {
        UInt8(palette.count.trailingZeroBitCount - 1)
    }

    /// Splits the colour histogram `counts` into at most `maximumColors` boxes; returns each box's mean colour and the
    /// palette index of every colour.
    static func medianCut(_ counts: [UInt32: Int], maximumColors: Int) -> (palette: [RGB], lookup: [UInt32: UInt8]) {
        let entries = counts.map { (color: RGB(hex: $0.key), key: $0.key, count: $0.value) }
        var boxes: [ArraySlice<(color: RGB, key: UInt32, count: Int)>] = [entries[...]]
        func channel(_ color: RGB, _ index: Int) -> UInt8 { index == 0 ? color.red : index == 1 ? color.green : color.blue }
        func widest(_ box: ArraySlice<(color: RGB, key: UInt32, count: Int)>) -> (channel: Int, range: Int) {
            (0..<3).map { index in
                let values = box.map { Int(channel($0.color, index)) }
                return (index, (values.max() ?? 0) - (values.min() ?? 0))
            }.max { $0.range < $1.range }!
        }
        while boxes.count < maximumColors {
            // Split the box with the widest channel range that still has two colours.
            guard let target = boxes.indices.filter({ boxes[$0].count > 1 }).max(by: { widest(boxes[$0]).range < widest(boxes[$1]).range })
            else { break }
            let axis = widest(boxes[target]).channel
            let sorted = boxes[target].sorted { channel($0.color, axis) < channel($1.color, axis) }
            let total = sorted.reduce(0) { $0 + $1.count }
            var running = 0
            var split = 1
            for (offset, entry) in sorted.enumerated() {
                running += entry.count
                if running * 2 >= total { split = min(max(offset + 1, 1), sorted.count - 1); break }
            }
            boxes[target] = Array(sorted[..<split])[...]
            boxes.append(Array(sorted[split...])[...])
        }
        var palette: [RGB] = []
        var lookup: [UInt32: UInt8] = [:]
        for (index, box) in boxes.enumerated() {
            let total = Double(box.reduce(0) { $0 + $1.count })
            func mean(_ channelIndex: Int) -> UInt8 {
                UInt8((box.reduce(0.0) { $0 + Double(channel($1.color, channelIndex)) * Double($1.count) } / total).rounded())
            }
            palette.append(RGB(mean(0), mean(1), mean(2)))
            for entry in box { lookup[entry.key] = UInt8(index) }
        }
        return (palette, lookup)
    }
}
