// swift-tools-version: 6.1
// A user's own package that hosts its environments in the full `gym` command line.
import PackageDescription

let package = Package(
    name: "my-gym",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "swift-gym", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "MyGym",
            dependencies: [
                .product(name: "GymCLI", package: "swift-gym"),
                .product(name: "Gym", package: "swift-gym"),
                .product(name: "Environments", package: "swift-gym"),
            ]
        ),
    ]
)
