import Gym

extension GridWorld: FrameRendering, ValueMapRendering {
    /// The side of a tile in frames, in pixels.
    public static var tileSize: Int { 32 }

    /// The colours of gridworld frames.
    public enum Palette {
        /// The 1-pixel lines between tiles.
        public static let gridLine = RGB(hex: 0x9AA5B1)
        /// Floor (FrozenLake's ice).
        public static let floor = RGB(hex: 0xE6EEF5)
        /// The start tile.
        public static let start = RGB(hex: 0xA9CCE3)
        /// A goal.
        public static let goal = RGB(hex: 0x2E9E44)
        /// A hole or pit.
        public static let hole = RGB(hex: 0x1B2A49)
        /// A wall.
        public static let wall = RGB(hex: 0x5D6D7E)
        /// A cliff.
        public static let cliff = RGB(hex: 0xA93226)
        /// The agent, a disc in its tile.
        public static let agent = RGB(hex: 0xF39C12)
        /// Policy arrows.
        public static let arrow = RGB(hex: 0x17202A)
        /// The heat map's lowest value, middle and highest value.
        public static let heat = (low: RGB(hex: 0xD73027), middle: RGB(hex: 0xFEE08B), high: RGB(hex: 0x1A9850))

        /// The colour of a tile of kind `cell`.
        public static func color(of cell: GridMap.Cell) -> RGB {
            switch cell {
            case .floor: floor
            case .start: start
            case .goal: goal
            case .hole: hole
            case .wall: wall
            case .cliff: cliff
            }
        }
    }

    /// The map as tiles of ``tileSize`` pixels with 1-pixel grid lines, each tile in its kind's colour
    /// (``Palette``), and the agent as an orange disc on its tile.
    public func frame() -> Frame {
        var frame = emptyFrame()
        for state in map.cells.indices {
            fillTile(state, color: Palette.color(of: map[state]), in: &frame)
        }
        drawAgent(in: &frame)
        return frame
    }

    /// Like ``frame()``, with the floor and start tiles coloured by `values` (red for the lowest open-tile value,
    /// yellow between, green for the highest) and the action `policy` gives each of them drawn as an arrow.
    ///
    /// States outside `values` or `policy` keep their plain tile.
    public func frame(values: [Double], policy: [Int]) -> Frame {
        var frame = emptyFrame()
        let open = map.cells.indices.filter { map[$0] == .floor || map[$0] == .start }
        let shown = open.filter { $0 < values.count && values[$0].isFinite }.map { values[$0] }
        let low = shown.min() ?? 0, high = shown.max() ?? 0
        for state in map.cells.indices {
            var color = Palette.color(of: map[state])
            if open.contains(state), state < values.count, values[state].isFinite {
                color = Self.heatColor(high > low ? (values[state] - low) / (high - low) : 0.5)
            }
            fillTile(state, color: color, in: &frame)
            if open.contains(state), state < policy.count, (0..<4).contains(policy[state]) {
                drawArrow(state, direction: configuration.actions[policy[state]], in: &frame)
            }
        }
        drawAgent(in: &frame)
        return frame
    }

    /// The heat map's colour at `fraction` in [0, 1] between the lowest and the highest value.
    public static func heatColor(_ fraction: Double) -> RGB {
        let t = min(max(fraction, 0), 1)
        let (from, to, local) = t < 0.5 ? (Palette.heat.low, Palette.heat.middle, t * 2)
                                         : (Palette.heat.middle, Palette.heat.high, (t - 0.5) * 2)
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) + (Double(b) - Double(a)) * local).rounded()) }
        return RGB(mix(from.red, to.red), mix(from.green, to.green), mix(from.blue, to.blue))
    }

    private func emptyFrame() -> Frame {
        Frame(width: map.columns * Self.tileSize + 1, height: map.rows * Self.tileSize + 1, fill: Palette.gridLine)
    }

    /// Fills the inside of `state`'s tile, leaving the grid line on its top and left (and the frame's last row
    /// and column) in the line colour.
    private func fillTile(_ state: Int, color: RGB, in frame: inout Frame) {
        let size = Self.tileSize
        frame.fillRectangle(x: state % map.columns * size + 1, y: state / map.columns * size + 1,
                            width: size - 1, height: size - 1, color: color)
    }

    private func tileCenter(_ state: Int) -> (x: Double, y: Double) {
        let size = Double(Self.tileSize)
        return (Double(state % map.columns) * size + 0.5 + size / 2, Double(state / map.columns) * size + 0.5 + size / 2)
    }

    private func drawAgent(in frame: inout Frame) {
        let center = tileCenter(state)
        frame.fillCircle(centerX: center.x, centerY: center.y, radius: Double(Self.tileSize) * 0.3, color: Palette.agent)
    }

    /// A triangle pointing in `direction`, centred in `state`'s tile.
    private func drawArrow(_ state: Int, direction: Direction, in frame: inout Frame) {
        let center = tileCenter(state)
        let length = Double(Self.tileSize) * 0.35, halfWidth = Double(Self.tileSize) * 0.2
        let dx = Double(direction.columnStep), dy = Double(direction.rowStep)
        // The tip along the direction; the base across it, behind the centre.
        let tip = (x: center.x + dx * length, y: center.y + dy * length)
        let base = (x: center.x - dx * length * 0.6, y: center.y - dy * length * 0.6)
        frame.fillConvexPolygon([tip, (base.x - dy * halfWidth, base.y + dx * halfWidth),
                                 (base.x + dy * halfWidth, base.y - dx * halfWidth)], color: Palette.arrow)
    }
}
