import Environments
import Foundation
import Gym
import Testing

/// Known pixels of the frames the environments draw for the window, the GIF writer and the PNG dumps.
@Suite struct FrameRenderingTests {
    /// A 2x3 map: start, floor, goal on top; wall, hole, cliff below.
    static func tinyWorld() throws -> GridWorld {
        try GridWorld(map: GridMap(parsing: "S.G\n#HC"))
    }

    @Test func gridworldTilesHaveTheirColoursAndGridLines() throws {
        let world = try Self.tinyWorld()
        let frame = world.frame()
        let size = GridWorld.tileSize
        #expect(frame.width == 3 * size + 1 && frame.height == 2 * size + 1)
        // A corner of each tile, away from the agent's disc in the start tile.
        let expected: [(column: Int, row: Int, color: RGB)] = [
            (0, 0, GridWorld.Palette.start), (1, 0, GridWorld.Palette.floor), (2, 0, GridWorld.Palette.goal),
            (0, 1, GridWorld.Palette.wall), (1, 1, GridWorld.Palette.hole), (2, 1, GridWorld.Palette.cliff),
        ]
        for (column, row, color) in expected {
            #expect(frame[column * size + 2, row * size + 2] == color, "tile (\(column), \(row))")
            #expect(frame[column * size + size - 1, row * size + size - 1] == color, "tile (\(column), \(row)) far corner")
            #expect(frame[column * size, row * size + 5] == GridWorld.Palette.gridLine, "line left of (\(column), \(row))")
        }
        #expect(frame[3 * size, 2 * size] == GridWorld.Palette.gridLine)
        // The agent sits in the middle of the start tile, and nowhere else.
        #expect(frame[size / 2, size / 2] == GridWorld.Palette.agent)
        #expect(frame[size + size / 2, size / 2] == GridWorld.Palette.floor)
    }

    @Test func gridworldAgentMovesWithTheState() throws {
        var world = try Self.tinyWorld()
        _ = world.reset(seed: 0)
        _ = try world.step(2)   // right (FrozenLake's numbering: 0 left, 1 down, 2 right, 3 up)
        let frame = world.frame()
        let size = GridWorld.tileSize
        #expect(frame[size + size / 2, size / 2] == GridWorld.Palette.agent)
        #expect(frame[size / 2, size / 2] == GridWorld.Palette.start)
        let agentPixels = stride(from: 0, to: frame.pixels.count, by: 3).filter {
            RGB(frame.pixels[$0], frame.pixels[$0 + 1], frame.pixels[$0 + 2]) == GridWorld.Palette.agent
        }.count
        // A disc of radius 0.3 x 32 = 9.6 pixels covers about π r² ≈ 290 pixels.
        #expect((270...310).contains(agentPixels), "agent pixels: \(agentPixels)")
    }

    @Test func valueMapColoursOpenTilesByValueAndDrawsArrows() throws {
        let world = try Self.tinyWorld()
        let size = GridWorld.tileSize
        // Start lowest (red), floor highest (green); the terminal tiles keep their colours.
        let frame = world.frame(values: [-1, 2, 9, 9, 9, 9], policy: [2, 2, 0, 0, 0, 0])
        #expect(frame[2, 2] == GridWorld.Palette.heat.low)
        #expect(frame[size + 2, 2] == GridWorld.Palette.heat.high)
        #expect(frame[2 * size + 2, 2] == GridWorld.Palette.goal)
        #expect(GridWorld.heatColor(0.5) == GridWorld.Palette.heat.middle)
        // The floor tile's arrow points right: dark just right of the centre, not at the left edge of the tile.
        let centerX = size + size / 2, centerY = size / 2
        #expect(frame[centerX + 8, centerY] == GridWorld.Palette.arrow)
        #expect(frame[centerX - 8, centerY - 5] == GridWorld.Palette.heat.high)
        #expect(frame[centerX + 8, centerY - 5] == GridWorld.Palette.heat.high)
    }

    @Test func cartPoleUprightAtTheCentre() {
        var cartPole = CartPole()
        cartPole.state = CartPole.State(position: 0, velocity: 0, angle: 0, angularVelocity: 0)
        let frame = cartPole.frame()
        #expect(frame.width == 600 && frame.height == 400)
        #expect(frame[10, 10] == CartPole.Palette.background)
        #expect(frame[20, CartPole.trackRow] == CartPole.Palette.cart)          // the track
        #expect(frame[20, CartPole.trackRow + 1] == CartPole.Palette.background)
        #expect(frame[276, 312] == CartPole.Palette.cart)                       // the cart spans x 275...324
        #expect(frame[274, 312] == CartPole.Palette.background)
        #expect(frame[300, 200] == CartPole.Palette.pole)                       // the pole, straight up
        #expect(frame[300, 292] == CartPole.Palette.axle)
        #expect(frame[300, 160] == CartPole.Palette.background)                 // above the 125-pixel pole
        #expect(frame[300, 175] == CartPole.Palette.pole)
        #expect(frame[310, 200] == CartPole.Palette.background)
    }

    @Test func cartPoleMovesAndLeansWithTheState() {
        var cartPole = CartPole()
        cartPole.state = CartPole.State(position: 1, velocity: 0, angle: 0.2, angularVelocity: 0)
        let frame = cartPole.frame()
        // The cart at 1 m sits 125 pixels right of the centre; the pole leans right by 0.2 rad.
        #expect(frame[425, 312] == CartPole.Palette.cart)
        #expect(frame[300, 312] == CartPole.Palette.background)
        let axleY = 300.5 - 7.5
        let along = 100.0
        let tipX = Int(425.0 + along * sin(0.2)), tipY = Int(axleY - along * cos(0.2))
        #expect(frame[tipX, tipY] == CartPole.Palette.pole)
        #expect(frame[425, tipY] == CartPole.Palette.background)
    }
}
