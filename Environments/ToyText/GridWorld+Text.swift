import Gym

extension GridWorld: TextRendering {
    /// The map with the agent's cell highlighted in red, preceded by the last action (Gymnasium's `ansi` mode).
    public func text() -> String {
        var lines: [String] = []
        if let lastAction {
            lines.append("  (\(configuration.actions[lastAction].rawValue.capitalized))")
        }
        for row in 0..<map.rows {
            var line = ""
            for column in 0..<map.columns {
                let index = row * map.columns + column
                let symbol = String(map[index].rawValue)
                line += index == state ? "\u{1B}[41m\(symbol)\u{1B}[0m" : symbol
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension GridWorld: PolicyRendering {
    /// The map with an arrow for the policy's move in every open cell; walls, holes, cliffs and goals keep
    /// their letters.
    public func policyText(_ policy: [Int]) -> String {
        var lines: [String] = []
        for row in 0..<map.rows {
            var line = ""
            for column in 0..<map.columns {
                let index = row * map.columns + column
                switch map[index] {
                case .start, .floor:
                    line += index < policy.count && (0..<4).contains(policy[index])
                        ? configuration.actions[policy[index]].arrow : "?"
                case .wall, .hole, .cliff, .goal:
                    line += String(map[index].rawValue)
                }
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension GridWorld.Direction {
    /// An arrow pointing this way.
    public var arrow: String {
        switch self {
        case .up: "↑"
        case .right: "→"
        case .down: "↓"
        case .left: "←"
        }
    }
}
