import Gym

extension GridWorld {
    /// Gymnasium's FrozenLake 4x4 map.
    public static let frozenLake4x4Map = """
        SFFF
        FHFH
        FFFH
        HFFG
        """

    /// Gymnasium's FrozenLake 8x8 map.
    public static let frozenLake8x8Map = """
        SFFFFFFF
        FFFFFFFF
        FFFHFFFF
        FFFFFHFF
        FFFHFFFF
        FHHFFFHF
        FHFFHFHF
        FFFHFFFG
        """

    /// Gymnasium's CliffWalking map: 4x12, start bottom-left, goal bottom-right, cliff between them.
    public static let cliffWalkingMap = """
        ............
        ............
        ............
        SCCCCCCCCCCG
        """

    /// The default `gridworld` maze: walls to go around, pits to avoid, one goal in the far corner.
    public static let mazeMap = """
        S..#......
        .#.#.##.H.
        .#...#....
        .###.#.##.
        ...H.#..H.
        .#.#.##.#.
        .#...H..#G
        """

    /// FrozenLake with Gymnasium's dynamics: actions 0 left, 1 down, 2 right, 3 up; reaching the goal gives 1;
    /// holes and the goal are absorbing; when slippery, the intended move happens with `successRate` and each
    /// perpendicular move with `(1 − successRate) / 2`.
    public static func frozenLake(map: String = frozenLake4x4Map, slippery: Bool = true,
                                  successRate: Double = 1.0 / 3.0) throws -> GridWorld {
        try GridWorld(map: GridMap(parsing: map),
                      configuration: Configuration(slip: slippery ? .frozenLake(successRate: successRate) : nil,
                                                   rewards: Rewards(step: 0, goal: 1, hole: 0)))
    }

    /// CliffWalking with Gymnasium's dynamics: actions 0 up, 1 right, 2 down, 3 left; −1 per step (also into the
    /// goal), −100 for the cliff and back to the start without ending; when slippery, the intended and both
    /// perpendicular moves have probability 1/3 each.
    public static func cliffWalking(slippery: Bool = false) throws -> GridWorld {
        try GridWorld(map: GridMap(parsing: cliffWalkingMap),
                      configuration: Configuration(
                        slip: slippery ? Slip(intended: 1.0 / 3.0, perpendicular: 1.0 / 3.0) : nil,
                        rewards: Rewards(step: -1, goal: -1, hole: -1, cliff: -100),
                        actions: [.up, .right, .down, .left],
                        absorbingTerminals: false))
    }

    /// The default maze: +1 at the goal, −1 in a pit, −0.01 per step; deterministic unless `slippery`.
    public static func maze(map: GridMap? = nil, slippery: Bool = false) throws -> GridWorld {
        try GridWorld(map: map ?? GridMap(parsing: mazeMap),
                      configuration: Configuration(slip: slippery ? .frozenLake(successRate: 0.8) : nil,
                                                   rewards: Rewards(step: -0.01, goal: 1, hole: -1, cliff: -1)))
    }
}
