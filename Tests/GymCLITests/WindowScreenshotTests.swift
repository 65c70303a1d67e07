import Foundation
import Testing

/// A real SDL window under Xvfb: `gym watch` shows a saved agent on the gridworld, a screenshot of the X screen is
/// taken with `xwd`, and the screen must hold the gridworld's tile colours.
///
/// `.ci/run` installs Xvfb, `xwd` (x11-apps) and SDL2, and with `CI` set the test fails when one is missing; on a
/// machine without them it is skipped.
@Suite(.serialized) struct WindowScreenshotTests {
    static let xvfb = executable(named: "Xvfb")
    static let xwd = executable(named: "xwd")
    static let sdlPresent = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib",
                             "/usr/local/lib"]
        .contains { FileManager.default.fileExists(atPath: "\($0)/libSDL2-2.0.so.0") }
    static let toolsPresent = xvfb != nil && xwd != nil && sdlPresent
    static let required = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty

    /// The gridworld's palette (GridWorld.Palette), as the screen stores it.
    static let goal = RGBPixel(red: 0x2E, green: 0x9E, blue: 0x44)
    static let wall = RGBPixel(red: 0x5D, green: 0x6D, blue: 0x7E)
    static let agent = RGBPixel(red: 0xF3, green: 0x9C, blue: 0x12)

    static func executable(named name: String) -> URL? {
        ["/usr/bin", "/usr/local/bin", "/bin"].map { URL(fileURLWithPath: "\($0)/\(name)") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    @Test func toolsForTheWindowTestArePresentOnCI() {
        guard Self.required else { return }
        #expect(Self.xvfb != nil, "CI must install xvfb")
        #expect(Self.xwd != nil, "CI must install x11-apps (xwd)")
        #expect(Self.sdlPresent, "CI must install libsdl2-2.0-0")
    }

    @Test(.enabled(if: toolsPresent)) func watchShowsTheGridworldInARealWindow() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gym-window-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let checkpoint = directory.appendingPathComponent("maze.safetensors").path
        let gym = CommandRunner.releaseGym ?? CommandRunner.productsDirectory.appendingPathComponent("gym")
        let training = try CommandRunner.run(["run", "dqn", "gridworld", "--steps", "2000", "--eval-episodes", "1",
                                              "--save", checkpoint], binary: gym)
        try #require(training.status == 0, "\(training.stderr)")

        let server = try XServer(xvfb: try #require(Self.xvfb))
        defer { server.stop() }
        var environment = ProcessInfo.processInfo.environment
        environment["DISPLAY"] = server.display
        environment["WAYLAND_DISPLAY"] = nil
        environment["SDL_VIDEODRIVER"] = nil
        let watch = Process()
        watch.executableURL = gym
        watch.arguments = ["watch", "dqn", "gridworld", "--load", checkpoint, "--episodes", "1000", "--fps", "20"]
        watch.environment = environment
        let errorFile = directory.appendingPathComponent("watch-stderr")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        watch.standardError = try FileHandle(forWritingTo: errorFile)
        watch.standardOutput = FileHandle.nullDevice
        try watch.run()
        defer { killAndWait(watch) }

        // Take screenshots until the window has drawn the maze (the window manager-less server shows it at once,
        // but SDL needs a moment to start), for at most 20 seconds.
        let screenshot = directory.appendingPathComponent("screen.xwd")
        var counts: [RGBPixel: Int] = [:]
        let deadline = Date().addingTimeInterval(20)
        repeat {
            Thread.sleep(forTimeInterval: 0.5)
            try #require(watch.isRunning, "gym watch ended early: \(String(decoding: (try? Data(contentsOf: errorFile)) ?? Data(), as: UTF8.self))")
            let capture = try CommandRunner.run(["-root", "-silent", "-display", server.display, "-out", screenshot.path],
                                                binary: try #require(Self.xwd))
            guard capture.status == 0 else { continue }
            let image = try XWDImage(data: try Data(contentsOf: screenshot))
            counts = image.count(of: [Self.goal, Self.wall, Self.agent])
        } while (counts[Self.goal, default: 0] < 500 || counts[Self.wall, default: 0] < 5_000) && Date() < deadline
        let stderr = String(decoding: try Data(contentsOf: errorFile), as: UTF8.self)
        #expect(!stderr.contains("cannot open a window"), "\(stderr)")
        // The 7x10 maze has one goal tile and dozens of wall tiles, each at least 31x31 pixels on screen.
        #expect(counts[Self.goal, default: 0] >= 500, "goal pixels on screen: \(counts)")
        #expect(counts[Self.wall, default: 0] >= 5_000, "wall pixels on screen: \(counts)")
        #expect(counts[Self.agent, default: 0] >= 50, "agent pixels on screen: \(counts)")
    }
}

/// One screen pixel.
struct RGBPixel: Hashable {
    var red: UInt8
    var green: UInt8
    var blue: UInt8
}

/// An Xvfb server on a free display number, stopped by ``stop()``.
struct XServer {
    let process = Process()
    /// The `DISPLAY` value of the server (`:N`).
    let display: String

    init(xvfb: URL) throws {
        let number = (90..<190).first { !FileManager.default.fileExists(atPath: "/tmp/.X11-unix/X\($0)") && !FileManager.default.fileExists(atPath: "/tmp/.X\($0)-lock") } ?? 190
        display = ":\(number)"
        process.executableURL = xvfb
        process.arguments = [display, "-screen", "0", "800x600x24", "-nolisten", "tcp"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let socket = "/tmp/.X11-unix/X\(number)"
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: socket) {
            guard process.isRunning, Date() < deadline else {
                stop()
                throw XServerError(message: "Xvfb \(display) did not start")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    func stop() {
        killAndWait(process)
    }
}

/// Stops a child process with SIGKILL and waits for it. Children started from a test inherit the signal mask of the
/// dispatch thread that runs the test, which blocks SIGTERM, so `Process.terminate()` would wait forever.
func killAndWait(_ process: Process) {
    guard process.isRunning else { return }
    _ = kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
}

struct XServerError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A screenshot in X's window-dump format (`xwd`), for a TrueColor screen of 24 or 32 bits per pixel.
struct XWDImage {
    var width: Int
    var height: Int
    var pixels: [RGBPixel]

    /// Reads the big-endian header (25 32-bit fields, then the window name up to `header_size`), skips the colour
    /// map (12 bytes per entry), and decodes the pixels through the header's masks and byte order.
    init(data: Data) throws {
        let bytes = Array(data)
        func field(_ index: Int) throws -> Int {
            let offset = index * 4
            guard offset + 4 <= bytes.count else { throw XServerError(message: "xwd file too short for its header") }
            return bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
        }
        let headerSize = try field(0)
        guard try field(1) == 7 else { throw XServerError(message: "not an X11 xwd file (version \(try field(1)))") }
        width = try field(4)
        height = try field(5)
        let leastSignificantFirst = try field(7) == 0
        let bitsPerPixel = try field(11)
        let bytesPerLine = try field(12)
        let masks = (red: UInt32(try field(14)), green: UInt32(try field(15)), blue: UInt32(try field(16)))
        let colormapEntries = try field(19)
        guard bitsPerPixel == 32 || bitsPerPixel == 24 else {
            throw XServerError(message: "xwd with \(bitsPerPixel) bits per pixel: only TrueColor 24/32 is read here")
        }
        let start = headerSize + colormapEntries * 12
        let pixelBytes = bitsPerPixel / 8
        guard start + bytesPerLine * height <= bytes.count else { throw XServerError(message: "xwd pixels truncated") }
        func channel(_ value: UInt32, _ mask: UInt32) -> UInt8 {
            UInt8(truncatingIfNeeded: (value & mask) >> UInt32(mask.trailingZeroBitCount))
        }
        var pixels: [RGBPixel] = []
        pixels.reserveCapacity(width * height)
        for row in 0..<height {
            for column in 0..<width {
                let offset = start + row * bytesPerLine + column * pixelBytes
                var value: UInt32 = 0
                for index in 0..<pixelBytes {
                    let byte = UInt32(bytes[offset + index])
                    value |= leastSignificantFirst ? byte << (8 * UInt32(index)) : byte << (8 * UInt32(pixelBytes - 1 - index))
                }
                pixels.append(RGBPixel(red: channel(value, masks.red), green: channel(value, masks.green),
                                       blue: channel(value, masks.blue)))
            }
        }
        self.pixels = pixels
    }

    /// How many pixels have each of `colors`.
    func count(of colors: [RGBPixel]) -> [RGBPixel: Int] {
        var counts: [RGBPixel: Int] = [:]
        let wanted = Set(colors)
        for pixel in pixels where wanted.contains(pixel) { counts[pixel, default: 0] += 1 }
        return counts
    }
}
