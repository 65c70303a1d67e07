/// An environment that wraps another and keeps its model and rendering.
///
/// Declaring a wrapper's conditional conformances (`extension MyWrapper: TabularModel where Base: TabularModel {}`)
/// is enough: the members forward to ``base`` through the extensions below.
public protocol EnvironmentWrapper: Environment {
    /// The wrapped environment's type.
    associatedtype Base: Environment
    /// The wrapped environment.
    var base: Base { get }
}

extension EnvironmentWrapper where Self: TabularModel, Base: TabularModel {
    public var stateCount: Int { base.stateCount }
    public var actionCount: Int { base.actionCount }
    public func transitions(state: Int, action: Int) -> [Transition] { base.transitions(state: state, action: action) }
    public var initialStateDistribution: [Double] { base.initialStateDistribution }
    public var transitionTable: TransitionTable { base.transitionTable }
    public var discount: Double? { base.discount }
}

extension EnvironmentWrapper where Base: TextRendering {
    public func text() -> String { base.text() }
}

extension EnvironmentWrapper where Base: FrameRendering {
    public func frame() -> Frame { base.frame() }
}

extension EnvironmentWrapper where Base: ValueMapRendering {
    public func frame(values: [Double], policy: [Int]) -> Frame { base.frame(values: values, policy: policy) }
}

extension EnvironmentWrapper where Base: PolicyRendering {
    public func policyText(_ policy: [Int]) -> String { base.policyText(policy) }
}

extension EnvironmentWrapper where Base: HumanPlayable {
    public func action(for key: PlayKey) -> Int? { base.action(for: key) }
    public var idleAction: Int? { base.idleAction }
}

extension EnvironmentWrapper where Self: ImageEnvironment, Base: ImageEnvironment {
    public var stackedFrames: Int { base.stackedFrames }
}
