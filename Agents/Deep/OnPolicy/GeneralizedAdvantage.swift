/// Generalized advantage estimation, GAE(λ) (Schulman et al., 2016), over a rollout of N copies × T steps.
///
///     δ_t = r_t + γ · V(s_{t+1}) · (1 − end_t) − V(s_t)
///     Â_t = δ_t + γλ · (1 − end_t) · Â_{t+1},        R_t = Â_t + V(s_t)
///
/// `end_t` marks a step that ended its episode, for either reason, so the estimate never runs across episodes.
/// Termination is not bootstrapped; a time-limit cut is, by folding γ · V(final observation) into that step's reward
/// before the estimate (``Rollout`` does), which gives δ_t = r_t + γ V(s_final) − V(s_t) exactly. After the last step
/// the rollout continues from `lastValues`, V of every copy's current observation.
public enum GeneralizedAdvantage {
    /// The advantages Â and returns R (the value targets) of a rollout whose arrays hold T steps of `copies` copies,
    /// step after step (index t · copies + i).
    public static func estimate(rewards: [Float], values: [Float], episodeEnds: [Bool], lastValues: [Float],
                                copies: Int, discount: Float, lambda: Float) -> (advantages: [Float], returns: [Float]) {
        precondition(rewards.count == values.count && rewards.count == episodeEnds.count && lastValues.count == copies
                     && rewards.count % copies == 0, "a rollout's arrays must hold the same whole number of steps")
        var advantages = [Float](repeating: 0, count: rewards.count)
        var returns = advantages
        for copy in 0..<copies {
            var nextValue = lastValues[copy]
            var nextAdvantage: Float = 0
            for index in stride(from: rewards.count - copies + copy, through: copy, by: -copies) {
                let continues: Float = episodeEnds[index] ? 0 : 1
                let delta = rewards[index] + discount * nextValue * continues - values[index]
                nextAdvantage = delta + discount * lambda * continues * nextAdvantage
                advantages[index] = nextAdvantage
                returns[index] = nextAdvantage + values[index]
                nextValue = values[index]
            }
        }
        return (advantages, returns)
    }
}
