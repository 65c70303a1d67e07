import Gym
import Testing

/// A counter that terminates at 5; reward 1 a step.
private struct Counter: DiscreteEnvironment {
    var count = 0
    var observationSpace: Discrete { Discrete(6) }
    var actionSpace: Discrete { Discrete(1) }
    mutating func reset(seed: UInt64?) -> Int {
        count = 0
        return 0
    }
    mutating func step(_ action: Int) throws -> Step<Int> {
        guard actionSpace.contains(action) else { throw GymError.invalidAction(action, space: actionSpace) }
        count += 1
        return Step(observation: count, reward: 1, terminated: count == 5)
    }
}

@Suite struct WrapperTests {
    @Test func timeLimitTruncatesWithoutTerminating() throws {
        var limited = TimeLimit(Counter(), maxEpisodeSteps: 3)
        _ = limited.reset(seed: 0)
        #expect(try limited.step(0).isDone == false)
        #expect(try limited.step(0).isDone == false)
        let third = try limited.step(0)
        #expect(third.truncated && !third.terminated)
        _ = limited.reset(seed: nil)
        #expect(limited.elapsedSteps == 0)
    }

    @Test func terminationWinsOverTheLimitFlagBothAreReported() throws {
        var limited = TimeLimit(Counter(), maxEpisodeSteps: 5)
        _ = limited.reset(seed: 0)
        var last: Step<Int>?
        for _ in 0..<5 { last = try limited.step(0) }
        #expect(last?.terminated == true && last?.truncated == true)
    }

    @Test func episodeStatisticsRecordsReturnsAndLengths() throws {
        var recorded = EpisodeStatistics(TimeLimit(Counter(), maxEpisodeSteps: 3), windowSize: 2)
        for _ in 0..<3 {
            _ = recorded.reset(seed: nil)
            while try !recorded.step(0).isDone {}
        }
        #expect(recorded.completedEpisodes == 3)
        #expect(recorded.lastEpisode?.length == 3 && recorded.lastEpisode?.totalReward == 3)
        #expect(recorded.lastEpisode?.terminated == false)
        #expect(recorded.recentReturns == [3, 3] && recorded.recentMeanReturn == 3)
    }
}
