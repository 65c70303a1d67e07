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
        for spec in registry.specs {
            print("  \(spec.name.padding(toLength: 15, withPad: " ", startingAt: 0)) \(spec.summary)")
            var facts: [String] = []
            if let environment = try? spec.make(EnvironmentOptions()) {
                let spaces = spaceDescriptions(of: environment)
                facts.append("observations \(spaces.observation)")
                facts.append("actions \(spaces.action)")
            }
            if let limit = spec.maxEpisodeSteps { facts.append("limit \(limit) steps") }
            if let threshold = spec.rewardThreshold { facts.append("solved at \(threshold)") }
            print("  \(String(repeating: " ", count: 15)) \(facts.joined(separator: ", "))")
            if !spec.options.isEmpty {
                let options = spec.options.map { "\($0.name)=\($0.defaultValue)" }
                print("  \(String(repeating: " ", count: 15)) options: \(options.joined(separator: ", "))")
            }
        }
        print("\nAgents:")
        for agent in AgentKind.allCases {
            print("  \(agent.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0)) \(agent.summary)")
        }
        print("\nRun one with: gym run <agent> <environment>   (gym run --help lists every option)")
    }
}
