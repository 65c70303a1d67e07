// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "swift-gym",
    platforms: [.macOS(.v15)],
    products: [
        // MARK: - Public products
        .library(name: "Gym", targets: ["Gym"]),
        .library(name: "Environments", targets: ["Environments"]),
        .library(name: "Agents", targets: ["Agents"]),
        .library(name: "TensorCore", targets: ["TensorCore"]),
        .library(name: "NeuralNetwork", targets: ["NeuralNetwork"]),
        .library(name: "Viewer", targets: ["Viewer"]),
        .library(name: "Training", targets: ["Training"]),
        .library(name: "GymCLI", targets: ["GymCLI"]),
        .executable(name: "gym", targets: ["GymMain"]),
        // The C ABI (Sources/SwiftGymC/swiftgym.h) that the Python package loads.
        .library(name: "SwiftGymC", type: .dynamic, targets: ["SwiftGymC"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // MARK: - Implementation
        .target(name: "Parallelism"),
        .target(name: "Gym", dependencies: ["Parallelism"]),
        .target(name: "Environments", dependencies: ["Gym"], path: "Environments"),
        .target(name: "Agents", dependencies: ["Gym", "NeuralNetwork", "TensorCore"], path: "Agents"),
        .target(name: "CTensorKernels"),
        .target(name: "TensorCore", dependencies: ["CTensorKernels", "Parallelism"]),
        .target(name: "NeuralNetwork", dependencies: ["TensorCore"]),
        .target(name: "Viewer", dependencies: ["Gym"]),
        .target(name: "Training", dependencies: ["Gym", "Agents", "Viewer", "TensorCore"]),
        .target(
            name: "Benchmarks",
            dependencies: [
                "Gym", "Environments", "Agents", "NeuralNetwork", "TensorCore", "CTensorKernels", "Parallelism", "Viewer",
                "Training", "SwiftGymC",
            ]
        ),
        .target(
            name: "GymCLI",
            dependencies: [
                "Gym", "Environments", "Agents", "NeuralNetwork", "Viewer", "Training", "Benchmarks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "GymMain", dependencies: ["GymCLI", "Environments"]),
        .target(name: "SwiftGymC", dependencies: ["Gym", "Environments", "Agents", "Training"], exclude: ["swiftgym.h"]),

        // MARK: - Examples
        .executableTarget(
            name: "CustomEnvironmentExample",
            dependencies: ["Gym", "Agents"],
            path: "Examples/CustomEnvironment"
        ),

        .executableTarget(
            name: "TrainingProgramExample",
            dependencies: ["Gym", "Environments", "Agents", "Training"],
            path: "Examples/TrainingProgram"
        ),

        // MARK: - Tests
        .testTarget(name: "ParallelismTests", dependencies: ["Parallelism"]),
        // Fixtures/ holds what Gymnasium's wrappers make of a recorded stream (scripts/peers/record_normalization.py).
        .testTarget(name: "GymTests", dependencies: ["Gym", "Environments"], exclude: ["Fixtures"]),
        // Fixtures/ holds trajectories recorded from Gymnasium (scripts/peers/record_classic_control.py), read by path.
        .testTarget(name: "EnvironmentsTests", dependencies: ["Gym", "Environments"], exclude: ["Fixtures"]),
        .testTarget(name: "AgentsTests", dependencies: ["Gym", "Environments", "Agents", "NeuralNetwork", "TensorCore"]),
        .testTarget(name: "TensorCoreTests", dependencies: ["TensorCore", "CTensorKernels"]),
        .testTarget(name: "NeuralNetworkTests", dependencies: ["NeuralNetwork", "TensorCore"]),
        .testTarget(name: "ViewerTests", dependencies: ["Viewer", "Gym", "Environments"]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "Agents", "Gym", "Environments"]),
        .testTarget(name: "SwiftGymCTests", dependencies: ["SwiftGymC", "Environments", "Gym", "Training"]),
        .testTarget(
            name: "GymCLITests",
            dependencies: ["GymCLI", "GymMain", "CustomEnvironmentExample"]
        ),
    ]
)
