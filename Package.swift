// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "swift-gym",
    platforms: [.macOS(.v13)],
    products: [
        // MARK: - Public products
        .library(name: "Gym", targets: ["Gym"]),
    ],
    targets: [
        // MARK: - Implementation
        .target(name: "Gym"),
    ]
)
