import Gym
import Training

/// The agents' settings on the command line: `--batch-size 64`, `--batch-size=64`, `--double-dqn`,
/// `--no-normalize-advantages`; names, help and valid values come from the settings' declarations.
enum SettingArguments {
    /// The settings in `arguments` for `agent`, with errors for unknown names, settings of other agents and missing
    /// values.
    static func parse(_ arguments: [String], for agent: AgentKind) throws -> [SettingValue] {
        var values: [SettingValue] = []
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            guard argument.hasPrefix("--") else {
                throw GymError("unexpected argument '\(argument)'; settings are given as --name value")
            }
            let body = argument.dropFirst(2)
            let (name, inlineValue) = body.firstIndex(of: "=").map {
                (String(body[..<$0]), Optional(String(body[body.index(after: $0)...])))
            } ?? (String(body), nil)
            let (setting, negated) = try find(name, for: agent)
            if setting.isSwitch {
                values.append(SettingValue(name: setting.name, value: negated ? "false" : inlineValue ?? "true"))
                continue
            }
            guard let value = inlineValue ?? remaining.popFirst() else {
                throw GymError("--\(name) needs a value: \(setting.validValues)")
            }
            values.append(SettingValue(name: setting.name, value: value))
        }
        return values
    }

    /// The setting `name` of `agent` (or its `no-` form for a switch), or an error saying who has it.
    private static func find(_ name: String, for agent: AgentKind) throws -> (SettingInfo, negated: Bool) {
        let matches = { (setting: SettingInfo, name: String) in setting.name == name || setting.aliases.contains(name) }
        if let setting = agent.settings.first(where: { matches($0, name) }) { return (setting, false) }
        if name.hasPrefix("no-"), let setting = agent.settings.first(where: { $0.isSwitch && matches($0, String(name.dropFirst(3))) }) {
            return (setting, true)
        }
        let users = AgentKind.allCases.filter { kind in kind.settings.contains { matches($0, name) } }
        guard users.isEmpty else {
            throw GymError("--\(name) does not apply to \(agent.rawValue); it is for \(users.map(\.rawValue).joined(separator: ", "))")
        }
        let known = Set(AgentKind.allCases.flatMap { $0.settings.map(\.name) }).sorted()
        throw GymError.unknownName("option", "--\(name)", valid: known.map { "--\($0)" })
    }

    /// The settings of every agent, grouped by the agents that share them, for `gym run --help`.
    static var helpText: String {
        AgentKind.settingGroups.map { group in
            let lines = group.settings.map { setting in
                let names = ([setting.name] + setting.aliases).map { "--\($0)" }.joined(separator: ", ")
                let value = setting.isSwitch ? " / --no-\(setting.name)" : " <value>"
                return "  \(names)\(value)\n      \(setting.help) (\(setting.validValues))"
            }
            return "Settings of \(group.agents.map(\.rawValue).joined(separator: ", ")) (default: the tuned preset):\n"
                + lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }
}
