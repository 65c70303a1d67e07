/// The mean of the latest `window` values, once that many have arrived.
public struct MovingAverage {
    public let window: Int
    private var values: [Double] = []
    private var next = 0
    private var sum = 0.0

    public init(window: Int) {
        self.window = window
    }

    /// Adds a value; returns the mean of the latest `window` values when there are that many.
    public mutating func add(_ value: Double) -> Double? {
        if values.count < window {
            values.append(value)
        } else {
            sum -= values[next]
            values[next] = value
            next = (next + 1) % window
        }
        sum += value
        return values.count == window ? sum / Double(window) : nil
    }
}
