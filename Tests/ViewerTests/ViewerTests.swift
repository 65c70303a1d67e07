import Foundation
import Gym
import Testing
@testable import Viewer

/// The viewer's parts that need no display: keys, playback, letterboxing, the HUD and the font, and the messages
/// for a missing SDL or display.
@Suite struct ViewerTests {
    @Test func playbackKeysPauseStepAndChangeSpeed() {
        var controls = PlaybackControls()
        #expect(controls.mayStep() && controls.label == nil)
        controls.press(.space)
        #expect(controls.isPaused && !controls.mayStep())
        controls.press(.period)
        controls.press(.period)
        #expect(controls.mayStep() && controls.mayStep() && !controls.mayStep())
        controls.press(.space)
        #expect(!controls.isPaused && controls.mayStep())
        controls.press(.plus)
        controls.press(.plus)
        #expect(controls.speed == 4 && controls.label == "SPEED 4×")
        #expect(abs(controls.frameDuration(framesPerSecond: 10) - 0.025) < 1e-12)
        for _ in 0..<20 { controls.press(.minus) }
        #expect(controls.speed == 1.0 / 16 && controls.label == "SPEED 1/16×")
        controls.press(.fastForward)
        #expect(controls.isFastForward && controls.frameDuration(framesPerSecond: 10) == 0)
        controls.press(.quit)
        #expect(controls.quitRequested)
    }

    @Test func letterboxKeepsTheAspectRatio() {
        // A 2:1 frame in a square window: full width, centred vertically.
        #expect(Window.letterbox(frameWidth: 200, frameHeight: 100, windowWidth: 400, windowHeight: 400) == (0, 100, 400, 200))
        // In a wide window: full height, centred horizontally.
        #expect(Window.letterbox(frameWidth: 200, frameHeight: 100, windowWidth: 1000, windowHeight: 300) == (200, 0, 600, 300))
    }

    @Test func keyboardEventsDecodeFromTheirDocumentedOffsets() {
        var bytes = [UInt8](repeating: 0, count: SDLEvent.size)
        func put(_ value: UInt32, at offset: Int) {
            for index in 0..<4 { bytes[offset + index] = UInt8(value >> (8 * UInt32(index)) & 0xFF) }
        }
        put(SDLEvent.keyDownType, at: 0)
        put(0x4000_0050, at: 20)   // SDLK_LEFT
        #expect(bytes.withUnsafeBytes { SDLEvent.decode($0.baseAddress!) } == .keyDown(.left, isRepeat: false))
        bytes[13] = 1
        put(113, at: 20)           // SDLK_q, repeated
        #expect(bytes.withUnsafeBytes { SDLEvent.decode($0.baseAddress!) } == .keyDown(.quit, isRepeat: true))
        put(SDLEvent.keyUpType, at: 0)
        put(32, at: 20)
        #expect(bytes.withUnsafeBytes { SDLEvent.decode($0.baseAddress!) } == .keyUp(.space))
        put(SDLEvent.windowEventType, at: 0)
        bytes[12] = SDLEvent.windowClose
        #expect(bytes.withUnsafeBytes { SDLEvent.decode($0.baseAddress!) } == .closed)
        put(SDLEvent.quitType, at: 0)
        #expect(bytes.withUnsafeBytes { SDLEvent.decode($0.baseAddress!) } == .closed)
        #expect(SDLEvent.key(0x62) == nil)   // 'b' means nothing
    }

    @Test func hudEnlargesSmallFramesAndWritesTheStatus() {
        var frame = Frame(width: 100, height: 50, fill: RGB(10, 20, 30))
        frame[99, 49] = RGB(255, 0, 0)
        let status = HUDStatus(episode: 3, step: 12, episodeReturn: -0.5, detail: "ε 0.25", stepsPerSecond: 12_345)
        #expect(status.lines == ["EPISODE 3  STEP 12  RETURN -0.5", "ε 0.25  12.3K STEPS/S"])
        let composed = HUD.compose(frame, status: status)
        // 100 pixels wide is enlarged 5 times to reach 480.
        #expect(composed.width == 500 && composed.height == 250 + HUD.stripHeight)
        #expect(composed[0, 0] == RGB(10, 20, 30) && composed[495, 245] == RGB(255, 0, 0) && composed[494, 244] == RGB(10, 20, 30))
        let strip = (250..<composed.height).flatMap { y in (0..<composed.width).map { composed[$0, y] } }
        #expect(strip.contains(HUD.foreground) && strip.contains(HUD.background))
        #expect(!strip.contains(RGB(10, 20, 30)))
    }

    @Test func fontDrawsKnownGlyphPixels() {
        var frame = Frame(width: 20, height: 10)
        frame.drawText("1-", x: 1, y: 1, color: RGB(255, 255, 255))
        // '1': the top row is one pixel in the middle column; '-' is a full row 3 of the next cell.
        #expect(frame[3, 1] == RGB(255, 255, 255) && frame[2, 1] == RGB(0, 0, 0))
        #expect((7...11).allSatisfy { frame[$0, 4] == RGB(255, 255, 255) } && frame[7, 3] == RGB(0, 0, 0))
        #expect(BitmapFont.width(of: "abc", scale: 2) == 34)
        #expect(BitmapFont.glyph(for: "a") == BitmapFont.glyph(for: "A"))
        #expect(BitmapFont.glyph(for: "€") == BitmapFont.glyph(for: "?"))
    }

    @Test func missingLibraryAndMissingDisplaySayWhatToDo() {
        do {
            _ = try SDLLibrary.load(environment: [SDLLibrary.libraryVariable: "libSDL2-missing-for-tests.so"])
            Issue.record("loading a missing library succeeded")
        } catch let error as ViewerError {
            #expect(error.description.contains("libSDL2-missing-for-tests.so"))
            #expect(error.description.contains("apt-get install libsdl2-2.0-0"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
        #expect(throws: ViewerError.noDisplay) { try SDLLibrary.checkDisplay(environment: [:]) }
        #expect(throws: ViewerError.noDisplay) { try SDLLibrary.checkDisplay(environment: ["DISPLAY": ""]) }
        #expect(throws: Never.self) { try SDLLibrary.checkDisplay(environment: ["WAYLAND_DISPLAY": "wayland-0"]) }
        #expect(ViewerError.noDisplay.description.contains("DISPLAY"))
    }
}
