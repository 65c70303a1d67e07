extension AgentKind {
    /// The agents grouped by the settings they read (the tabular learners share one list, for instance), in the
    /// order of ``allCases``.
    public static var settingGroups: [(agents: [AgentKind], settings: [SettingInfo])] {
        var groups: [(agents: [AgentKind], settings: [SettingInfo])] = []
        for agent in allCases {
            if let index = groups.firstIndex(where: { $0.settings == agent.settings }) {
                groups[index].agents.append(agent)
            } else {
                groups.append(([agent], agent.settings))
            }
        }
        return groups
    }

    /// The settings of every agent as Markdown tables (the README's hyperparameter reference is this text).
    public static var settingsMarkdown: String {
        settingGroups.map { group in
            let rows = group.settings.map { setting in
                let names = ([setting.name] + setting.aliases).map { "`--\($0)`" }.joined(separator: ", ")
                return "| \(names) | \(setting.help.replacingOccurrences(of: "|", with: "\\|")) | \(setting.validValues) |"
            }
            return "**\(group.agents.map(\.rawValue).joined(separator: ", "))**\n\n| setting | meaning | valid values |\n|---|---|---|\n"
                + rows.joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n"
    }
}
