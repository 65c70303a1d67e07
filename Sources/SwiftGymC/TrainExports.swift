import Foundation
import Gym
import Training

// swiftgym_train: a whole `gym run` (train, checkpoint, greedy evaluation) in the calling thread, through the
// library's TrainingSession, configured by JSON and reporting progress to a callback.

/// Each thread's latest training report, as JSON.
private let reports = ThreadLocalText()

/// Trains the agent a JSON configuration names (see ``TrainRequest``) on a registered environment, sends a progress
/// event to `callback` (when not NULL) every `report_every` episodes, stops early when the callback returns nonzero,
/// then evaluates greedily; `*report` is the run's report as JSON (`gym run --json`'s object), owned by the library
/// until the calling thread's next `swiftgym_train`.
@_cdecl("swiftgym_train")
public func swiftgym_train(_ configuration: UnsafePointer<CChar>?,
                           _ callback: (@convention(c) (UnsafePointer<CChar>?, UnsafeMutableRawPointer?) -> Int32)?,
                           _ userData: UnsafeMutableRawPointer?,
                           _ report: UnsafeMutablePointer<UnsafePointer<CChar>?>?) -> Int32 {
    withStatus {
        let report = try required(report, "report")
        report.pointee = nil
        let request = try TrainRequest(json: String(cString: try required(configuration, "configuration")))
        let stop = StopRequest()
        let observers = callback.map {
            [TrainingEvents(callback: $0, userData: userData, reportEvery: request.reportEvery, stop: stop)]
        } ?? []
        let result: TrainingReport
        do {
            result = try TrainingSession.train(request.plan, on: request.environment, observers: observers, stop: stop)
        } catch let refusal as GymError {
            // The session refuses what the configuration asks (a setting's value, an agent the environment cannot
            // take, an output it cannot write) before anything trains.
            throw CFailure(.invalidArgument, refusal.message)
        }
        reports.set(try result.jsonText())
        report.pointee = reports.text
    }
}
