import Environments
import Gym
import Testing

/// Acrobot, MountainCar, MountainCarContinuous and Pendulum against trajectories recorded from Gymnasium (see
/// ``RecordedTrajectory``), number for number: every step's state, observation, reward, `terminated` and
/// `truncated`, through Gymnasium's ids as the registry builds them (so with their time limits and option names).
///
/// Tolerances: states and rewards agree within ``relativeTolerance`` (1e-12 of the value, or absolutely below 1),
/// observations within one `float32` ulp, the two ends exactly. Here they agree bit for bit: NumPy on Linux calls
/// glibc's `sin` and `cos`, as Swift does, and each update performs the same IEEE operations in the same order with
/// the same `float32`/`float64` types. The slack is for another platform's libm, whose last-bit differences one step
/// of these dynamics magnifies a few hundred times at most. Acrobot is chaotic, though: over a hundred free-running
/// steps such differences grow past any useful tolerance, so replaying each step from Gymnasium's own previous state
/// is the portable check, and the free-running replay runs on Linux only.
@Suite struct GymnasiumTrajectoryTests {
    /// The relative tolerance for states and rewards.
    static let relativeTolerance = 1e-12

    @Test func theFixtureCoversTheFourEnvironments() throws {
        let file = try RecordedTrajectory.load()
        #expect(file.gymnasium == "1.4.0")
        #expect(Set(file.trajectories.map(\.id)) == ["Acrobot-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Pendulum-v1"])
        #expect(file.trajectories.count == RecordedTrajectory.all.count)
        // What the trajectories were chosen to reach: the goals, a time limit, and the long Acrobot swing.
        let ends = Dictionary(grouping: file.trajectories, by: \.id).mapValues { $0.compactMap(\.steps.last) }
        #expect(ends["Acrobot-v1"]?.filter(\.terminated).count == 2)
        #expect(ends["MountainCar-v0"]?.contains(where: \.terminated) == true)
        #expect(ends["MountainCarContinuous-v0"]?.contains { $0.terminated && $0.reward > 90 } == true)
        #expect(ends["Pendulum-v1"]?.contains(where: \.truncated) == true)
        #expect(file.trajectories.map(\.steps.count).max() ?? 0 >= 200)
    }

    /// How a trajectory is replayed: each step from Gymnasium's previous state (portable), and on Linux also
    /// free-running from the start state.
    enum Replay: CaseIterable {
        case fromGymnasiumsStates, freeRunning

        static var here: [Replay] {
            #if os(Linux)
            allCases
            #else
            [.fromGymnasiumsStates]
            #endif
        }
    }

    @Test(arguments: RecordedTrajectory.all, Replay.here)
    func replayMatchesGymnasium(trajectory: RecordedTrajectory, replay: Replay) throws {
        let found = try Self.disagreements(replaying: trajectory, fromRecordedStates: replay == .fromGymnasiumsStates)
        #expect(found.isEmpty, "\(found.count) disagreements, first \(found.prefix(4))")
    }

    // MARK: - Replaying

    /// The disagreements between `trajectory` and our environment built from the same id and options: stepping from
    /// the start state on (`fromRecordedStates == false`) or setting Gymnasium's previous state before every step.
    static func disagreements(replaying trajectory: RecordedTrajectory, fromRecordedStates: Bool) throws -> [String] {
        let made = try Registry.standard.make(trajectory.id, options: EnvironmentOptions(trajectory.options))
        let types: [any Replayable.Type] = [Acrobot.self, MountainCar.self, MountainCarContinuous.self, Pendulum.self]
        for type in types {
            if let found = try type.disagreements(replaying: trajectory, on: made, fromRecordedStates: fromRecordedStates) {
                return found
            }
        }
        return ["\(trajectory.id) is not one of the replayable environments: \(Swift.type(of: made))"]
    }
}

extension Replayable {
    /// The disagreements of replaying `trajectory` on `made` when it is this environment in a time limit; `nil` when
    /// it is not.
    static func disagreements(replaying trajectory: RecordedTrajectory, on made: any Environment,
                              fromRecordedStates: Bool) throws -> [String]? {
        guard var environment = made as? TimeLimit<Self> else { return nil }
        _ = environment.reset(seed: 0)
        environment.base.recordedState = trajectory.state
        var found: [String] = []
        var previous = trajectory.state
        for (index, expected) in trajectory.steps.enumerated() {
            if fromRecordedStates { environment.base.recordedState = previous }
            let step = try environment.step(action(recorded: expected.action))
            let label = "step \(index + 1)"
            for (value, reference) in zip(environment.base.recordedState, expected.state) where !close(value, reference) {
                found.append("\(label): state \(environment.base.recordedState), Gymnasium's \(expected.state)")
                break
            }
            let observation = expected.observation.map(Float.init)
            if step.observation.count != observation.count
                || zip(step.observation, observation).contains(where: { abs($0 - $1) > $1.ulp }) {
                found.append("\(label): observation \(step.observation), Gymnasium's \(observation)")
            }
            if !close(step.reward, expected.reward) {
                found.append("\(label): reward \(step.reward), Gymnasium's \(expected.reward)")
            }
            if step.terminated != expected.terminated || step.truncated != expected.truncated {
                found.append("\(label): terminated \(step.terminated), truncated \(step.truncated); Gymnasium's \(expected.terminated), \(expected.truncated)")
            }
            previous = expected.state
        }
        return found
    }

    /// Whether `value` is within the relative tolerance of `reference` (absolute below 1).
    private static func close(_ value: Double, _ reference: Double) -> Bool {
        abs(value - reference) <= GymnasiumTrajectoryTests.relativeTolerance * max(1, abs(reference))
    }
}
