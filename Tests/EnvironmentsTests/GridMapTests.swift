import Environments
import Gym
import Testing

@Suite struct GridMapTests {
    @Test func parsesCellsIgnoringSpacesAndComments() throws {
        let map = try GridMap(parsing: """
            ; a comment
            S . #
            H C G
            """)
        #expect(map.rows == 2 && map.columns == 3)
        #expect(map.start == 0)
        #expect(map[2] == .wall && map[3] == .hole && map[4] == .cliff && map[5] == .goal)
    }

    @Test(arguments: [
        ("S.x\n..G", "map line 1, column 3: unknown cell 'x'"),
        ("S..\n.G", "map line 2 has 2 cells but line 1 has 3"),
        ("...\n..G", "exactly one start cell 'S', found 0"),
        ("S.S\n..G", "exactly one start cell 'S', found 2"),
        ("S..\n...", "at least one goal cell 'G'"),
        ("", "the map is empty"),
    ])
    func malformedMapsSayWhatIsWrong(text: String, message: String) {
        #expect {
            try GridMap(parsing: text)
        } throws: { error in
            (error as? GymError)?.message.contains(message) == true
        }
    }

    @Test func wallsBlockAndCliffsReturnToStart() throws {
        let world = try GridWorld(map: GridMap(parsing: "S#G\n.C."),
                                  configuration: .init(rewards: .init(step: -1, goal: 5, hole: -5, cliff: -50)))
        // Default action order is FrozenLake's: 0 left, 1 down, 2 right, 3 up.
        #expect(world.transitions(state: 0, action: 2) == [Transition(probability: 1, nextState: 0, reward: -1, terminated: false)])
        #expect(world.transitions(state: 3, action: 2) == [Transition(probability: 1, nextState: 0, reward: -50, terminated: false)])
        #expect(world.transitions(state: 5, action: 3) == [Transition(probability: 1, nextState: 2, reward: 5, terminated: true)])
    }

    @Test func badSlipModelIsRejected() {
        #expect(throws: GymError.self) {
            try GridWorld(map: GridMap(parsing: "SG"), configuration: .init(slip: .init(intended: 0.5, perpendicular: 0.5)))
        }
    }

    @Test func policyPictureShowsArrows() throws {
        let world = try GridWorld.frozenLake(slippery: false)
        let picture = world.policyText([2, 2, 1, 0, 1, 0, 1, 0, 2, 2, 1, 0, 0, 2, 2, 0])
        #expect(picture == "→→↓←\n↓H↓H\n→→↓H\nH→→G\n")
    }
}
