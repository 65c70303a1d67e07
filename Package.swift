// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "swift-gym",
    platforms: [.macOS(.v13)],
    products: [
        // MARK: - Public products
        .library(name: "Gym", targets: ["Gym"]),
        .library(name: "TensorCore", targets: ["TensorCore"]),
        .library(name: "NeuralNetwork", targets: ["NeuralNetwork"]),
    ],
    targets: [
        // MARK: - Implementation
        .target(name: "Gym"),
        .target(name: "CTensorKernels"),
        .target(name: "TensorCore", dependencies: ["CTensorKernels"]),
        .target(name: "NeuralNetwork", dependencies: ["TensorCore"]),
        .executableTarget(name: "TensorBench", dependencies: ["NeuralNetwork"], path: "Sources/TensorBench"),

        // MARK: - Tests
        .testTarget(name: "TensorCoreTests", dependencies: ["TensorCore"]),
        .testTarget(name: "NeuralNetworkTests", dependencies: ["NeuralNetwork", "TensorCore"]),
    ]
)
