import Agents
import Foundation
import Gym
import Testing
import Training

/// The settings' declarations are the one source of flags, help, ranges and JSON keys: these tests hold the doc
/// comments and the README to them.
@Suite struct SettingsTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The file that declares each agent's configuration fields.
    static let configurationFiles: [(AgentKind, String)] = [
        (.qLearning, "Agents/Tabular/QLearning.swift"),
        (.valueIteration, "Agents/Tabular/ValueIteration.swift"),
        (.policyIteration, "Agents/Tabular/PolicyIteration.swift"),
        (.dqn, "Agents/Deep/DQNConfiguration.swift"),
        (.reinforce, "Agents/Deep/PolicyGradientConfiguration.swift"),
        (.ppo, "Agents/Deep/OnPolicy/OnPolicyConfiguration.swift"),
        (.a2c, "Agents/Deep/OnPolicy/OnPolicyConfiguration.swift"),
    ]

    /// The doc comments above the `var`s of a Swift file, each joined into one line.
    static func fieldDocComments(in path: String) throws -> [String] {
        let lines = try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var comments: [String] = []
        var block: [String] = []
        for line in lines {
            if line.hasPrefix("///") {
                block.append(String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces))
            } else {
                if line.contains("var "), !block.isEmpty { comments.append(contentsOf: [block.joined(separator: " ")] + block) }
                block = []
            }
        }
        return comments
    }

    @Test(arguments: configurationFiles)
    func everySettingsHelpIsItsFieldsDocComment(agent: AgentKind, file: String) throws {
        let comments = try Self.fieldDocComments(in: file)
        for setting in agent.settings {
            let documented = comments.contains(setting.help) || comments.contains("- \(setting.name): \(setting.help)")
            #expect(documented, "\(agent.rawValue)'s --\(setting.name): its help '\(setting.help)' is not a field's doc comment in \(file)")
        }
    }

    @Test func settingNamesAreUniquePerAgent() {
        for agent in AgentKind.allCases {
            let names = agent.settings.flatMap { [$0.name] + $0.aliases }
            #expect(Set(names).count == names.count, "\(agent.rawValue) has a setting name twice: \(names)")
        }
    }

    @Test func theReadmeListsTheSettingsAsDeclared() throws {
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(AgentKind.settingsMarkdown),
                "README.md's settings reference is out of date; replace it with:\n\(AgentKind.settingsMarkdown)")
    }

    @Test func outOfRangeValuesAreRefusedWithTheValidRange() throws {
        var configuration = DQNConfiguration()
        #expect(throws: GymError("batch-size must be an integer from 1 to 65536, got '0'")) {
            try configuration.apply([SettingValue(name: "batch-size", value: "0")])
        }
        #expect(throws: GymError("exploration-fraction must be a number in [0, 1], got 'inf'")) {
            try configuration.apply([SettingValue(name: "exploration-fraction", value: "inf")])
        }
        try configuration.apply([SettingValue(name: "gamma", value: "0.5"), SettingValue(name: "hidden", value: "8, 4"),
                                 SettingValue(name: "max-grad-norm", value: "none")])
        #expect(configuration.discount == 0.5 && configuration.hiddenLayers == [8, 4] && configuration.maxGradientNorm == nil)
        #expect(configuration.settingValues["hidden"] == "8,4")
    }
}

