import Agents
import Environments
import Foundation
import Gym
import Training

// DQN on CartPole from a program: everything `gym run dqn cartpole --save … --log … --plot …` does.
var cartPole = TimeLimit(CartPole(), maxEpisodeSteps: 500)
var agent = try DQN(encoder: VectorEncoder(size: 4), actionCount: 2, configuration: .cartPole)
let trainer = Trainer(rewardThreshold: 475, checkpoint: URL(fileURLWithPath: "cartpole.safetensors"))
trainer.observe(ProgressLine())                                      // the live line on stderr
trainer.observe(try EpisodeLog(path: "cartpole.jsonl"))              // one JSON line per episode
trainer.observe(LearningCurveWriter(path: "cartpole.svg", title: "DQN on CartPole", threshold: 475))
StopRequest.installSignalHandlers()                                  // Ctrl-C and SIGTERM stop after the episode
let result = try trainer.train(&agent, in: &cartPole)
let evaluation = try trainer.evaluate(in: &cartPole, episodes: 100, seed: 1, policy: agent.greedyAction)
print("solved at episode \(result.solvedAtEpisode.map(String.init) ?? "never"); greedy mean return \(evaluation.meanReturn)")
