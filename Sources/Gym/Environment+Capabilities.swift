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
/// A lookup checks each level's conformance and copies the environment it finds into the capability's existential,
/// so keep it out of per-step loops (once per episode is fine).
extension Environment {
    /// The innermost environment: this one when it wraps nothing, otherwise its base's `unwrapped`.
    public var unwrapped: any Environment {
        guard let wrapper = self as? any EnvironmentWrapper else { return self }
        return wrapper.base.unwrapped
    }

    /// This environment as a `C`, when it is one (an environment that wraps nothing has no other place to look).
    ///
    /// For example `environment.capability(TabularModel.self)` finds the model of a ``TimeLimit``-wrapped gridworld,
    /// and `environment.capability(FrameRendering.self)?.frame()` draws whatever is inside the wrappers.
    public func capability<C>(_ type: C.Type = C.self) -> C? {
        self as? C
    }

    /// Changes this environment through `body` as a `C`, when it is one; for example
    /// `environment.modifyCapability(StateVectorAccess.self) { $0.stateVector = [0, 0, 0.1, 0] }` sets a
    /// ``TimeLimit``-wrapped CartPole's state. Returns whether it was one.
    public mutating func modifyCapability<C>(_ type: C.Type = C.self, _ body: (inout C) -> Void) -> Bool {
        guard var capable = self as? C else { return false }
        body(&capable)
        // `capable` came from `self`, so it is a `Self`.
        self = capable as! Self
        return true
    }
}

extension EnvironmentWrapper {
    /// This wrapper as a `C` when it declares `C` (because it changes it), else the first environment inside it that
    /// is one. The descent is a chain of static calls: only the environment found is copied into a `C`.
    public func capability<C>(_ type: C.Type = C.self) -> C? {
        (self as? C) ?? base.capability(type)
    }

    /// Changes this wrapper through `body` when it declares `C`, else the first environment inside it that is one.
    public mutating func modifyCapability<C>(_ type: C.Type = C.self, _ body: (inout C) -> Void) -> Bool {
        if var capable = self as? C {
            body(&capable)
            self = capable as! Self
            return true
        }
        return base.modifyCapability(type, body)
    }
}
