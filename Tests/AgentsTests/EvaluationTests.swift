import Agents
import Environments
import Gym
import Testing

@Suite struct EvaluationTests {
    @Test func stopRequestEndsTheEvaluationAfterTheCurrentEpisode() throws {
        var cliff = try GridWorld.cliffWalking()
        var finishedEpisodes = 0
        // Always "up" from the start: the agent bumps the top wall, never ends, and every episode is cut at 5 steps.
        let evaluation = try Evaluation(&cliff, episodes: 10, seed: 0, maxSteps: 5, policy: { _ in 0 },
                                        observe: { _, _ in },
                                        shouldStop: { finishedEpisodes += 1; return finishedEpisodes == 3 })
        #expect(evaluation.episodes == 3)
        #expect(evaluation.episodeLengths == [5, 5, 5])
        #expect(evaluation.cutEpisodes == 3)
        #expect(evaluation.meanReturn == -5)
    }
}
