/// The outcome of one check of ``EnvironmentChecker``.
public struct CheckResult: Sendable, Equatable, Codable {
    /// What was checked.
    public var name: String
    /// Whether the environment passed.
    public var passed: Bool
    /// What was found; on failure, what was wrong.
    public var detail: String
}

/// Checks that an environment honours the ``Environment`` contract (Gymnasium's `check_env` idea).
///
/// The checks: spaces sample inside themselves; observations from `reset` and `step` lie in the observation
/// space; `reset(seed:)` is deterministic; steps are deterministic after a seeded reset; rewards are finite;
/// out-of-range discrete actions and continuous actions with a component too many are rejected; and for a
/// ``TabularModel``, every outcome list is a probability
/// distribution over valid states, with a valid initial distribution.
public enum EnvironmentChecker {
    /// Runs every check on copies of `environment` (it is not modified) and returns the results in order.
    public static func check<E: Environment>(_ environment: E, seed: UInt64 = 0, steps: Int = 300) -> [CheckResult] {
        var results: [CheckResult] = []
        results.append(checkSpaces(environment, seed: seed))
        results.append(checkResetDeterminism(environment, seed: seed))
        results.append(contentsOf: checkRollouts(environment, seed: seed, steps: steps))
        if let invalidActionCheck = checkInvalidAction(environment, seed: seed) {
            results.append(invalidActionCheck)
        }
        if let model = environment.capability(TabularModel.self) {
            results.append(checkModel(model))
        }
        return results
    }

    private static func checkSpaces<E: Environment>(_ environment: E, seed: UInt64) -> CheckResult {
        var generator = RandomGenerator(seed: seed)
        for _ in 0..<100 {
            let observation = environment.observationSpace.sample(using: &generator)
            guard environment.observationSpace.contains(observation) else {
                return CheckResult(name: "spaces", passed: false,
                                   detail: "\(environment.observationSpace) sampled \(observation), which it does not contain")
            }
            let action = environment.actionSpace.sample(using: &generator)
            guard environment.actionSpace.contains(action) else {
                return CheckResult(name: "spaces", passed: false,
                                   detail: "\(environment.actionSpace) sampled \(action), which it does not contain")
            }
        }
        return CheckResult(name: "spaces", passed: true,
                           detail: "observations \(environment.observationSpace), actions \(environment.actionSpace)")
    }

    private static func checkResetDeterminism<E: Environment>(_ environment: E, seed: UInt64) -> CheckResult {
        var first = environment
        var second = environment
        let a = first.reset(seed: seed)
        _ = second.reset(seed: seed &+ 1)
        let b = second.reset(seed: seed)
        guard sameValue(a, b) else {
            return CheckResult(name: "reset determinism", passed: false,
                               detail: "reset(seed: \(seed)) gave \(a) and then \(b)")
        }
        guard environment.observationSpace.contains(a) else {
            return CheckResult(name: "reset determinism", passed: false,
                               detail: "reset returned \(a), outside \(environment.observationSpace)")
        }
        return CheckResult(name: "reset determinism", passed: true, detail: "reset(seed: \(seed)) repeats")
    }

    private static func checkRollouts<E: Environment>(_ environment: E, seed: UInt64, steps: Int) -> [CheckResult] {
        var first = environment
        var second = environment
        var actions = RandomGenerator(seed: seed ^ 0x5EED)
        _ = first.reset(seed: seed)
        // The second copy has a different history first: a seeded reset must erase it.
        _ = second.reset(seed: seed &+ 1)
        for _ in 0..<10 {
            guard let step = try? second.step(second.actionSpace.sample(using: &actions)), !step.isDone else { break }
        }
        actions = RandomGenerator(seed: seed ^ 0x5EED)
        _ = second.reset(seed: seed)
        var episodes = 0
        for index in 0..<steps {
            let action = first.actionSpace.sample(using: &actions)
            let a: Step<E.Observation>
            let b: Step<E.Observation>
            do {
                a = try first.step(action)
                b = try second.step(action)
            } catch {
                return [CheckResult(name: "step", passed: false,
                                    detail: "step \(index) rejected the valid action \(action): \(error)")]
            }
            guard sameValue(a.observation, b.observation), a.reward == b.reward || (a.reward.isNaN && b.reward.isNaN),
                  a.terminated == b.terminated, a.truncated == b.truncated else {
                return [CheckResult(name: "step determinism", passed: false,
                                    detail: "step \(index) with action \(action) differed between two runs from seed \(seed)")]
            }
            guard environment.observationSpace.contains(a.observation) else {
                return [CheckResult(name: "observations in space", passed: false,
                                    detail: "step \(index) returned \(a.observation), outside \(environment.observationSpace)")]
            }
            guard a.reward.isFinite else {
                return [CheckResult(name: "finite rewards", passed: false, detail: "step \(index) returned reward \(a.reward)")]
            }
            if a.isDone {
                episodes += 1
                _ = first.reset(seed: nil)
                _ = second.reset(seed: nil)
            }
        }
        let detail = "\(steps) random steps, \(episodes) episodes"
        return [
            CheckResult(name: "step determinism", passed: true, detail: detail),
            CheckResult(name: "observations in space", passed: true, detail: detail),
            CheckResult(name: "finite rewards", passed: true, detail: detail),
        ]
    }

    private static func checkInvalidAction<E: Environment>(_ environment: E, seed: UInt64) -> CheckResult? {
        let space = environment.actionSpace
        guard let invalid = invalidAction(in: space) as? E.Action else { return nil }
        var copy = environment
        _ = copy.reset(seed: seed)
        do {
            _ = try copy.step(invalid)
            return CheckResult(name: "invalid action", passed: false,
                               detail: "step(\(invalid)) was accepted although the action space is \(space)")
        } catch {
            return CheckResult(name: "invalid action", passed: true, detail: "step(\(invalid)) is rejected: \(error)")
        }
    }

    /// An action just outside `space`: the integer after a ``Discrete`` space's last, or a ``Box`` of `Float`'s
    /// lower bounds with one component too many; `nil` for other spaces.
    private static func invalidAction(in space: some Space) -> Any? {
        if let discrete = space as? Discrete { return discrete.start + discrete.count }
        if let box = space as? Box<Float> { return box.low + [0] }
        return nil
    }

    private static func checkModel(_ model: some TabularModel) -> CheckResult {
        let name = "model"
        for state in 0..<model.stateCount {
            for action in 0..<model.actionCount {
                let outcomes = model.transitions(state: state, action: action)
                var total = 0.0
                for outcome in outcomes {
                    guard outcome.probability >= 0, outcome.probability <= 1 else {
                        return CheckResult(name: name, passed: false,
                                           detail: "P(·|s=\(state), a=\(action)) has probability \(outcome.probability)")
                    }
                    guard (0..<model.stateCount).contains(outcome.nextState) else {
                        return CheckResult(name: name, passed: false,
                                           detail: "s=\(state), a=\(action) leads to state \(outcome.nextState), outside 0..<\(model.stateCount)")
                    }
                    guard outcome.reward.isFinite else {
                        return CheckResult(name: name, passed: false,
                                           detail: "s=\(state), a=\(action) has reward \(outcome.reward)")
                    }
                    total += outcome.probability
                }
                guard abs(total - 1) < 1e-9 else {
                    return CheckResult(name: name, passed: false,
                                       detail: "probabilities of s=\(state), a=\(action) sum to \(total), not 1")
                }
            }
        }
        let initial = model.initialStateDistribution
        guard initial.count == model.stateCount, initial.allSatisfy({ $0 >= 0 }),
              abs(initial.reduce(0, +) - 1) < 1e-9 else {
            return CheckResult(name: name, passed: false,
                               detail: "the initial state distribution is not a distribution over \(model.stateCount) states")
        }
        return CheckResult(name: name, passed: true,
                           detail: "\(model.stateCount) states x \(model.actionCount) actions, every P(·|s,a) sums to 1")
    }

    /// Compares two values with `==` when their type is `Equatable`, else by their printed form.
    private static func sameValue<T>(_ a: T, _ b: T) -> Bool {
        if let equatable = a as? any Equatable {
            return equatable.isEqual(to: b)
        }
        return String(describing: a) == String(describing: b)
    }
}

extension Equatable {
    fileprivate func isEqual(to other: Any) -> Bool {
        guard let other = other as? Self else { return false }
        return self == other
    }
}
