import Environments
import Gym
import Testing

/// MinAtar's recorded episodes (`Fixtures/minatar-episodes.json`) replayed action for action, with MinAtar's random
/// draws fed to the same rules: every frame's channels, reward and end must be MinAtar's.
@Suite struct MinAtarReplayTests {
    @Test func theRecordingHoldsEpisodesOfEveryReplayedGame() throws {
        let file = try RecordedMinAtarEpisode.load()
        for game in ["space_invaders", "asterix", "seaquest"] {
            #expect(file.episodes.filter { $0.game == game }.count >= 3, "\(game)")
        }
        #expect(file.episodes.map(\.steps.count).reduce(0, +) > 2000)
    }

    @Test(arguments: RecordedMinAtarEpisode.of("space_invaders"))
    func spaceInvadersFollowsMinAtar(_ episode: RecordedMinAtarEpisode) throws {
        try expectReplay(episode, on: SpaceInvaders.self)
    }

    @Test(arguments: RecordedMinAtarEpisode.of("asterix"))
    func asterixFollowsMinAtar(_ episode: RecordedMinAtarEpisode) throws {
        try expectReplay(episode, on: Asterix.self)
    }

    @Test(arguments: RecordedMinAtarEpisode.of("seaquest"))
    func seaquestFollowsMinAtar(_ episode: RecordedMinAtarEpisode) throws {
        try expectReplay(episode, on: Seaquest.self)
    }

    /// Replays `episode` on `Game` and records the first frame that differs (after it every frame would).
    private func expectReplay<Game: DeterministicArcade>(_ episode: RecordedMinAtarEpisode, on _: Game.Type) throws {
        #expect(Game.channels.map(\.name) == episode.channels)
        var game = try Game.deterministic()
        game.machine.replayedDraws = ReplayedDraws(episode.start.draws)
        var observation = game.reset(seed: 0)
        if let difference = Self.difference(game: game, observation: observation, planes: episode.start.planes) {
            Issue.record("\(episode): the starting board differs: \(difference)")
            return
        }
        for (index, recorded) in episode.steps.enumerated() {
            game.machine.replayedDraws = ReplayedDraws(recorded.draws)
            let previous = observation
            let step = try game.step(recorded.action)
            observation = step.observation
            var differences: [String] = []
            if let difference = Self.difference(game: game, observation: observation, planes: recorded.planes) {
                differences.append(difference)
            }
            if step.reward != recorded.reward { differences.append("reward \(step.reward), MinAtar \(recorded.reward)") }
            if step.terminated != recorded.terminal {
                differences.append("terminated \(step.terminated), MinAtar \(recorded.terminal)")
            }
            if !differences.isEmpty {
                Issue.record("""
                    \(episode): step \(index + 1) (\(ArcadeAction(rawValue: recorded.action)!.name)) differs: \
                    \(differences.joined(separator: "; "))
                    before:
                    \(Self.board(previous.planes, channels: Game.channels))
                    """)
                return
            }
        }
    }

    /// What differs between the game's board (and its draws) and MinAtar's `planes`, or `nil` when nothing does.
    private static func difference<Game: ArcadeGame>(game: Game, observation: ChannelGrid, planes: [UInt128]) -> String? {
        var parts: [String] = []
        if let draws = game.machine.replayedDraws, !draws.isExhausted {
            if let mismatch = draws.mismatch {
                parts.append("draw \(mismatch.position) asked for \(mismatch.asked), recorded \(draws.draws)")
            } else {
                parts.append("used \(draws.position) of the recorded draws \(draws.draws)")
            }
        }
        for (channel, plane) in planes.enumerated() where observation.planes[channel] != plane {
            parts.append("\(Game.channels[channel].name): ours \(cells(observation.planes[channel])), MinAtar \(cells(plane))")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The cells of a plane as (row, column) pairs.
    private static func cells(_ plane: UInt128) -> String {
        (0..<100).filter { plane & (UInt128(1) << UInt128($0)) != 0 }.map { "(\($0 / 10),\($0 % 10))" }.joined()
    }

    /// A plane-by-plane listing of a board, for the failure message.
    private static func board(_ planes: InlineArray<10, UInt128>, channels: [ArcadeChannel]) -> String {
        channels.indices.filter { planes[$0] != 0 }.map { "  \(channels[$0].name): \(cells(planes[$0]))" }
            .joined(separator: "\n")
    }
}
