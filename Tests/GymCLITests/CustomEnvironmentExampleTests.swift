@testable import CustomEnvironmentExample
import Foundation
import Gym
import Testing

/// The custom-environment example: its environment keeps the contract at every length it accepts.
@Suite struct CustomEnvironmentExampleTests {
    @Test func aHallwayTooShortForItsStartIsRejected() {
        #expect(throws: GymError("a hallway needs at least 4 cells (the treasure lies beyond the start, cell 2), got 3")) {
            try WindyHallway(length: 3)
        }
    }

    @Test(arguments: 4...7)
    func everyAcceptedLengthPassesTheChecker(length: Int) throws {
        let hallway = try WindyHallway(length: length, windProbability: 0.3)
        let failures = EnvironmentChecker.check(hallway, seed: 2, steps: 500).filter { !$0.passed }
        #expect(failures.isEmpty, "\(failures)")
    }
}
