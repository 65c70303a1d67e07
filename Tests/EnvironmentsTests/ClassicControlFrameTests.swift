import Environments
import Gym
import Testing

/// Known pixels of the Acrobot, mountain-car and Pendulum frames (the window, the GIF writer and the PNG dumps).
@Suite struct ClassicControlFrameTests {
    @Test func acrobotHangingStraightDown() {
        var acrobot = Acrobot()
        acrobot.state = .init(angle1: 0, angle2: 0, angularVelocity1: 0, angularVelocity2: 0)
        let frame = acrobot.frame()
        #expect(frame.width == 500 && frame.height == 500)
        // 113.6 pixels a metre: the goal line one metre above the pivot at the centre, on row 136.
        #expect(frame[10, 136] == Acrobot.Palette.goalLine && frame[10, 137] == Acrobot.Palette.background)
        #expect(frame[250, 250] == Acrobot.Palette.joint)                   // the pivot
        #expect(frame[250, 300] == Acrobot.Palette.link && frame[258, 300] == Acrobot.Palette.link)
        #expect(frame[263, 300] == Acrobot.Palette.background)              // links are 22.7 pixels wide
        #expect(frame[250, 363] == Acrobot.Palette.joint)                   // the joint one metre down
        #expect(frame[250, 420] == Acrobot.Palette.link)
        #expect(frame[250, 490] == Acrobot.Palette.background)              // below the free end at 477
    }

    @Test func acrobotFirstLinkTurnsCounterclockwise() {
        var acrobot = Acrobot()
        acrobot.state = .init(angle1: Double.pi / 2, angle2: -Double.pi / 2, angularVelocity1: 0, angularVelocity2: 0)
        let frame = acrobot.frame()
        // θ1 = π/2 points the first link to the right; θ2 = −π/2 turns the second back down.
        #expect(frame[300, 250] == Acrobot.Palette.link && frame[200, 250] == Acrobot.Palette.background)
        #expect(frame[363, 250] == Acrobot.Palette.joint)
        #expect(frame[363, 320] == Acrobot.Palette.link && frame[250, 320] == Acrobot.Palette.background)
    }

    @Test func pendulumUprightAndTurned() {
        var pendulum = Pendulum()
        pendulum.state = .init(angle: 0, angularVelocity: 0)
        let upright = pendulum.frame()
        #expect(upright.width == 500 && upright.height == 500)
        #expect(upright[250, 250] == Pendulum.Palette.axle)
        #expect(upright[250, 243] == Pendulum.Palette.rod && upright[250, 190] == Pendulum.Palette.rod)
        #expect(upright[250, 136] == Pendulum.Palette.rod)                  // the tip, one metre up
        #expect(upright[250, 120] == Pendulum.Palette.background && upright[250, 300] == Pendulum.Palette.background)
        #expect(upright[262, 190] == Pendulum.Palette.background)           // the rod is 22.7 pixels wide
        pendulum.state.angle = Double.pi / 2
        let turned = pendulum.frame()
        #expect(turned[190, 250] == Pendulum.Palette.rod && turned[310, 250] == Pendulum.Palette.background)
    }

    @Test func mountainCarAtTheBottomOfTheValley() {
        var car = MountainCar()
        car.state = .init(position: -0.5, velocity: 0)
        let frame = car.frame()
        #expect(frame.width == 600 && frame.height == 400)
        #expect(frame[10, 10] == MountainCar.Palette.background)
        // The flagpole at (0.5 + 1.2) · 333.3 = 566, 50 pixels tall from the hilltop (row 67) up to row 18.
        #expect(frame[566, 40] == MountainCar.Palette.ink && frame[568, 60] == MountainCar.Palette.background)
        #expect(frame[572, 23] == MountainCar.Palette.flag)
        // The car: at x 233, 10 pixels above the track (row 366), 20 tall, nearly level; a wheel on its right.
        #expect(frame[232, 346] == MountainCar.Palette.ink && frame[232, 330] == MountainCar.Palette.background)
        #expect(frame[243, 355] == MountainCar.Palette.wheel)
        #expect(frame[233, 366] == MountainCar.Palette.ink && frame[233, 372] == MountainCar.Palette.background)
    }

    @Test func theContinuousCarHasItsFlagAtPointFortyFive() {
        var car = MountainCar()
        car.state = .init(position: -0.5, velocity: 0)
        var continuous = MountainCarContinuous()
        continuous.state = .init(position: -0.5, velocity: 0)
        let discreteFrame = car.frame(), continuousFrame = continuous.frame()
        // Only the flags differ: the continuous one 16 pixels to the left, lower on the hill.
        var differing: [(x: Int, y: Int)] = []
        for y in 0..<400 {
            for x in 0..<600 where discreteFrame[x, y] != continuousFrame[x, y] { differing.append((x, y)) }
        }
        #expect(!differing.isEmpty && differing.allSatisfy { (540...600).contains($0.x) && $0.y < 80 })
        #expect(continuousFrame[550, 40] == MountainCar.Palette.ink && continuousFrame[566, 40] == MountainCar.Palette.background)
    }
}
