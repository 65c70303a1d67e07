import Environments
import Foundation
import Gym

/// A trajectory recorded from Gymnasium by `scripts/peers/record_classic_control.py` into
/// `Fixtures/classic-control-trajectories.json`: a state set by hand after `reset` (so no random generator is
/// involved), then each step's action and what Gymnasium returned.
struct RecordedTrajectory: Decodable, Sendable, CustomStringConvertible {
    /// One step: the action, Gymnasium's unwrapped state after it, the `float32` observation (as exact `float64`
    /// values), the reward and the two ends.
    struct Step: Decodable, Sendable {
        let action: [Double]
        let state: [Double]
        let observation: [Double]
        let reward: Double
        let terminated: Bool
        let truncated: Bool
    }

    /// The file: the versions it was recorded with and the trajectories.
    struct File: Decodable {
        let gymnasium: String
        let numpy: String
        let trajectories: [RecordedTrajectory]
    }

    /// Gymnasium's id, built with ``options`` through `gym.make` (so with its time limit).
    let id: String
    /// What the trajectory exercises.
    let name: String
    /// Gymnasium's keyword arguments, as strings.
    let options: [String: String]
    /// The state set before the first step, as `env.unwrapped.state` lists it.
    let state: [Double]
    let steps: [Step]

    var description: String { "\(id), \(name)" }

    /// The recorded file.
    static func load() throws -> File {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/classic-control-trajectories.json")
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
    }

    /// Every recorded trajectory (none when the file cannot be read, which a test reports).
    static let all: [RecordedTrajectory] = (try? load().trajectories) ?? []
}

/// An environment a recorded trajectory can be replayed on: its state as Gymnasium lists it, and its action from
/// the recorded numbers.
protocol Replayable: Environment where Observation == [Float] {
    /// The state in Gymnasium's order (`env.unwrapped.state`).
    var recordedState: [Double] { get set }
    /// The action the recorded numbers stand for.
    static func action(recorded: [Double]) -> Action
}

extension Acrobot: Replayable {
    var recordedState: [Double] {
        get { [state.angle1, state.angle2, state.angularVelocity1, state.angularVelocity2] }
        set { state = State(angle1: newValue[0], angle2: newValue[1], angularVelocity1: newValue[2], angularVelocity2: newValue[3]) }
    }

    static func action(recorded: [Double]) -> Int { Int(recorded[0]) }
}

extension MountainCar: Replayable {
    var recordedState: [Double] {
        get { [state.position, state.velocity] }
        set { state = State(position: newValue[0], velocity: newValue[1]) }
    }

    static func action(recorded: [Double]) -> Int { Int(recorded[0]) }
}

extension MountainCarContinuous: Replayable {
    /// The `float32` state, exactly.
    var recordedState: [Double] {
        get { [Double(state.position), Double(state.velocity)] }
        set { state = State(position: Float(newValue[0]), velocity: Float(newValue[1])) }
    }

    static func action(recorded: [Double]) -> [Float] { recorded.map(Float.init) }
}

extension Pendulum: Replayable {
    var recordedState: [Double] {
        get { [state.angle, state.angularVelocity] }
        set { state = State(angle: newValue[0], angularVelocity: newValue[1]) }
    }

    static func action(recorded: [Double]) -> [Float] { recorded.map(Float.init) }
}
