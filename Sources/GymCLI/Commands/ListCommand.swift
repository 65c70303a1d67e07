import Training
import ArgumentParser
import Environments
import Gym

/// `gym list`: the registered environments and the agents.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the environments (with their spaces) and the agents."
    )

    @Flag(help: "Print every agent's settings (flag, meaning, valid values) as Markdown tables instead.")
    var settings = false

    func run() throws {
        if settings {
            print(AgentKind.settingsMarkdown, terminator: "")
            return
        }
        let registry = GymCommandLine.registry
        print("Environments:")
        // The name column fits the longest name (`mountaincar-continuous`), 15 characters at least.
        let width = registry.specs.map(\.name.count).reduce(15, max)
        let indent = String(repeating: " ", count: width)
        for spec in registry.specs {
            print("  \(spec.name.padding(toLength: width, withPad: " ", startingAt: 0)) \(spec.summary)")
            var facts: [String] = []
            if let environment = try? spec.make(EnvironmentOptions()) {
                let spaces = spaceDescriptions(of: environment)
                facts.append("observations \(spaces.observation)")
                facts.append("actions \(spaces.action)")
            }
            if let limit = spec.maxEpisodeSteps { facts.append("limit \(limit) steps") }
            if let threshold = spec.rewardThreshold { facts.append("solved at \(threshold)") }
            print("  \(indent) \(facts.joined(separator: ", "))")
            if !spec.options.isEmpty {
                let options = spec.options.map { "\($0.name)=\($0.defaultValue)" }
                print("  \(indent) options: \(options.joined(separator: ", "))")
            }
            let aliases = registry.aliases(of: spec.name)
            if !aliases.isEmpty {
                print("  \(indent) also: \(aliasDescription(aliases, of: spec))")
            }
        }
        print("\nAgents:")
        for agent in AgentKind.allCases {
            print("  \(agent.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0)) \(agent.summary)")
        }
        print("\nRun one with: gym run <agent> <environment>   (gym run --help lists every option)")
    }
}

/// The other names of `spec`: each alias with what it sets differently, then the option names they add.
func aliasDescription(_ aliases: [EnvironmentAlias], of spec: EnvironmentSpec) -> String {
    let names = aliases.map { alias in
        var differences = alias.fixedOptions.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        if alias.maxEpisodeSteps != spec.maxEpisodeSteps {
            differences.append(alias.maxEpisodeSteps.map { "limit \($0) steps" } ?? "no limit")
        }
        if alias.rewardThreshold != spec.rewardThreshold {
            differences.append(alias.rewardThreshold.map { "solved at \($0)" } ?? "no threshold")
        }
        return differences.isEmpty ? alias.name : "\(alias.name) (\(differences.joined(separator: ", ")))"
    }
    var optionNames: [String] = []
    for optionName in aliases.flatMap(\.optionNames).map({ "\($0.name) (\($0.target))" }) where !optionNames.contains(optionName) {
        optionNames.append(optionName)
    }
    let translations = optionNames.isEmpty ? "" : "; their option names: \(optionNames.joined(separator: ", "))"
    return names.joined(separator: ", ") + translations
}

