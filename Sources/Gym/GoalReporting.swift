/// An environment whose episodes can end in success, such as reaching a gridworld's goal.
///
/// Evaluations report a success rate for environments that conform.
public protocol GoalReporting {
    /// Whether the agent is at a goal now (checked when an episode ends).
    var isAtGoal: Bool { get }
}
