import Environments
import Foundation
import Gym
import Testing

/// The wrappers put around every registered environment.
enum WrapperKind: CaseIterable {
    case timeLimit, episodeStatistics, stickyActions, actionRepeat, rewardClipping, rewardNormalization, noopStarts
    case observationTransform
    case natureChain

    /// Whether the wrapper keeps its base's observation and action types, and so must declare the same kinds.
    var keepsTypes: Bool {
        self != .observationTransform && self != .natureChain
    }

    /// `environment` in this wrapper, or `nil` when the wrapper does not take it.
    func wrap(_ environment: any Environment) throws -> (any Environment)? {
        switch self {
        case .timeLimit: limited(environment)
        case .episodeStatistics: recorded(environment)
        case .stickyActions: sticky(environment)
        case .actionRepeat: repeated(environment)
        case .rewardClipping: clipped(environment)
        case .rewardNormalization: normalized(environment)
        case .observationTransform: counted(environment)
        case .noopStarts:
            (environment as? any DiscreteEnvironment).map { noopStarted($0) }
                ?? (environment as? any FloatVectorEnvironment).map { noopStarted($0) }
                ?? (environment as? any ChannelGridEnvironment).map { noopStarted($0) }
        case .natureChain:
            environment is any PixelEnvironment
                ? try NatureDQNPreprocessing(size: 36, maximumNoops: 3).apply(toAny: environment, name: "game") : nil
        }
    }
}

private func limited<E: Environment>(_ base: E) -> any Environment { TimeLimit(base, maxEpisodeSteps: 1000) }
private func recorded<E: Environment>(_ base: E) -> any Environment { EpisodeStatistics(base) }
private func sticky<E: Environment>(_ base: E) -> any Environment { StickyActions(base, probability: 0.5) }
private func repeated<E: Environment>(_ base: E) -> any Environment { ActionRepeat(base, repeats: 2) }
private func clipped<E: Environment>(_ base: E) -> any Environment { RewardClipping(base) }
private func normalized<E: Environment>(_ base: E) -> any Environment { NormalizeReward(base) }
private func counted<E: Environment>(_ base: E) -> any Environment { StepCounting(base) }
private func noopStarted<E: Environment>(_ base: E) -> any Environment where E.Action == Int {
    NoopStarts(base, maximumNoops: 3)
}

/// An observation transform that works on every environment: observes the base's observation with the number of
/// steps taken in the episode.
private struct StepCounting<Base: Environment>: ObservationTransform {
    struct Counted: Space {
        let base: Base.ObservationSpace
        func sample(using generator: inout RandomGenerator) -> (Base.Observation, Int) {
            (base.sample(using: &generator), 0)
        }
        func contains(_ element: (Base.Observation, Int)) -> Bool { base.contains(element.0) && element.1 >= 0 }
        var description: String { "Counted(\(base))" }
    }

    var base: Base
    var steps = 0

    init(_ base: Base) { self.base = base }

    var observationSpace: Counted { Counted(base: base.observationSpace) }

    mutating func start(_ observation: Base.Observation) -> (Base.Observation, Int) {
        steps = 0
        return (observation, steps)
    }

    mutating func transform(_ observation: Base.Observation) -> (Base.Observation, Int) {
        steps += 1
        return (observation, steps)
    }
}

/// The capability protocols ``Environment/capability(_:)`` finds for `environment`.
private func capabilities(of environment: any Environment) -> Set<String> {
    func found<C>(_ type: C.Type) -> String? { environment.capability(type) == nil ? nil : "\(type)" }
    return Set([
        found(TabularModel.self), found(TextRendering.self), found(FrameRendering.self), found(ValueMapRendering.self),
        found(PolicyRendering.self), found((any HumanPlayable).self), found(GoalReporting.self), found((any PixelEnvironment).self),
    ].compactMap { $0 })
}

/// The observation kinds `environment` itself declares.
private func kinds(of environment: any Environment) -> Set<String> {
    let declared: [(String, Bool)] = [
        ("discrete", environment is any DiscreteEnvironment), ("vector", environment is any FloatVectorEnvironment),
        ("continuous", environment is any ContinuousControlEnvironment),
        ("grid", environment is any ChannelGridEnvironment), ("image", environment is any ImageEnvironment),
        ("pixel", environment is any PixelEnvironment),
    ]
    return Set(declared.filter(\.1).map(\.0))
}

/// Registered environment `name` as the registry makes it (the `mdp` one from the example file).
private func made(_ name: String) throws -> any Environment {
    let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples/MDPs/recycling-robot.json")
    let options = EnvironmentOptions(name == "mdp" ? ["file": example.path] : [:])
    return try Registry.standard.make(name, options: options)
}

/// Seeded random steps, resetting when an episode ends; `check` sees the environment after the reset and each step.
/// Returns the environment after the last step.
private func rollOut<E: Environment>(_ environment: E, steps: Int, check: (any Environment) -> Void) throws -> any Environment {
    var environment = environment
    var generator = RandomGenerator(seed: 11)
    _ = environment.reset(seed: 3)
    check(environment)
    for _ in 0..<steps {
        if try environment.step(environment.actionSpace.sample(using: &generator)).isDone { _ = environment.reset() }
        check(environment)
    }
    return environment
}

@Suite struct WrapperCapabilityTests {
    @Test(arguments: Registry.standard.names, WrapperKind.allCases)
    func wrappersKeepEveryCapability(name: String, wrapper: WrapperKind) throws {
        let environment = try made(name)
        guard let wrapped = try wrapper.wrap(environment) else { return }
        #expect(capabilities(of: wrapped) == capabilities(of: environment.unwrapped))
        // The registry adds only a TimeLimit, which keeps the types too: every kind of the innermost must survive.
        if wrapper.keepsTypes { #expect(kinds(of: wrapped) == kinds(of: environment.unwrapped)) }

        // What the lookup draws is the wrapped environment's current state, as its innermost environment shows it.
        var texts: Set<String> = []
        var mismatches: [String] = []
        let stepped = try rollOut(wrapped, steps: 40) { current in
            let text = current.capability(TextRendering.self)?.text()
            texts.insert(text ?? "")
            if text != (current.unwrapped as? any TextRendering)?.text() { mismatches.append(text ?? "nothing") }
        }
        #expect(mismatches.isEmpty, "the lookup's text differs from the innermost environment's: \(mismatches.prefix(2))")
        #expect(capabilities(of: wrapped).contains("TextRendering") == (texts.count > 1), "texts seen: \(texts)")
        #expect(stepped.capability(FrameRendering.self)?.frame() == (stepped.unwrapped as? any FrameRendering)?.frame())
    }

    @Test func theNatureChainTakesATimeLimitedGame() throws {
        let game = try Registry.standard.make("breakout", maxEpisodeSteps: 100)
        let chain = try NatureDQNPreprocessing(size: 36).apply(toAny: game, name: "breakout")
        #expect(chain is any ImageEnvironment)
        #expect(capabilities(of: chain) == capabilities(of: game.unwrapped))
    }
}
