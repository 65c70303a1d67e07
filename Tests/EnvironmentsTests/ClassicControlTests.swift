import Environments
import Gym
import Testing

/// Acrobot, MountainCar, MountainCarContinuous and Pendulum beyond their recorded trajectories: start states, the
/// registry's entries and options, actions, keys. The dynamics are checked against Gymnasium in
/// ``GymnasiumTrajectoryTests``.
@Suite struct ClassicControlTests {
    @Test func startStatesFollowGymnasiumsDistributions() {
        var acrobot = Acrobot(), car = MountainCar(), continuous = MountainCarContinuous(), pendulum = Pendulum()
        for seed in 0..<200 as Range<UInt64> {
            _ = acrobot.reset(seed: seed)
            let angles = [acrobot.state.angle1, acrobot.state.angle2, acrobot.state.angularVelocity1,
                          acrobot.state.angularVelocity2]
            #expect(angles.allSatisfy { abs($0) <= 0.1 && Double(Float($0)) == $0 }, "float32 values in ±0.1")
            _ = car.reset(seed: seed)
            #expect((-0.6...(-0.4)).contains(car.state.position) && car.state.velocity == 0)
            _ = continuous.reset(seed: seed)
            #expect((Float(-0.6)...Float(-0.4)).contains(continuous.state.position) && continuous.state.velocity == 0)
            _ = pendulum.reset(seed: seed)
            #expect(abs(pendulum.state.angle) <= Double.pi && abs(pendulum.state.angularVelocity) <= 1)
        }
        #expect(pendulum.reset(seed: 9) == pendulum.reset(seed: 9))
        #expect(pendulum.reset(seed: 9) != pendulum.reset(seed: 10))
        #expect(acrobot.reset(seed: 4) == acrobot.reset(seed: 4))
    }

    @Test(arguments: [("acrobot", 500, -100.0), ("mountaincar", 200, -110), ("mountaincar-continuous", 999, 90)])
    func registryEntriesHaveGymnasiumsLimitsAndThresholds(name: String, steps: Int, threshold: Double) throws {
        let spec = try Registry.standard.spec(named: name)
        #expect(spec.maxEpisodeSteps == steps && spec.rewardThreshold == threshold && spec.family == "classic-control")
    }

    @Test func pendulumIsCutAfterTwoHundredStepsAndNeverTerminates() throws {
        #expect(try Registry.standard.spec(named: "pendulum").rewardThreshold == nil)
        var pendulum = try #require(try Registry.standard.make("pendulum") as? TimeLimit<Pendulum>)
        _ = pendulum.reset(seed: 1)
        var steps: [Step<[Float]>] = []
        for _ in 0..<200 { steps.append(try pendulum.step([1])) }
        #expect(steps.dropLast().allSatisfy { !$0.isDone })
        #expect(steps.last?.truncated == true && steps.last?.terminated == false)
    }

    @Test func optionsReachTheEnvironments() throws {
        let pendulum = try #require(try Registry.standard.make("pendulum", options: EnvironmentOptions(["gravity": "9.81"]))
            as? TimeLimit<Pendulum>)
        #expect(pendulum.base.gravity == 9.81)
        let viaGymnasium = try #require(try Registry.standard.make("Pendulum-v1", options: EnvironmentOptions(["g": "3.7"]))
            as? TimeLimit<Pendulum>)
        #expect(viaGymnasium.base.gravity == 3.7 && viaGymnasium.maxEpisodeSteps == 200)
        let car = try #require(try Registry.standard.make("MountainCar-v0", options: EnvironmentOptions(["goal_velocity": "0.02"]))
            as? TimeLimit<MountainCar>)
        #expect(car.base.goalVelocity == 0.02)
        let acrobot = try #require(try Registry.standard.make("acrobot", options: EnvironmentOptions(["torque_noise_max": "0.5"]))
            as? TimeLimit<Acrobot>)
        #expect(acrobot.base.torqueNoise == 0.5)
        #expect(throws: GymError("option 'torque_noise_max' must be 0 or more, got -1.0")) {
            try Registry.standard.make("acrobot", options: EnvironmentOptions(["torque_noise_max": "-1"]))
        }
        #expect(throws: GymError("option 'goal_velocity' must be a finite number, got 'inf'")) {
            try Registry.standard.make("mountaincar-continuous", options: EnvironmentOptions(["goal_velocity": "inf"]))
        }
    }

    @Test func torqueNoiseComesFromTheSeededGenerator() throws {
        func angles(noise: Double, seed: UInt64) throws -> [Double] {
            var acrobot = Acrobot(torqueNoise: noise)
            _ = acrobot.reset(seed: seed)
            acrobot.state = .init(angle1: 0.1, angle2: 0, angularVelocity1: 0, angularVelocity2: 0)
            return try (0..<20).map { _ in _ = try acrobot.step(1); return acrobot.state.angle2 }
        }
        #expect(try angles(noise: 0.5, seed: 1) == angles(noise: 0.5, seed: 1))
        #expect(try angles(noise: 0.5, seed: 1) != angles(noise: 0.5, seed: 2))
        #expect(try angles(noise: 0, seed: 1) == angles(noise: 0, seed: 2))
    }

    @Test func invalidActionsAreRejected() throws {
        var acrobot = Acrobot(), car = MountainCar(), continuous = MountainCarContinuous(), pendulum = Pendulum()
        #expect(throws: GymError("invalid action 3: the action space is Discrete(3)")) { try acrobot.step(3) }
        #expect(throws: GymError.self) { try car.step(-1) }
        for bad: [Float] in [[], [0, 0], [.nan], [-.infinity]] {
            #expect(throws: GymError.self) { try continuous.step(bad) }
            #expect(throws: GymError.self) { try pendulum.step(bad) }
        }
    }

    @Test func continuousActionsOutsideTheBoundsAreClippedAsInGymnasium() throws {
        // MountainCarContinuous pushes with the clipped force but charges for the action as given.
        var car = MountainCarContinuous()
        car.state = .init(position: -0.5, velocity: 0)
        let far = try car.step([3])
        car.state = .init(position: -0.5, velocity: 0)
        let full = try car.step([1])
        #expect(far.observation == full.observation)
        #expect(far.reward == -(9 * 0.1) && full.reward == -0.1)
        // Pendulum clips the torque before both the update and the cost.
        var pendulum = Pendulum()
        pendulum.state = .init(angle: 1, angularVelocity: 0)
        let clipped = try pendulum.step([-7])
        pendulum.state = .init(angle: 1, angularVelocity: 0)
        #expect(try pendulum.step([-2]) == clipped)
    }

    @Test func pendulumNormalizesAnglesLikeNumPy() {
        #expect(Pendulum.normalizedAngle(0) == 0)
        #expect(Pendulum.normalizedAngle(Double.pi) == -Double.pi)
        #expect(abs(Pendulum.normalizedAngle(3 * Double.pi / 2) + Double.pi / 2) < 1e-15)
        #expect(abs(Pendulum.normalizedAngle(-7) - (-7 + 2 * Double.pi)) < 1e-15)
        #expect(abs(Pendulum.normalizedAngle(20) - (20 - 6 * Double.pi)) < 1e-14)
    }

    @Test func keysPushFullyOneWayOrTheOtherAndCoastWhenIdle() throws {
        let pendulum = try #require(try Registry.standard.make("pendulum").capability((any HumanPlayable).self))
        #expect(pendulum.action(for: .left) as? [Float] == [-2] && pendulum.action(for: .right) as? [Float] == [2])
        #expect(pendulum.idleAction as? [Float] == [0] && pendulum.action(for: .fire) == nil)
        let car = MountainCarContinuous()
        #expect(car.action(for: .left) == [-1] && car.action(for: .right) == [1] && car.idleAction == [0])
        for discrete in [Acrobot().action(for:), MountainCar().action(for:)] {
            #expect(discrete(.left) == 0 && discrete(.right) == 2 && discrete(.up) == nil)
        }
        #expect(Acrobot().idleAction == 1 && MountainCar().idleAction == 1)
    }
}
