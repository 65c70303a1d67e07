import ArgumentParser
import Environments
import Gym

/// `gym check <env>`: runs the environment checker and prints what passed and what did not.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check an environment against the Environment contract (spaces, seeding, determinism, model)."
    )

    @Argument(help: "The environment (see `gym list`).")
    var environment: String

    @OptionGroup(title: "Environment")
    var environmentOptions: EnvironmentArguments

    @Option(parsing: .unconditional, help: "Seed for the checker's resets and random actions.")
    var seed: UInt64 = 0

    @Option(parsing: .unconditional, help: "Random steps to take.")
    var steps: Int = 1000

    func validate() throws {
        try OptionLimits.check(steps, "--steps", in: OptionLimits.checkSteps)
    }

    func run() throws {
        let made = try environmentOptions.makeEnvironment(named: environment)
        let results = checkAny(made)
        for result in results {
            print("\(result.passed ? "pass" : "FAIL")  \(result.name)\(result.detail.isEmpty ? "" : ": \(result.detail)")")
        }
        let failures = results.filter { !$0.passed }.count
        print(failures == 0 ? "\(environment): all \(results.count) checks passed"
                            : "\(environment): \(failures) of \(results.count) checks failed")
        if failures > 0 { throw ExitCode(1) }
    }

    private func checkAny<E: Environment>(_ environment: E) -> [CheckResult] {
        EnvironmentChecker.check(environment, seed: seed, steps: steps)
    }
}
