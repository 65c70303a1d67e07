import Foundation
import Gym

extension TabularMDP {
    /// Reads an MDP from a JSON file (format in `docs/mdp-format.md`); errors name the file and the field.
    public init(contentsOfFile path: String) throws {
        let data = try InputFile.read(path, role: "MDP file")
        do {
            try self.init(json: data)
        } catch let error as GymError {
            throw GymError("\(path): \(error.message)")
        }
    }

    /// Parses an MDP from JSON.
    ///
    /// ```json
    /// {
    ///   "states": ["low", "high", "done"],     // names, or a count (names become "0", "1", …)
    ///   "actions": ["wait", "search"],         // names, or a count
    ///   "start": "high",                       // a state, or {"low": 0.5, "high": 0.5}
    ///   "terminal": ["done"],                  // optional
    ///   "discount": 0.9,                       // optional
    ///   "transitions": [
    ///     {"state": "high", "action": "search", "next": "low", "probability": 0.3, "reward": 2}
    ///   ]
    /// }
    /// ```
    /// States and actions may be given by name or by index. `reward` defaults to 0. Every non-terminal
    /// (state, action) pair needs outcomes whose probabilities sum to 1.
    public init(json data: Data) throws {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw GymError("not valid JSON: \(Self.describeJSONError(error, in: data))")
        }
        guard let object = root as? [String: Any] else {
            throw GymError("the top level must be a JSON object with 'states', 'actions', 'start' and 'transitions'")
        }
        let known: Set = ["states", "actions", "start", "terminal", "discount", "transitions"]
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw GymError("unknown field '\(unknown)'; valid fields: \(known.sorted().joined(separator: ", "))")
        }
        let stateNames = try Self.names(object["states"], field: "states")
        let actionNames = try Self.names(object["actions"], field: "actions")
        let states = Dictionary(stateNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let actions = Dictionary(actionNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })

        func lookUp(_ value: Any?, in table: [String: Int], names: [String], field: String) throws -> Int {
            if let name = value as? String, let index = table[name] { return index }
            if let number = Self.jsonNumber(value), let index = Int(exactly: number),
               names.indices.contains(index) {
                return index
            }
            let shown = value.map { "\($0)" } ?? "nothing"
            throw GymError("\(field): '\(shown)' is not one of \(names.joined(separator: ", ")) (or an index 0..<\(names.count))")
        }

        var initial = [Double](repeating: 0, count: stateNames.count)
        switch object["start"] {
        case let distribution as [String: Any]:
            for (name, value) in distribution {
                let state = try lookUp(name, in: states, names: stateNames, field: "start")
                guard let probability = Self.jsonNumber(value), probability >= 0 else {
                    throw GymError("start.\(name): must be a non-negative probability")
                }
                initial[state] = probability
            }
        case nil:
            throw GymError("missing field 'start': give a state, or an object of state probabilities")
        case let single:
            initial[try lookUp(single, in: states, names: stateNames, field: "start")] = 1
        }
        guard abs(initial.reduce(0, +) - 1) < 1e-6 else {
            throw GymError("start: probabilities sum to \(initial.reduce(0, +)), not 1")
        }

        var terminal: Set<Int> = []
        if let list = object["terminal"] {
            guard let items = list as? [Any] else { throw GymError("terminal: must be a list of states") }
            for (index, item) in items.enumerated() {
                terminal.insert(try lookUp(item, in: states, names: stateNames, field: "terminal[\(index)]"))
            }
        }

        var discount: Double?
        if let value = object["discount"] {
            guard let number = Self.jsonNumber(value) else { throw GymError("discount: must be a number in [0, 1]") }
            discount = number
        }

        guard let items = object["transitions"] as? [Any] else {
            throw GymError("missing field 'transitions': a list of {state, action, next, probability, reward} objects")
        }
        let (pairs, overflow) = stateNames.count.multipliedReportingOverflow(by: actionNames.count)
        guard !overflow, pairs <= Self.maximumStateActionPairs else {
            throw GymError("\(stateNames.count) states × \(actionNames.count) actions is more than the \(Self.maximumStateActionPairs) state-action pairs an MDP file may have")
        }
        var outcomes = [[[Transition]]](repeating: [[Transition]](repeating: [], count: actionNames.count),
                                        count: stateNames.count)
        for (index, item) in items.enumerated() {
            let path = "transitions[\(index)]"
            guard let entry = item as? [String: Any] else { throw GymError("\(path): must be an object") }
            let fields: Set = ["state", "action", "next", "probability", "reward"]
            if let unknown = entry.keys.sorted().first(where: { !fields.contains($0) }) {
                throw GymError("\(path): unknown field '\(unknown)'; valid fields: \(fields.sorted().joined(separator: ", "))")
            }
            let state = try lookUp(entry["state"], in: states, names: stateNames, field: "\(path).state")
            let action = try lookUp(entry["action"], in: actions, names: actionNames, field: "\(path).action")
            let next = try lookUp(entry["next"], in: states, names: stateNames, field: "\(path).next")
            guard let probability = Self.jsonNumber(entry["probability"]) else {
                throw GymError("\(path).probability: missing or not a number")
            }
            var reward = 0.0
            if let value = entry["reward"] {
                guard let number = Self.jsonNumber(value) else { throw GymError("\(path).reward: must be a number") }
                reward = number
            }
            guard probability >= 0, probability <= 1 else {
                throw GymError("\(path).probability: \(probability) is outside [0, 1]")
            }
            outcomes[state][action].append(Transition(probability: probability, nextState: next, reward: reward,
                                                      terminated: false))
        }
        try self.init(stateNames: stateNames, actionNames: actionNames, outcomes: outcomes,
                      initialStateDistribution: initial, terminalStates: terminal, discount: discount)
    }

    /// The most states, and the most actions, a file may count (names are made for each).
    public static let maximumNameCount = 10_000_000
    /// The most (state, action) pairs a file may describe.
    public static let maximumStateActionPairs = 10_000_000

    /// A whole count as written (`9223372036854775807`, not `9.2e+18`).
    private static func formatCount(_ number: Double) -> String {
        number < 1e18 ? String(Int(number)) : String(format: "%.0f", number)
    }

    private static func names(_ value: Any?, field: String) throws -> [String] {
        if let number = jsonNumber(value), number >= 1, number == number.rounded() {
            guard number <= Double(maximumNameCount) else {
                throw GymError("\(field): \(formatCount(number)) is more than the \(maximumNameCount) an MDP file may have")
            }
            return (0..<Int(number)).map(String.init)
        }
        if let list = value as? [Any], !list.isEmpty {
            let names = try list.enumerated().map { index, item in
                guard let name = item as? String, !name.isEmpty else {
                    throw GymError("\(field)[\(index)]: names must be non-empty strings")
                }
                return name
            }
            if let duplicate = Dictionary(grouping: names, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
                throw GymError("\(field): the name '\(duplicate)' appears twice")
            }
            return names
        }
        throw GymError("\(field): must be a positive count or a non-empty list of names")
    }

    /// A JSON number as a `Double`; `nil` for anything else, booleans included (Foundation hands both out as
    /// `NSNumber`, booleans with the `c` type code).
    private static func jsonNumber(_ value: Any?) -> Double? {
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else { return nil }
        return number.doubleValue
    }

    private static func describeJSONError(_ error: Error, in data: Data) -> String {
        let nsError = error as NSError
        // Foundation gives the offset as a userInfo entry on some platforms and only in the debug text ("around
        // character N.") on Linux.
        let debugText = nsError.userInfo["NSDebugDescription"] as? String ?? ""
        let offsetInText = debugText.range(of: "character ").flatMap { Int(debugText[$0.upperBound...].prefix { $0.isNumber }) }
        guard let offset = nsError.userInfo["NSJSONSerializationErrorIndex"] as? Int ?? offsetInText,
              offset <= data.count else {
            return debugText.isEmpty ? nsError.localizedDescription : debugText
        }
        let prefix = data.prefix(offset)
        let line = prefix.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let column = offset - (prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
        return "syntax error at line \(line), column \(column)"
    }
}
