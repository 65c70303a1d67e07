import Environments
import Gym
import Testing

/// A walk to the right that terminates at cell 3; the reward is the cell reached, and the goal is cell 3.
private struct Walk: DiscreteEnvironment, GoalReporting {
    var cell = 0
    var observationSpace: Discrete { Discrete(4) }
    var actionSpace: Discrete { Discrete(1) }
    var isAtGoal: Bool { cell == 3 }
    mutating func reset(seed: UInt64?) -> Int {
        cell = 0
        return 0
    }
    mutating func step(_ action: Int) throws -> Step<Int> {
        guard actionSpace.contains(action) else { throw GymError.invalidAction(action, space: actionSpace) }
        cell += 1
        return Step(observation: cell, reward: Double(cell), terminated: cell == 3)
    }
}

@Suite struct BatchedEnvironmentTests {
    /// Copy 0 walks to its end (terminated at step 3); copy 1 is cut by a 2-step time limit.
    @Test func finishedCopiesAutoresetAndKeepTheirFinalObservation() throws {
        let batch = try BatchedEnvironment(copies: [TimeLimit(Walk(), maxEpisodeSteps: 10), TimeLimit(Walk(), maxEpisodeSteps: 2)],
                                           packer: ValuePacker<Int>(), threads: 1)
        #expect(Array(batch.observations) == [0, 0])
        try batch.step([0, 0])
        #expect(Array(batch.observations) == [1, 1] && batch.finishedEpisodes.isEmpty)

        try batch.step([0, 0])
        // Copy 1's episode was truncated: its row holds the next episode's first observation, the last one is kept.
        #expect(Array(batch.observations) == [2, 0])
        #expect(Array(batch.rewards) == [2, 2])
        #expect(Array(batch.terminated) == [false, false] && Array(batch.truncated) == [false, true])
        #expect(Array(batch.finalObservation(of: 1)) == [2])
        #expect(batch.finishedEpisodes == [FinishedEpisode(copy: 1, totalReward: 3, length: 2, terminated: false, success: false)])

        try batch.step([0, 0])
        #expect(Array(batch.observations) == [0, 1])
        #expect(Array(batch.terminated) == [true, false] && Array(batch.truncated) == [false, false])
        #expect(Array(batch.finalObservation(of: 0)) == [3])
        #expect(batch.finishedEpisodes == [FinishedEpisode(copy: 0, totalReward: 6, length: 3, terminated: true, success: true)])
        #expect(Array(batch.episodeReturns) == [0, 1] && Array(batch.episodeLengths) == [0, 1])
        #expect(batch.stepsTaken == 6 && batch.episodesCompleted == 2)
    }

    @Test func copyIIsSeededWithSeedPlusI() throws {
        let batch = try BatchedEnvironment(CartPole(), count: 4, packer: ArrayPacker<Float>(count: 4), seed: 7)
        for copy in 0..<4 {
            var single = CartPole()
            #expect(Array(batch.observation(of: copy)) == single.reset(seed: 7 + UInt64(copy)))
        }
        batch.reset(seed: 20)
        var single = CartPole()
        #expect(Array(batch.observation(of: 3)) == single.reset(seed: 23))
    }

    /// Random CartPole play, recorded step by step, is the same bit for bit on 1, 2 and 3 threads.
    @Test func resultsAreIdenticalForEveryThreadCount() throws {
        func play(threads: Int) throws -> [[Double]] {
            let batch = try BatchedEnvironment(TimeLimit(CartPole(), maxEpisodeSteps: 30), count: 13,
                                               packer: ArrayPacker<Float>(count: 4), seed: 3, threads: threads)
            var generator = RandomGenerator(seed: 11)
            var record: [[Double]] = []
            for _ in 0..<120 {
                try batch.step((0..<batch.count).map { _ in generator.nextInt(below: 2) })
                record.append(batch.observations.map(Double.init) + batch.finalObservations.map(Double.init)
                              + Array(batch.rewards) + batch.terminated.map { $0 ? 1 : 0 } + batch.truncated.map { $0 ? 1 : 0 }
                              + batch.finishedEpisodes.flatMap { [Double($0.copy), $0.totalReward, Double($0.length)] })
            }
            return record
        }
        let single = try play(threads: 1)
        #expect(try play(threads: 2) == single)
        #expect(try play(threads: 3) == single)
    }

    @Test func anInvalidActionIsThrown() throws {
        let batch = try BatchedEnvironment(Walk(), count: 4, packer: ValuePacker<Int>(), threads: 2)
        #expect(throws: GymError.invalidAction(1, space: Discrete(1))) { try batch.step([0, 0, 0, 1]) }
        #expect(throws: GymError("a batched environment needs at least one thread, got 0")) {
            try BatchedEnvironment(Walk(), count: 2, packer: ValuePacker<Int>(), threads: 0)
        }
    }
}
