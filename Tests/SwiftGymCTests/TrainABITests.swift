import Environments
import Foundation
import Gym
@testable import SwiftGymC
import Testing
import Training

/// `swiftgym_train` called as C would call it: the same run as the library's own session, progress events, a
/// callback that stops training, and refusals with their messages.
@Suite struct TrainABITests {
    /// What the callback saw, and after how many events it asks to stop (never when nil).
    final class Recorder {
        var events: [[String: Any]] = []
        var stopAfter: Int?
    }

    private static let record: @convention(c) (UnsafePointer<CChar>?, UnsafeMutableRawPointer?) -> Int32 = { text, user in
        let recorder = Unmanaged<Recorder>.fromOpaque(user!).takeUnretainedValue()
        let object = try? JSONSerialization.jsonObject(with: Data(String(cString: text!).utf8)) as? [String: Any]
        recorder.events.append(object ?? [:])
        return recorder.stopAfter.map { recorder.events.count >= $0 ? 1 : 0 } ?? 0
    }

    /// The report of a run of `json` (nil on failure), with the status.
    private func train(_ json: String, recorder: Recorder? = nil) -> (Int32, [String: Any]?) {
        var report: UnsafePointer<CChar>?
        let status = json.withCString { text in
            guard let recorder else { return swiftgym_train(text, nil, nil, &report) }
            return swiftgym_train(text, Self.record, Unmanaged.passUnretained(recorder).toOpaque(), &report)
        }
        guard status == 0, let report else { return (status, nil) }
        return (status, try? JSONSerialization.jsonObject(with: Data(String(cString: report).utf8)) as? [String: Any])
    }

    private func lastError() -> String { String(cString: swiftgym_last_error()) }

    @Test func aRunIsTheSessionsRunWithProgressEvents() throws {
        let recorder = Recorder()
        let (status, answer) = train("""
            {"agent": "q-learning", "env": "frozenlake", "seed": 4, "eval_episodes": 50, "report_every": 250,
             "settings": {"episodes": 1000, "learning_rate": 0.2}}
            """, recorder: recorder)
        #expect(status == 0, "\(lastError())")
        let report = try #require(answer)

        var plan = RunPlan(agent: .qLearning, environmentName: "frozenlake", spec: try Registry.standard.spec(named: "frozenlake"))
        plan.seed = 4
        plan.evaluationEpisodes = 50
        plan.showsProgress = false
        plan.settings = [SettingValue(name: "episodes", value: "1000"), SettingValue(name: "learning-rate", value: "0.2")]
        let direct = try TrainingSession.train(plan, on: try Registry.standard.make("frozenlake"), stop: StopRequest())
        #expect(report["eval_mean_return"] as? Double == direct.evalMeanReturn)
        #expect(report["steps"] as? Int == direct.steps && report["episodes"] as? Int == 1000)
        #expect(report["policy"] as? [Int] == direct.policy)

        #expect(recorder.events.map { $0["episodes"] as? Int } == [250, 500, 750, 1000])
        #expect(recorder.events.allSatisfy { $0["event"] as? String == "progress" && $0["epsilon"] is Double })
        #expect(recorder.events.last?["steps"] as? Int == direct.steps)
    }

    @Test func aNonzeroAnswerStopsTrainingAfterTheEpisode() throws {
        let recorder = Recorder()
        recorder.stopAfter = 2
        let (status, report) = train("""
            {"agent": "q-learning", "env": "frozenlake", "eval_episodes": 10, "report_every": 7,
             "settings": {"episodes": 100000}}
            """, recorder: recorder)
        #expect(status == 0, "\(lastError())")
        #expect(report?["interrupted"] as? Bool == true && report?["episodes"] as? Int == 14)
        #expect(recorder.events.count == 2)
    }

    @Test func refusalsSayWhatWasWrong() {
        var report: UnsafePointer<CChar>?
        #expect(swiftgym_train(nil, nil, nil, &report) == 1 && lastError().contains("configuration must not be NULL"))
        #expect(train("[1]").0 == 1 && lastError().contains("must be a JSON object"))
        #expect(train(#"{"agent": "q-learning"}"#).0 == 1 && lastError().contains("'env' is missing"))
        #expect(train(#"{"agent": "q-learning", "env": "frozenlake", "sed": 1}"#).0 == 1
            && lastError().contains("no key 'sed'; valid keys: agent, env, seed"))
        #expect(train(#"{"agent": "q-lerning", "env": "frozenlake"}"#).0 == 5 && lastError().contains("q-learning"))
        #expect(train(#"{"agent": "q-learning", "env": "frozenlake", "settings": {"batch_size": 8}}"#).0 == 1
            && lastError().contains("q-learning has no setting 'batch_size'; its settings: episodes"))
        #expect(train(#"{"agent": "q-learning", "env": "frozenlake", "settings": {"learning_rate": 7}}"#).0 == 1
            && lastError().contains("learning-rate must be a number in (0, 1], got '7'"))
        #expect(train(#"{"agent": "q-learning", "env": "frozenlake", "save": "/tmp/q.safetensors"}"#).0 == 1
            && lastError().contains("save and load apply to the neural agents"))
        #expect(train(#"{"agent": "q-learning", "env": "CartPole-v1"}"#).0 == 1 && lastError().contains("tabular"))
        #expect(train(#"{"agent": "q-learning", "env": "frozenlake", "report_every": 0}"#).0 == 1
            && lastError().contains("report_every must be from 1"))
        #expect(train(#"{"agent": "q-learning", "env": "frozenlake", "eval_episodes": 0}"#).0 == 1
            && lastError().contains("eval_episodes must be from 1 to 10000000"))
    }
}
