import Environments
import Gym
import Testing

@Suite struct CartPoleTests {
    /// Gymnasium 1.4.0's `CartPole-v1` (unwrapped) from the state (0.01, −0.02, 0.03, 0.04) under these actions:
    /// the action, the state after it, and `terminated`. The pole falls past 12° on step 24.
    static let gymnasiumTrajectory: [(action: Int, state: [Double], terminated: Bool)] = [
        (1, [0.009600000000000001, 0.17467919574755525, 0.030799999999999998, -0.2430687179600081], false),
        (0, [0.013093583914951107, -0.020868848948191993, 0.025938625640799837, 0.0591679999394166], false),
        (0, [0.012676206935987267, -0.21635292104612766, 0.02712198563958817, 0.3599205713784138], false),
        (1, [0.008349148515064714, -0.021626799199488206, 0.03432039706715644, 0.0759116989474441], false),
        (1, [0.00791661253107495, 0.17298676004769037, 0.035838631046105324, -0.20574851582677406], false),
        (1, [0.011376347732028757, 0.3675783725675468, 0.03172366072956984, -0.4869142013445082], false),
        (0, [0.01872791518337969, 0.17202349486382784, 0.02198537670267968, -0.18440428392099584], false),
        (1, [0.022168385080656248, 0.36682408600495897, 0.01829729102425976, -0.4700713747851109], false),
        (0, [0.02950486680075543, 0.1714485132472654, 0.008895863528557544, -0.17167796834313398], false),
        (0, [0.03293383706570074, -0.02379962460232901, 0.0054623041616948635, 0.12379799946559022], false),
        (0, [0.03245784457365416, -0.2189994038745484, 0.007938264151006668, 0.4181992097247195], false),
        (1, [0.028077856496163192, -0.02399083889736714, 0.016302248345501057, 0.1280294038596787], false),
        (1, [0.02759803971821585, 0.17089382692465704, 0.01886283642269463, -0.15946610211758006], false),
        (0, [0.031015916256708992, -0.024493026643919308, 0.015673514380343027, 0.13910738488207264], false),
        (1, [0.030526055723830606, 0.17040097319715405, 0.01845566207798448, -0.14858988294460168], false),
        (0, [0.03393407518777369, -0.0249803327116693, 0.015483864419092448, 0.14985782213291188], false),
        (0, [0.0334344685335403, -0.22032054396467915, 0.018481020861750685, 0.447385089334826], false),
        (0, [0.029028057654246715, -0.41569898889820345, 0.027428722648447208, 0.7458358206452882], false),
        (0, [0.020714077876282648, -0.6111884682962272, 0.04234543906135297, 1.047022774853163], false),
        (0, [0.008490308510358103, -0.8068460577282127, 0.06328589455841624, 1.352691906578428], false),
        (0, [-0.0076466126442061525, -1.0027029800885714, 0.0903397326899848, 1.6644828014991773], false),
        (0, [-0.02770067224597758, -1.1987528914718506, 0.12362938871996834, 1.9838822417897841], false),
        (0, [-0.051675730075414594, -1.3949380652205017, 0.16330703355576404, 2.312168483106876], false),
        (0, [-0.07957449137982463, -1.5911332102316351, 0.20955040321790155, 2.6503447847470523], true),
    ]

    @Test func trajectoryMatchesGymnasiumNumberForNumber() throws {
        var cartPole = CartPole()
        cartPole.state = .init(position: 0.01, velocity: -0.02, angle: 0.03, angularVelocity: 0.04)
        for (index, expected) in Self.gymnasiumTrajectory.enumerated() {
            let step = try cartPole.step(expected.action)
            let state = cartPole.state
            let actual = [state.position, state.velocity, state.angle, state.angularVelocity]
            // Same operations in the same order; sin and cos may differ from NumPy's in the last bit.
            for (value, reference) in zip(actual, expected.state) {
                #expect(abs(value - reference) <= 1e-13 * max(1, abs(reference)), "step \(index + 1)")
            }
            #expect(step.observation == expected.state.map(Float.init), "step \(index + 1)")
            #expect(step.reward == 1)
            #expect(step.terminated == expected.terminated, "step \(index + 1)")
        }
    }

    @Test func resetDrawsEveryVariableWithinFiveHundredths() {
        var cartPole = CartPole()
        for seed in 0..<200 as Range<UInt64> {
            let observation = cartPole.reset(seed: seed)
            #expect(observation.allSatisfy { abs($0) <= 0.05 })
        }
        #expect(cartPole.reset(seed: 9) == cartPole.reset(seed: 9))
        #expect(cartPole.reset(seed: 9) != cartPole.reset(seed: 10))
    }

    @Test func bothLimitsEndTheEpisode() throws {
        var cartPole = CartPole()
        cartPole.state = .init(position: 2.399, velocity: 1, angle: 0, angularVelocity: 0)
        #expect(try cartPole.step(1).terminated)
        cartPole.state = .init(position: 0, velocity: 0, angle: -0.2094, angularVelocity: -1)
        #expect(try cartPole.step(0).terminated)
        cartPole.state = .init(position: 0, velocity: 0, angle: 0.2, angularVelocity: 0)
        #expect(try !cartPole.step(0).terminated)
    }

    @Test func registryAddsTheFiveHundredStepLimitAndRejectsBadActions() throws {
        let spec = try Registry.standard.spec(named: "cartpole")
        #expect(spec.maxEpisodeSteps == 500 && spec.rewardThreshold == 475)
        var cartPole = CartPole()
        #expect(throws: GymError.self) { try cartPole.step(2) }
        let results = EnvironmentChecker.check(cartPole)
        #expect(results.allSatisfy { $0.passed })
    }
}

/// CartPole writes each observation into the array of the previous one (``ReusableObservation``); a caller that keeps
/// an observation must still hold a value that later steps do not change.
@Suite struct ReusedObservationTests {
    @Test func keptObservationsStayAsTheyWere() throws {
        var cartPole = CartPole()
        var kept = [cartPole.reset(seed: 3)]
        var expected = [cartPole.state.observation]
        for step in 0..<8 {
            let observation = try cartPole.step(step % 3 == 0 ? 1 : 0).observation
            kept.append(observation)
            expected.append(cartPole.state.observation)
        }
        #expect(kept == expected)
        #expect(Set(kept.map { $0.map(\.bitPattern) }).count == kept.count, "every step moved the cart")
    }

    @Test func observationsLetGoAreStillCorrect() throws {
        var cartPole = CartPole()
        _ = cartPole.reset(seed: 3)
        for _ in 0..<8 {
            let observation = try cartPole.step(1).observation
            #expect(observation == cartPole.state.observation)
        }
    }
}
