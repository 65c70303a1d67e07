import NeuralNetwork

/// Prints the tensor benchmarks: `TensorBench [--threads 1,2]`. Build with `-c release`.
var threads = [1, 2]
let arguments = CommandLine.arguments
if let index = arguments.firstIndex(of: "--threads"), index + 1 < arguments.count {
    threads = arguments[index + 1].split(separator: ",").compactMap { Int($0) }
}
TensorBenchmarks.run(threads: threads) { figure in
    let value = figure.value >= 100 ? String(Int(figure.value.rounded())) : String((figure.value * 1000).rounded() / 1000)
    print("\(figure.name.padding(toLength: 36, withPad: " ", startingAt: 0)) \(value) \(figure.unit)"
          + (figure.comparison.map { "   (\($0))" } ?? ""))
}
