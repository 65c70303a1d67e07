import Environments
import Foundation
import Gym
import Testing

@Suite struct LearnedStatisticsTests {
    @Test func aChainOfNormalizersReportsEveryWrappersStatistics() throws {
        var environment = NormalizeReward(NormalizeObservation(TimeLimit(Pendulum(), maxEpisodeSteps: 10)))
        _ = environment.reset(seed: 3)
        for _ in 0..<5 { _ = try environment.step([0.5]) }
        let entries = try #require(environment.capability(LearnedStatistics.self)).statisticsEntries
        #expect(Set(entries.keys) == ["normalize_observation", "normalize_reward"])
        let observations = try #require(try RunningMeanVariance<Float>.saved(under: "normalize_observation", in: entries, size: 3))
        #expect(observations == environment.base.statistics)
        #expect(observations.count == 6 + 1e-4)   // the reset and five steps
        let returns = try RunningMeanVariance<Double>.saved(under: "normalize_reward", in: entries, size: 1)
        #expect(returns == environment.statistics)
        // A wrapper that learns nothing adds nothing.
        #expect(TimeLimit(Pendulum(), maxEpisodeSteps: 10).capability(LearnedStatistics.self) == nil)
    }

    @Test func savedStatisticsAreCheckedBeforeUse() throws {
        let key = "normalize_observation"
        #expect(try RunningMeanVariance<Float>.saved(under: key, in: [:], size: 3) == nil)
        let bad = [
            "not json",
            #"{"mean":[0,0],"variance":[1,1],"count":5}"#,            // two components, three needed
            #"{"mean":[0,0,0],"variance":[1,-1,1],"count":5}"#,       // a negative variance
            #"{"mean":[0,0,0],"variance":[1,1,1],"count":0}"#,        // no samples, not even the initial 1e-4
        ]
        for text in bad {
            #expect(throws: GymError.self, "\(text)") {
                try RunningMeanVariance<Float>.saved(under: key, in: [key: text], size: 3)
            }
        }
        let good = try RunningMeanVariance<Float>.saved(
            under: key, in: [key: #"{"mean":[1,2,3],"variance":[4,5,6],"count":7}"#], size: 3)
        #expect(good?.mean == [1, 2, 3] && good?.variance == [4, 5, 6] && good?.count == 7)
    }
}
