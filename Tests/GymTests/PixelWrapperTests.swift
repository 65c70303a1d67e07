import Gym
import Testing

/// Plays back a fixed list of images: `reset` shows `images[0]`, step `i` shows `images[i]` with `rewards[i - 1]`,
/// terminating at step `terminalStep` (if any). Counts the steps it was asked for.
private struct Playback: PixelEnvironment {
    var images: [PlanarImage]
    var rewards: [Double]
    var terminalStep: Int?
    var index = 0
    var stepsTaken = 0
    var actionsSeen: [Int] = []

    init(images: [PlanarImage], rewards: [Double]? = nil, terminalStep: Int? = nil) {
        self.images = images
        self.rewards = rewards ?? Array(repeating: 0, count: images.count)
        self.terminalStep = terminalStep
    }

    var observationSpace: ImageSpace { ImageSpace(channels: images[0].channels, height: images[0].height, width: images[0].width) }
    var actionSpace: Discrete { Discrete(3) }

    mutating func reset(seed: UInt64?) -> PlanarImage {
        index = 0
        return images[0]
    }

    mutating func step(_ action: Int) throws -> Step<PlanarImage> {
        guard actionSpace.contains(action) else { throw GymError.invalidAction(action, space: actionSpace) }
        index += 1
        stepsTaken += 1
        actionsSeen.append(action)
        return Step(observation: images[min(index, images.count - 1)], reward: rewards[(index - 1) % rewards.count],
                    terminated: index == terminalStep)
    }

    func frame() -> Frame {
        Frame(width: images[0].width, height: images[0].height)
    }
}

/// A one-channel image of `width` x `height` with the given pixels (rows from the top).
private func gray(_ height: Int, _ width: Int, _ pixels: [UInt8]) -> PlanarImage {
    PlanarImage(channels: 1, height: height, width: width, pixels: pixels)
}

@Suite struct PixelWrapperTests {
    // MARK: - Frame stack

    @Test func frameStackPadsWithCopiesOfTheFirstFrame() throws {
        let a = gray(1, 2, [1, 2]), b = gray(1, 2, [3, 4]), c = gray(1, 2, [5, 6]), d = gray(1, 2, [7, 8])
        var stacked = FrameStack(Playback(images: [a, b, c, d]), count: 3)
        #expect(stacked.observationSpace == ImageSpace(channels: 3, height: 1, width: 2, stackedFrames: 3))
        let first = stacked.reset(seed: 0)
        #expect(first.channels == 3 && first.pixels == [1, 2, 1, 2, 1, 2])
        // Oldest first: each step drops the oldest frame and appends the newest.
        #expect(try stacked.step(0).observation.pixels == [1, 2, 1, 2, 3, 4])
        #expect(try stacked.step(0).observation.pixels == [1, 2, 3, 4, 5, 6])
        #expect(try stacked.step(0).observation.pixels == [3, 4, 5, 6, 7, 8])
        // A new episode pads again with its own first frame.
        #expect(stacked.reset(seed: nil).pixels == [1, 2, 1, 2, 1, 2])
    }

    @Test func frameStackZeroPadding() throws {
        let a = gray(1, 2, [1, 2]), b = gray(1, 2, [3, 4])
        var stacked = FrameStack(Playback(images: [a, b]), count: 3, padding: .zero)
        #expect(stacked.reset(seed: 0).pixels == [0, 0, 0, 0, 1, 2])
        #expect(try stacked.step(0).observation.pixels == [0, 0, 1, 2, 3, 4])
    }

    @Test func frameStackOfMultiChannelImagesKeepsPlanesTogether() throws {
        let a = PlanarImage(channels: 2, height: 1, width: 1, pixels: [1, 2])
        let b = PlanarImage(channels: 2, height: 1, width: 1, pixels: [3, 4])
        var stacked = FrameStack(Playback(images: [a, b]), count: 2)
        #expect(stacked.observationSpace == ImageSpace(channels: 4, height: 1, width: 1, stackedFrames: 2))
        #expect(stacked.reset(seed: 0).pixels == [1, 2, 1, 2])
        #expect(try stacked.step(0).observation.pixels == [1, 2, 3, 4])
    }

    @Test func resizingAndPoolingAStackKeepItsFrameCount() {
        let stacked = FrameStack(Playback(images: [gray(2, 2, [1, 2, 3, 4])]), count: 3)
        #expect(Resize(stacked, height: 1, width: 1).observationSpace.stackedFrames == 3)
        #expect(MaxPoolFrames(stacked).observationSpace.stackedFrames == 3)
        #expect(Grayscale(stacked).observationSpace.stackedFrames == 1)
    }

    @Test func anImageSpaceRefusesAStackThatDoesNotDivideItsChannels() async {
        await #expect(processExitsWith: .failure) {
            _ = ImageSpace(channels: 3, height: 1, width: 1, stackedFrames: 2)
        }
    }

    // MARK: - Max-pool

    @Test func maxPoolTakesThePixelwiseMaximumOfTheLastTwoFrames() throws {
        let a = gray(1, 3, [10, 0, 7]), b = gray(1, 3, [0, 20, 5]), c = gray(1, 3, [1, 2, 3])
        var pooled = MaxPoolFrames(Playback(images: [a, b, c]))
        #expect(pooled.reset(seed: 0) == a)
        #expect(try pooled.step(0).observation.pixels == [10, 20, 7])
        // Only the last two frames count: a is gone.
        #expect(try pooled.step(0).observation.pixels == [1, 20, 5])
        // After a reset the first frame is pooled with itself.
        #expect(pooled.reset(seed: nil) == a)
    }

    @Test func maxPoolUnderActionRepeatPoolsTheLastTwoFramesOfTheRepeat() throws {
        let frames = [gray(1, 2, [0, 0]), gray(1, 2, [9, 0]), gray(1, 2, [0, 1]), gray(1, 2, [2, 0]), gray(1, 2, [0, 3]),
                      gray(1, 2, [0, 0])]
        var repeated = ActionRepeat(MaxPoolFrames(Playback(images: frames)), repeats: 2)
        _ = repeated.reset(seed: 0)
        #expect(try repeated.step(0).observation.pixels == [9, 1])
        #expect(try repeated.step(0).observation.pixels == [2, 3])
    }

    // MARK: - Resize

    @Test func areaResizeAveragesTheCoveredPixels() {
        let image = gray(4, 4, [
            0, 10, 100, 110,
            20, 30, 120, 130,
            40, 40, 200, 0,
            40, 40, 0, 200,
        ])
        #expect(Resize<Playback>.resize(image, height: 2, width: 2, method: .area).pixels == [15, 115, 40, 100])
        #expect(Resize<Playback>.resize(image, height: 1, width: 1, method: .area).pixels == [68])
        // A non-integer factor weights partial pixels by overlap: 3 -> 2 reads 2/3 + 1/3 and 1/3 + 2/3.
        let row = gray(1, 3, [0, 30, 60])
        #expect(Resize<Playback>.resize(row, height: 1, width: 2, method: .area).pixels == [10, 50])
        // Rounding to the nearest byte: (0 + 1) / 2 = 0.5 rounds up.
        #expect(Resize<Playback>.resize(gray(1, 2, [0, 1]), height: 1, width: 1, method: .area).pixels == [1])
    }

    @Test func bilinearResizeInterpolatesBetweenPixelCentres() {
        // Enlarging 2 -> 4: output centres at input 0 (clamped), 0.25, 0.75 and 1 (clamped).
        let row = gray(1, 2, [0, 100])
        #expect(Resize<Playback>.resize(row, height: 1, width: 4, method: .bilinear).pixels == [0, 25, 75, 100])
        // Shrinking 4 -> 2 by half: centres at 0.5 and 2.5, the means of the pairs.
        let wide = gray(1, 4, [10, 20, 30, 50])
        #expect(Resize<Playback>.resize(wide, height: 1, width: 2, method: .bilinear).pixels == [15, 40])
        // Both directions at once on a 2x2 image: 2x2 -> 3x3.
        let square = gray(2, 2, [0, 60, 120, 180])
        // Output centres at input 0 (clamped), 0.5 and 1 (clamped) in each direction.
        #expect(Resize<Playback>.resize(square, height: 3, width: 3, method: .bilinear).pixels
                == [0, 30, 60, 60, 90, 120, 120, 150, 180])
    }

    @Test func resizeWrapperWorksPlaneByPlane() throws {
        let rgb = PlanarImage(channels: 2, height: 2, width: 2, pixels: [0, 10, 20, 30, 100, 100, 200, 200])
        var resized = Resize(Playback(images: [rgb]), height: 1, width: 1, method: .area)
        #expect(resized.observationSpace == ImageSpace(channels: 2, height: 1, width: 1))
        #expect(resized.reset(seed: 0).pixels == [15, 150])
    }

    // MARK: - Grayscale

    @Test func grayscaleUsesBT601WeightsAsOpenCVRoundsThem() throws {
        // Pixels: red, green, blue, white, black, (100, 150, 200).
        let red: [UInt8] = [255, 0, 0, 255, 0, 100]
        let green: [UInt8] = [0, 255, 0, 255, 0, 150]
        let blue: [UInt8] = [0, 0, 255, 255, 0, 200]
        let image = PlanarImage(channels: 3, height: 1, width: 6, pixels: red + green + blue)
        // OpenCV's COLOR_RGB2GRAY gives 76, 150, 29, 255, 0 and 141 for these.
        #expect(Grayscale<Playback>.luminance(of: image).pixels == [76, 150, 29, 255, 0, 141])
        var wrapped = Grayscale(Playback(images: [image]))
        #expect(wrapped.observationSpace == ImageSpace(channels: 1, height: 1, width: 6))
        #expect(wrapped.reset(seed: 0).pixels == [76, 150, 29, 255, 0, 141])
    }

    @Test func pixelObservationsSplitTheFrameIntoPlanes() {
        var frame = Frame(width: 2, height: 1)
        frame.fillRectangle(x: 1, y: 0, width: 1, height: 1, color: RGB(10, 20, 30))
        let image = PlanarImage(frame)
        #expect(image.channels == 3 && image.pixels == [0, 10, 0, 20, 0, 30])
    }

    // MARK: - Rewards and repeats

    @Test func rewardClippingKeepsSignsAndClampsMagnitudes() throws {
        let image = gray(1, 1, [0])
        var clipped = RewardClipping(Playback(images: [image], rewards: [5, -3, 0.5, 0, -0.25, 1, -1, 100]))
        _ = clipped.reset(seed: 0)
        var rewards: [Double] = []
        for _ in 0..<8 { rewards.append(try clipped.step(0).reward) }
        #expect(rewards == [1, -1, 0.5, 0, -0.25, 1, -1, 1])
        var custom = RewardClipping(Playback(images: [image], rewards: [5, -3]), low: 0, high: 2)
        _ = custom.reset(seed: 0)
        #expect(try custom.step(0).reward == 2)
        #expect(try custom.step(0).reward == 0)
    }

    @Test func actionRepeatSumsRewardsAndRepeatsTheAction() throws {
        let frames = (0..<10).map { gray(1, 1, [UInt8($0)]) }
        var repeated = ActionRepeat(Playback(images: frames, rewards: [1, 2, 3, 4, 5, 6, 7, 8, 9]), repeats: 4)
        _ = repeated.reset(seed: 0)
        let step = try repeated.step(2)
        #expect(step.reward == 10 && !step.isDone)
        // The observation is the last frame of the repeat.
        #expect(step.observation.pixels == [4])
        #expect(repeated.base.stepsTaken == 4 && repeated.base.actionsSeen == [2, 2, 2, 2])
    }

    @Test func actionRepeatStopsAtTermination() throws {
        let frames = (0..<10).map { gray(1, 1, [UInt8($0)]) }
        var repeated = ActionRepeat(Playback(images: frames, rewards: [1, 2, 3, 4, 5, 6, 7, 8, 9], terminalStep: 3),
                                    repeats: 4)
        _ = repeated.reset(seed: 0)
        let step = try repeated.step(1)
        #expect(step.terminated && step.reward == 6 && step.observation.pixels == [3])
        #expect(repeated.base.stepsTaken == 3)
        // Truncation stops it too.
        var limited = ActionRepeat(TimeLimit(Playback(images: frames, rewards: [1]), maxEpisodeSteps: 2), repeats: 4)
        _ = limited.reset(seed: 0)
        let cut = try limited.step(0)
        #expect(cut.truncated && !cut.terminated && cut.reward == 2)
    }

    @Test func actionRepeatRejectsInvalidActions() {
        var repeated = ActionRepeat(Playback(images: [gray(1, 1, [0])]), repeats: 2)
        _ = repeated.reset(seed: 0)
        #expect(throws: GymError.self) { try repeated.step(3) }
    }

    // MARK: - Sticky actions and no-op starts

    @Test func stickyActionsWrapperRepeatsWithProbabilityOneAndNeverWithZero() throws {
        let frames = [gray(1, 1, [0])]
        var always = StickyActions(Playback(images: frames), probability: 1)
        _ = always.reset(seed: 3)
        for action in [1, 2, 0, 2] { _ = try always.step(action) }
        // The first step of an episode plays the chosen action; after that it sticks.
        #expect(always.base.actionsSeen == [1, 1, 1, 1])
        _ = always.reset(seed: nil)
        _ = try always.step(2)
        #expect(always.base.actionsSeen.last == 2)
        var never = StickyActions(Playback(images: frames), probability: 0)
        _ = never.reset(seed: 3)
        for action in [1, 2, 0, 2] { _ = try never.step(action) }
        #expect(never.base.actionsSeen == [1, 2, 0, 2])
    }

    @Test func noopStartsTakeBetweenOneAndTheMaximumNoops() {
        var counts = Set<Int>()
        var wrapped = NoopStarts(Playback(images: [gray(1, 1, [0])]), maximumNoops: 5)
        for seed in 0..<100 {
            wrapped.base.stepsTaken = 0
            _ = wrapped.reset(seed: UInt64(seed))
            counts.insert(wrapped.base.stepsTaken)
            #expect(wrapped.base.actionsSeen.allSatisfy { $0 == 0 })
        }
        #expect(counts == [1, 2, 3, 4, 5])
    }
}
