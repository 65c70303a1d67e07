/// Capabilities through the wrapper chain (Gymnasium's `env.unwrapped`).
///
/// A capability is a protocol that says what an environment can do besides stepping: expose its model
/// (``TabularModel``), draw itself (``TextRendering``, ``FrameRendering``, ``ValueMapRendering``, ``PolicyRendering``),
/// take keys (``HumanPlayable``), report goals (``GoalReporting``). Wrappers do not restate them: a wrapper conforms
/// to a capability only when it changes it, and everyone else finds the capability in the environment it wraps.
/// So ``capability(_:)`` asks each environment in the chain, from the outermost inwards, and returns the first that
/// has it.
///
/// The result is a copy of that environment as it is now: look it up again after stepping to see the new state.
/// A lookup casts its way down the chain, so keep it out of per-step loops (once per episode is fine).
extension Environment {
    /// The innermost environment: this one when it wraps nothing, otherwise its base's `unwrapped`.
    public var unwrapped: any Environment {
        guard let wrapper = self as? any EnvironmentWrapper else { return self }
        return wrapper.base.unwrapped
    }

    /// The first environment down the wrapper chain, starting with this one, that conforms to `C`, as a `C`; `nil`
    /// when none does.
    ///
    /// For example `environment.capability(TabularModel.self)` finds the model of a ``TimeLimit``-wrapped gridworld,
    /// and `environment.capability(FrameRendering.self)?.frame()` draws whatever is inside the wrappers.
    public func capability<C>(_ type: C.Type = C.self) -> C? {
        if let found = self as? C { return found }
        guard let wrapper = self as? any EnvironmentWrapper else { return nil }
        return wrapper.base.capability(type)
    }
}
