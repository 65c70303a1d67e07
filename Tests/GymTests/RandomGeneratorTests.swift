import Gym
import Testing

@Suite struct RandomGeneratorTests {
    /// xoshiro256** seeded by SplitMix64, checked against an independent implementation of the published
    /// algorithms (SplitMix64 from 0 starts with 0xE220A8397B1DCDAF).
    @Test func matchesTheReferenceAlgorithm() {
        var zero = RandomGenerator(seed: 0)
        #expect([zero.next(), zero.next(), zero.next()] == [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0])
        var fortyTwo = RandomGenerator(seed: 42)
        #expect([fortyTwo.next(), fortyTwo.next()] == [0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E])
    }

    @Test func boundedDrawsStayInRangeAndCoverIt() {
        var generator = RandomGenerator(seed: 7)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 {
            let value = generator.nextInt(below: 6)
            counts[value] += 1
            let unit = generator.nextDouble()
            #expect(unit >= 0 && unit < 1)
        }
        // Each face within 5% of 10,000 (about 5 standard deviations).
        #expect(counts.allSatisfy { abs($0 - 10_000) < 500 }, "\(counts)")
    }

    @Test func normalDrawsHaveUnitVariance() {
        var generator = RandomGenerator(seed: 3)
        let draws = (0..<100_000).map { _ in generator.nextNormal() }
        let mean = draws.reduce(0, +) / Double(draws.count)
        let variance = draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(draws.count)
        #expect(abs(mean) < 0.02 && abs(variance - 1) < 0.02)
    }
}

@Suite struct SpaceTests {
    @Test func discreteSamplesWithinItsRange() {
        let space = Discrete(3, start: -1)
        var generator = RandomGenerator(seed: 1)
        let samples = Set((0..<300).map { _ in space.sample(using: &generator) })
        #expect(samples == [-1, 0, 1])
        #expect(space.contains(1) && !space.contains(2) && !space.contains(-2))
    }

    @Test func boxChecksShapeAndBounds() {
        let box = Box<Float>(low: [-1, 0], high: [1, 5], shape: [2])
        var generator = RandomGenerator(seed: 2)
        for _ in 0..<100 { #expect(box.contains(box.sample(using: &generator))) }
        #expect(!box.contains([0, 6]))
        #expect(!box.contains([0]))
        #expect(!box.contains([.nan, 1]))
        // Unbounded dimensions sample from a normal distribution (Gymnasium's rule), still inside the box.
        let open = Box<Double>(low: -.infinity, high: .infinity, shape: [3])
        let sample = open.sample(using: &generator)
        #expect(sample.allSatisfy { $0.isFinite })
    }

    @Test func multiDiscreteChecksEveryComponent() {
        let space = MultiDiscrete([2, 3])
        var generator = RandomGenerator(seed: 4)
        for _ in 0..<100 { #expect(space.contains(space.sample(using: &generator))) }
        #expect(!space.contains([2, 0]) && !space.contains([0, 0, 0]))
    }
}
