import Foundation
import Training

/// The callback `swiftgym_train` reports progress to: an event as a JSON object and the caller's pointer; a
/// nonzero return asks training to stop after the current episode.
typealias TrainCallback = @convention(c) (UnsafePointer<CChar>?, UnsafeMutableRawPointer?) -> Int32

/// Forwards the trainer's episodes to a C callback as progress events, one every `reportEvery` episodes and one
/// when training ends, and turns a nonzero answer into a stop request.
///
/// An event: `{"event": "progress", "episodes", "steps", "seconds", "mean_return"` (over the episodes since the
/// previous event), `"last_return", "moving_average_100", "success_rate", "epsilon", "loss", "updates"}`; the
/// figures a learner lacks are left out.
final class TrainingEvents: TrainingObserver {
    private let callback: TrainCallback
    private let userData: UnsafeMutableRawPointer?
    private let reportEvery: Int
    private let stop: StopRequest
    private let clock = ContinuousClock()
    private var start = ContinuousClock.now
    private var pending: [EpisodeEvent] = []

    init(callback: @escaping TrainCallback, userData: UnsafeMutableRawPointer?, reportEvery: Int, stop: StopRequest) {
        self.callback = callback
        self.userData = userData
        self.reportEvery = reportEvery
        self.stop = stop
        pending.reserveCapacity(reportEvery)
    }

    func trainingStarted(_ start: TrainingStart) {
        self.start = clock.now
    }

    func episodeFinished(_ event: EpisodeEvent) throws {
        pending.append(event)
        if pending.count >= reportEvery { try send() }
    }

    func trainingFinished(_ result: TrainingResult) throws {
        if !pending.isEmpty { try send() }
    }

    /// Sends one event for the pending episodes; a nonzero answer requests the stop.
    private func send() throws {
        guard let last = pending.last else { return }
        let returns = pending.map(\.episode.totalReward)
        let successes = pending.compactMap(\.success)
        let progress = Progress(
            episodes: last.episode.index, steps: last.episode.totalSteps,
            seconds: seconds(clock.now - start),
            meanReturn: returns.reduce(0, +) / Double(returns.count), lastReturn: last.episode.totalReward,
            movingAverage: last.movingAverage,
            successRate: successes.isEmpty ? nil : Double(successes.filter { $0 }.count) / Double(successes.count),
            epsilon: last.figures.epsilon, loss: last.figures.loss, updates: last.figures.updates)
        pending.removeAll(keepingCapacity: true)
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf",
                                                                      nan: "nan")
        let text = String(decoding: try encoder.encode(progress), as: UTF8.self)
        let answer = text.withCString { callback($0, userData) }
        if answer != 0 { stop.request() }
    }

    private struct Progress: Encodable {
        let event = "progress"
        let episodes: Int
        let steps: Int
        let seconds: Double
        let meanReturn: Double
        let lastReturn: Double
        let movingAverage: Double?
        let successRate: Double?
        let epsilon: Double?
        let loss: Double?
        let updates: Int?

        enum CodingKeys: String, CodingKey {
            case event, episodes, steps, seconds, epsilon, loss, updates
            case meanReturn = "mean_return", lastReturn = "last_return", movingAverage = "moving_average_100"
            case successRate = "success_rate"
        }
    }
}
