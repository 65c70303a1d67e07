import Gym

/// One observation channel of an arcade game: its MinAtar name and how it is drawn.
public struct ArcadeChannel: Equatable, Sendable {
    /// MinAtar's name for the channel, such as `paddle` or `enemy_bullet`.
    public var name: String
    /// The colour of the channel's cells in frames.
    public var color: RGB
    /// The character of the channel's cells in the terminal view.
    public var symbol: Character
    /// Whether the channel is drawn under the others (trails and gauges), so objects stay visible.
    public var isBackground: Bool

    /// Creates a channel description.
    public init(_ name: String, color: RGB, symbol: Character, isBackground: Bool = false) {
        self.name = name
        self.color = color
        self.symbol = symbol
        self.isBackground = isBackground
    }
}
