import Gym
import Testing

/// Records the last action it was given; actions in [−2, 2] × [0, 10], reward 0.
private struct ActionRecorder: ContinuousControlEnvironment {
    var last: [Float] = []
    var observationSpace: Box<Float> { Box(low: -1, high: 1, shape: [1]) }
    var actionSpace: Box<Float> { Box(low: [-2, 0], high: [2, 10], shape: [2]) }
    mutating func reset(seed: UInt64?) -> [Float] { [0] }
    mutating func step(_ action: [Float]) throws -> Step<[Float]> {
        try actionSpace.validate(action)
        last = action
        return Step(observation: [0], reward: 0, terminated: false)
    }
}

@Suite struct ActionWrapperTests {
    @Test func rescaleActionMapsTheUnitBoxAffinelyOntoTheBounds() throws {
        var rescaled = try RescaleAction(ActionRecorder())
        #expect(rescaled.actionSpace == Box(low: -1, high: 1, shape: [2]))
        _ = rescaled.reset(seed: 0)
        _ = try rescaled.step([-1, 1])
        #expect(rescaled.base.last == [-2, 10])
        _ = try rescaled.step([0, 0])
        #expect(rescaled.base.last == [0, 5])
        _ = try rescaled.step([0.5, -0.5])
        #expect(rescaled.base.last == [1, 2.5])
    }

    @Test func rescaleActionWithOtherBoundsAndClipping() throws {
        var rescaled = try RescaleAction(ActionRecorder(), minimum: 0, maximum: 4)
        _ = try rescaled.step([1, 3])
        #expect(rescaled.base.last == [-1, 7.5])
        // Past the given range the action lands on the base's nearer bound.
        _ = try rescaled.step([-3, 9])
        #expect(rescaled.base.last == [-2, 10])
    }

    @Test func rescaleActionRejectsBadBoundsAndBadActions() throws {
        #expect(throws: GymError.self) { try RescaleAction(ActionRecorder(), minimum: 1, maximum: 1) }
        #expect(throws: GymError.self) { try RescaleAction(ActionRecorder(), minimum: -.infinity, maximum: 1) }
        #expect(throws: GymError.self) { try RescaleAction(ClipAction(ActionRecorder())) }
        var rescaled = try RescaleAction(ActionRecorder())
        #expect(throws: GymError.self) { try rescaled.step([0]) }
        #expect(throws: GymError.self) { try rescaled.step([.nan, 0]) }
    }

    @Test func clipActionClipsEachComponentToItsBounds() throws {
        var clipped = ClipAction(ActionRecorder())
        #expect(clipped.actionSpace == Box(low: -.infinity, high: .infinity, shape: [2]))
        _ = try clipped.step([-5, 3])
        #expect(clipped.base.last == [-2, 3])
        _ = try clipped.step([1.5, 11])
        #expect(clipped.base.last == [1.5, 10])
        #expect(throws: GymError.self) { try clipped.step([.nan, 0]) }
    }

    @Test func bothWrappersKeepTheContinuousControlKind() throws {
        func isContinuous(_ environment: any Environment) -> Bool { environment is any ContinuousControlEnvironment }
        #expect(isContinuous(try RescaleAction(ActionRecorder())))
        #expect(isContinuous(ClipAction(ActionRecorder())))
    }
}
