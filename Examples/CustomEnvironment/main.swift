// A user's program: define an environment, check it, register it, train Q-learning on it, evaluate.
import Agents
import Foundation
import Gym

do {
    // 1. The checker catches contract mistakes (spaces, seeding, determinism) before any training.
    let failures = EnvironmentChecker.check(try WindyHallway()).filter { !$0.passed }
    guard failures.isEmpty else {
        throw GymError("the environment checker failed: \(failures.map { "\($0.name): \($0.detail)" })")
    }

    // 2. A registry entry makes it available by name, with a time limit, like the built-in environments.
    var registry = Registry()
    try registry.register(EnvironmentSpec(
        name: "windy-hallway", summary: "walk right to the treasure against the wind",
        family: "custom", rewardThreshold: 0.8, maxEpisodeSteps: 100
    ) { _ in try WindyHallway() })
    guard var hallway = try registry.make("windy-hallway") as? TimeLimit<WindyHallway> else {
        throw GymError("the registry returned an unexpected type")
    }

    // 3. Train tabular Q-learning, then evaluate the greedy policy.
    var configuration = QLearning.Configuration()
    configuration.budget = .episodes(2_000)
    configuration.seed = 7
    var agent = try QLearning(for: hallway, configuration: configuration)
    try agent.train(in: &hallway)
    let evaluation = try Evaluation(&hallway, episodes: 1_000, seed: 8) { agent.greedyAction($0) }
    let successRate = evaluation.successRate ?? 0
    print("windy-hallway: \(agent.episodesCompleted) episodes, greedy policy \(agent.policy.map(String.init).joined())")
    print("evaluation: mean return \(evaluation.meanReturn), success rate \(successRate)")
    guard successRate >= 0.95 else { throw GymError("Q-learning did not learn the hallway: success rate \(successRate)") }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
