import Environments
import Foundation
import Gym

/// The registered environments and their aliases as the JSON `swiftgym_environments` returns: each id with its
/// canonical name, summary, family, options, limits and (when it builds with its default options) its spaces and
/// render modes.
enum EnvironmentCatalog {
    /// The JSON text, built once on first use and kept for the life of the process.
    static let json = CText((try? jsonText(entries())) ?? "[]")

    private static func entries() -> [[String: Any]] {
        let registry = Registry.standard
        let ids = registry.names + registry.aliases.map(\.name)
        return ids.compactMap { id in
            guard let spec = try? registry.spec(named: id) else { return nil }
            var entry: [String: Any] = [
                "id": id,
                "name": spec.canonicalName,
                "summary": spec.summary,
                "family": spec.family,
                "reward_threshold": spec.rewardThreshold ?? NSNull(),
                "max_episode_steps": spec.maxEpisodeSteps ?? NSNull(),
                "render_fps": spec.renderFPS,
                "options": spec.options.map { ["name": $0.name, "default": $0.defaultValue, "summary": $0.summary] },
            ]
            // One copy with the default options shows the spaces; environments that need an option (a file) have none.
            if let environment = try? registry.make(id),
               let batch = try? BatchFactory.batch(of: environment, .init(count: 1, seed: 0, threads: 1, autoreset: .sameStep)) {
                entry["observation_space"] = batch.observationLayout.json
                entry["action_space"] = batch.actionLayout.json
                entry["render_modes"] = batch.renderModes
                entry["state_vector_size"] = batch.stateVectorCount
            }
            return entry
        }
    }
}
