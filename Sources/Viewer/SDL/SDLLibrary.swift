import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SDL2, loaded at run time with `dlopen` and called through typed `@convention(c)` function pointers, so that building
/// swift-gym needs no SDL headers or library (swift-driver's `Loader` pattern).
///
/// Only the handful of functions a window with a streaming texture needs are looked up; every missing one is an error
/// that names it.
public final class SDLLibrary {
    /// The library's file name on this platform.
    #if os(macOS)
    public static let defaultName = "libSDL2-2.0.0.dylib"
    #else
    public static let defaultName = "libSDL2-2.0.so.0"
    #endif
    /// An environment variable that replaces ``defaultName``; the tests point it at a missing library to check the
    /// message users see without SDL.
    public static let libraryVariable = "GYM_SDL_LIBRARY"

    /// The name the library was loaded from.
    public let name: String

    typealias InitFunction = @convention(c) (UInt32) -> Int32
    typealias QuitFunction = @convention(c) () -> Void
    typealias GetErrorFunction = @convention(c) () -> UnsafePointer<CChar>?
    typealias SetHintFunction = @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>) -> Int32
    typealias CreateWindowFunction = @convention(c) (UnsafePointer<CChar>, Int32, Int32, Int32, Int32, UInt32) -> OpaquePointer?
    typealias DestroyFunction = @convention(c) (OpaquePointer) -> Void
    typealias CreateRendererFunction = @convention(c) (OpaquePointer, Int32, UInt32) -> OpaquePointer?
    typealias CreateTextureFunction = @convention(c) (OpaquePointer, UInt32, Int32, Int32, Int32) -> OpaquePointer?
    typealias UpdateTextureFunction = @convention(c) (OpaquePointer, UnsafeRawPointer?, UnsafeRawPointer, Int32) -> Int32
    typealias SetDrawColorFunction = @convention(c) (OpaquePointer, UInt8, UInt8, UInt8, UInt8) -> Int32
    typealias RenderClearFunction = @convention(c) (OpaquePointer) -> Int32
    typealias RenderCopyFunction = @convention(c) (OpaquePointer, OpaquePointer, UnsafeRawPointer?, UnsafeRawPointer?) -> Int32
    typealias OutputSizeFunction = @convention(c) (OpaquePointer, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>) -> Int32
    typealias PollEventFunction = @convention(c) (UnsafeMutableRawPointer) -> Int32

    let initialize: InitFunction
    let quit: QuitFunction
    let getError: GetErrorFunction
    let setHint: SetHintFunction
    let createWindow: CreateWindowFunction
    let destroyWindow: DestroyFunction
    let createRenderer: CreateRendererFunction
    let destroyRenderer: DestroyFunction
    let createTexture: CreateTextureFunction
    let destroyTexture: DestroyFunction
    let updateTexture: UpdateTextureFunction
    let setRenderDrawColor: SetDrawColorFunction
    let renderClear: RenderClearFunction
    let renderCopy: RenderCopyFunction
    let renderPresent: DestroyFunction
    let getRendererOutputSize: OutputSizeFunction
    let pollEvent: PollEventFunction

    // MARK: - Constants from SDL2's headers

    /// `SDL_INIT_VIDEO`.
    static let initVideo: UInt32 = 0x20
    /// `SDL_WINDOWPOS_CENTERED`.
    static let windowPositionCentered: Int32 = 0x2FFF_0000
    /// `SDL_WINDOW_SHOWN | SDL_WINDOW_RESIZABLE`.
    static let windowFlags: UInt32 = 0x04 | 0x20
    /// `SDL_PIXELFORMAT_RGB24`: three bytes per pixel, red first.
    static let pixelFormatRGB24: UInt32 = 0x1710_1803
    /// `SDL_TEXTUREACCESS_STREAMING`.
    static let textureAccessStreaming: Int32 = 1

    /// Loads SDL2 from ``libraryVariable`` if set, else ``defaultName``.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SDLLibrary {
        try SDLLibrary(name: environment[libraryVariable] ?? defaultName)
    }

    /// Throws ``ViewerError/noDisplay`` when a window could not appear anywhere.
    ///
    /// `SDL_Init` succeeds without a display (SDL falls back to an offscreen driver), so the variables are checked
    /// here. Setting `SDL_VIDEODRIVER` (for example to `dummy` for benchmarks) chooses a driver explicitly and skips the
    /// check; macOS needs no variable.
    public static func checkDisplay(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        #if !os(macOS)
        let present = { (name: String) in !(environment[name] ?? "").isEmpty }
        guard present("DISPLAY") || present("WAYLAND_DISPLAY") || present("SDL_VIDEODRIVER") else {
            throw ViewerError.noDisplay
        }
        if let display = environment["DISPLAY"], !display.isEmpty, !present("WAYLAND_DISPLAY"),
           XDisplayProbe.answers(display) == false {
            throw ViewerError.deadDisplay(display)
        }
        #endif
    }

    private init(name: String) throws {
        guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "not found"
            throw ViewerError.libraryMissing(name: name, reason: reason)
        }
        // The handle stays open for the life of the process: SDL keeps threads and atexit handlers of its own.
        func symbol<Function>(_ symbolName: String, _: Function.Type) throws -> Function {
            guard let address = dlsym(handle, symbolName) else {
                throw ViewerError.symbolMissing(library: name, symbol: symbolName)
            }
            return unsafeBitCast(address, to: Function.self)
        }
        self.name = name
        initialize = try symbol("SDL_Init", InitFunction.self)
        quit = try symbol("SDL_Quit", QuitFunction.self)
        getError = try symbol("SDL_GetError", GetErrorFunction.self)
        setHint = try symbol("SDL_SetHint", SetHintFunction.self)
        createWindow = try symbol("SDL_CreateWindow", CreateWindowFunction.self)
        destroyWindow = try symbol("SDL_DestroyWindow", DestroyFunction.self)
        createRenderer = try symbol("SDL_CreateRenderer", CreateRendererFunction.self)
        destroyRenderer = try symbol("SDL_DestroyRenderer", DestroyFunction.self)
        createTexture = try symbol("SDL_CreateTexture", CreateTextureFunction.self)
        destroyTexture = try symbol("SDL_DestroyTexture", DestroyFunction.self)
        updateTexture = try symbol("SDL_UpdateTexture", UpdateTextureFunction.self)
        setRenderDrawColor = try symbol("SDL_SetRenderDrawColor", SetDrawColorFunction.self)
        renderClear = try symbol("SDL_RenderClear", RenderClearFunction.self)
        renderCopy = try symbol("SDL_RenderCopy", RenderCopyFunction.self)
        renderPresent = try symbol("SDL_RenderPresent", DestroyFunction.self)
        getRendererOutputSize = try symbol("SDL_GetRendererOutputSize", OutputSizeFunction.self)
        pollEvent = try symbol("SDL_PollEvent", PollEventFunction.self)
    }

    /// SDL's description of its last error.
    var lastError: String {
        getError().map { String(cString: $0) } ?? "unknown SDL error"
    }

    /// Throws ``ViewerError/sdlFailure(function:message:)`` when `status` (an SDL return code) is negative.
    func check(_ status: Int32, _ function: String) throws {
        guard status >= 0 else { throw ViewerError.sdlFailure(function: function, message: lastError) }
    }
}
