import Gym

extension ArcadeGame {
    /// The side of a cell in frames, in pixels (a 10x10 board becomes 160x160, the width of an Atari screen).
    public static var cellSize: Int { 16 }

    /// The board as an RGB frame: each occupied cell a block in its channel's colour on black, background
    /// channels (trails, gauges) first so objects are drawn over them.
    public func frame() -> Frame {
        Self.frame(of: observation())
    }

    /// Draws `grid` as ``frame()`` does.
    public static func frame(of grid: ChannelGrid) -> Frame {
        var frame = Frame(width: arcadeBoardSize * cellSize, height: arcadeBoardSize * cellSize)
        for channel in drawingOrder {
            let color = channels[channel].color
            for row in 0..<arcadeBoardSize {
                for column in 0..<arcadeBoardSize where grid[channel, row, column] {
                    frame.fillRectangle(x: column * cellSize, y: row * cellSize, width: cellSize, height: cellSize, color: color)
                }
            }
        }
        return frame
    }

    /// The board in the terminal: each cell shows the symbol of its top channel in that channel's colour, `·`
    /// when empty, followed by the last action.
    public func text() -> String {
        let grid = observation()
        var lines: [String] = []
        for row in 0..<arcadeBoardSize {
            var line = ""
            for column in 0..<arcadeBoardSize {
                guard let channel = Self.drawingOrder.last(where: { grid[$0, row, column] }) else {
                    line += "·"
                    continue
                }
                let description = Self.channels[channel]
                let color = description.color
                line += "\u{1B}[38;2;\(color.red);\(color.green);\(color.blue)m\(description.symbol)\u{1B}[0m"
            }
            lines.append(line)
        }
        lines.append("frame \(machine.frame), last action \(machine.lastAction.name)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Channel indices in drawing order: background channels first, then the rest, each group in channel order.
    static var drawingOrder: [Int] {
        let indices = Array(channels.indices)
        return indices.filter { channels[$0].isBackground } + indices.filter { !channels[$0].isBackground }
    }
}
