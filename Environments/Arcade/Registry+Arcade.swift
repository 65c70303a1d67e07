import Gym

extension Registry {
    /// The five MinAtar-style games, family `arcade`.
    static var arcadeSpecs: [EnvironmentSpec] {
        [
            arcadeSpec("breakout", ramps: false,
                       "MinAtar Breakout: bounce a diagonal ball off a paddle to break 3 rows of bricks (+1 a brick)") { Breakout(settings: $0) },
            arcadeSpec("space-invaders", ramps: true,
                       "MinAtar Space Invaders: shoot a marching block of aliens that shoots back (+1 an alien)") { SpaceInvaders(settings: $0) },
            arcadeSpec("freeway", ramps: false,
                       "MinAtar Freeway: walk a chicken across 8 lanes of traffic (+1 a crossing, 2,501 frames)") { Freeway(settings: $0) },
            arcadeSpec("asterix", ramps: true,
                       "MinAtar Asterix: collect treasure crossing the board and dodge enemies (+1 a treasure)") { Asterix(settings: $0) },
            arcadeSpec("seaquest", ramps: true,
                       "MinAtar Seaquest: shoot enemies, rescue divers, surface for oxygen (+1 a kill, oxygen bonus)") { Seaquest(settings: $0) },
        ]
    }

    /// MinAtar's Gymnasium ids for the five games, as MinAtar registers them (`minatar/gym.py`): `MinAtar/<Game>-v0`
    /// with all 6 actions and `MinAtar/<Game>-v1` with the game's minimal action set, neither with a time limit nor a
    /// reward threshold (like the built-in games). MinAtar's option names `sticky_action_prob` and
    /// `use_minimal_action_set` (which overrides the version's action set) are translated; `difficulty_ramping` is
    /// ours too, on the games that ramp.
    public static let minAtarAliases: [EnvironmentAlias] = {
        let games = [("breakout", "Breakout"), ("space-invaders", "SpaceInvaders"), ("freeway", "Freeway"),
                     ("asterix", "Asterix"), ("seaquest", "Seaquest")]
        let optionNames = [
            EnvironmentAlias.OptionName("sticky_action_prob", for: "sticky_probability"),
            EnvironmentAlias.OptionName("use_minimal_action_set", for: "action_set",
                                        values: ["true": ArcadeActionSet.minimal.rawValue, "false": ArcadeActionSet.full.rawValue]),
        ]
        return games.flatMap { name, minAtarName in
            [(0, ArcadeActionSet.full), (1, ArcadeActionSet.minimal)].map { version, actionSet in
                EnvironmentAlias("MinAtar/\(minAtarName)-v\(version)", for: name, fixedOptions: ["action_set": actionSet.rawValue],
                                 optionNames: optionNames, maxEpisodeSteps: nil, rewardThreshold: nil)
            }
        }
    }()

    /// The options every arcade game takes; `difficulty_ramping` only where the game ramps.
    static func arcadeOptions(ramps: Bool) -> [EnvironmentOption] {
        var options = [
            EnvironmentOption("sticky_probability", default: "0.1", "probability that a step repeats the previous action"),
            EnvironmentOption("action_set", default: "full", "full (6 actions, MinAtar's default) or minimal (the game's own)"),
        ]
        if ramps {
            options.append(EnvironmentOption("difficulty_ramping", default: "true", "speed the game up as it goes"))
        }
        return options
    }

    /// The ``ArcadeSettings`` the options give.
    static func arcadeSettings(_ options: EnvironmentOptions) throws -> ArcadeSettings {
        let setName = options.string("action_set") ?? ArcadeActionSet.full.rawValue
        guard let actionSet = ArcadeActionSet(rawValue: setName) else {
            throw GymError("option 'action_set' must be one of \(ArcadeActionSet.allCases.map(\.rawValue).joined(separator: ", ")), got '\(setName)'")
        }
        return try ArcadeSettings(stickyActionProbability: options.double("sticky_probability", default: 0.1),
                                  difficultyRamping: options.bool("difficulty_ramping", default: true),
                                  actionSet: actionSet)
    }

    private static func arcadeSpec(_ name: String, ramps: Bool, _ summary: String,
                                   make: @escaping @Sendable (ArcadeSettings) -> any Environment) -> EnvironmentSpec {
        EnvironmentSpec(name: name, summary: summary, family: "arcade", options: arcadeOptions(ramps: ramps)) { options in
            make(try arcadeSettings(options))
        }
    }
}
