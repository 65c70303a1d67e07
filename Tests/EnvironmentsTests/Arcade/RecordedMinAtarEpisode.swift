import Environments
import Foundation
import Gym

/// An episode recorded from MinAtar by `scripts/peers/record_minatar.py` into `Fixtures/minatar-episodes.json`:
/// sticky actions off, ramping on, actions of the full set, and for the start and every step the random draws the
/// game made and its channels (as hex strings of 100-bit planes, bit `row * 10 + column`).
struct RecordedMinAtarEpisode: Decodable, Sendable, CustomStringConvertible {
    /// The board after reset or after a step, with the draws made while it was played.
    struct Frame: Decodable, Sendable {
        let draws: [ReplayedDraws.Draw]
        let planes: [UInt128]

        enum CodingKeys: String, CodingKey { case draws, planes }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            draws = try container.decode([[Double]].self, forKey: .draws).map { try Self.draw($0) }
            planes = try container.decode([String].self, forKey: .planes).map {
                guard let plane = UInt128($0, radix: 16) else {
                    throw DecodingError.dataCorruptedError(forKey: .planes, in: container, debugDescription: "not hex: \($0)")
                }
                return plane
            }
        }

        /// `[x]` is `rand()`, `[n, k]` is `randint(n)`, `[low, high, k]` is `randint(low=low, high=high)` (an
        /// integer `k - low` below `high - low`, as a game draws it).
        static func draw(_ numbers: [Double]) throws -> ReplayedDraws.Draw {
            switch numbers.count {
            case 1: return .uniform(numbers[0])
            case 2: return .integer(value: Int(numbers[1]), upperBound: Int(numbers[0]))
            case 3: return .integer(value: Int(numbers[2] - numbers[0]), upperBound: Int(numbers[1] - numbers[0]))
            default: throw GymError("a recorded draw has 1 to 3 numbers, got \(numbers)")
            }
        }
    }

    /// One step: the action (of the full set), the reward, whether the episode ended, and the board after it.
    struct Step: Decodable, Sendable {
        let action: Int
        let reward: Double
        let terminal: Bool
        let draws: [ReplayedDraws.Draw]
        let planes: [UInt128]

        enum CodingKeys: String, CodingKey { case action, reward, terminal }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            action = try container.decode(Int.self, forKey: .action)
            reward = try container.decode(Double.self, forKey: .reward)
            terminal = try container.decode(Bool.self, forKey: .terminal)
            let frame = try Frame(from: decoder)
            draws = frame.draws
            planes = frame.planes
        }
    }

    /// The file: the versions it was recorded with and the episodes.
    struct File: Decodable {
        let minatar: String
        let numpy: String
        let episodes: [RecordedMinAtarEpisode]
    }

    /// MinAtar's game name (`space_invaders`, `asterix`, `seaquest`).
    let game: String
    /// The policy that played it.
    let name: String
    /// MinAtar's channel names, in its order.
    let channels: [String]
    let start: Frame
    let steps: [Step]

    var description: String { "\(game), \(name), \(steps.count) steps" }

    /// The recorded file.
    static func load() throws -> File {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/minatar-episodes.json")
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
    }

    /// Every recorded episode (none when the file cannot be read, which a test reports).
    static let all: [RecordedMinAtarEpisode] = (try? load().episodes) ?? []

    /// The recorded episodes of `game`.
    static func of(_ game: String) -> [RecordedMinAtarEpisode] {
        all.filter { $0.game == game }
    }
}
