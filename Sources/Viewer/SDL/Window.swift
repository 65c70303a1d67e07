import Gym

/// An SDL window that shows frames scaled with nearest-neighbour sampling, letterboxed so that resizing the window
/// keeps the frame's aspect ratio.
public final class Window {
    private let sdl: SDLLibrary
    private let window: OpaquePointer
    private let renderer: OpaquePointer
    private var texture: OpaquePointer?
    private var textureSize = (width: 0, height: 0)
    private let eventBuffer = UnsafeMutableRawPointer.allocate(byteCount: SDLEvent.size, alignment: 16)
    /// Whether ``close()`` has run.
    public private(set) var isClosed = false

    /// Opens a resizable window of `width` x `height` pixels titled `title`, centred on the screen.
    public init(title: String, width: Int, height: Int, library: SDLLibrary) throws {
        sdl = library
        // SDL would turn SIGINT and SIGTERM into quit events; the program keeps its own Ctrl-C handling (stop after
        // the episode, save, report) and SIGTERM's default.
        _ = sdl.setHint("SDL_NO_SIGNAL_HANDLERS", "1")
        try sdl.check(sdl.initialize(SDLLibrary.initVideo), "SDL_Init(SDL_INIT_VIDEO)")
        // Nearest-neighbour scaling: pixels stay sharp blocks.
        _ = sdl.setHint("SDL_RENDER_SCALE_QUALITY", "nearest")
        guard let window = sdl.createWindow(title, SDLLibrary.windowPositionCentered, SDLLibrary.windowPositionCentered,
                                            Int32(width), Int32(height), SDLLibrary.windowFlags) else {
            let message = sdl.lastError
            sdl.quit()
            throw ViewerError.sdlFailure(function: "SDL_CreateWindow", message: message)
        }
        guard let renderer = sdl.createRenderer(window, -1, 0) else {
            let message = sdl.lastError
            sdl.destroyWindow(window)
            sdl.quit()
            throw ViewerError.sdlFailure(function: "SDL_CreateRenderer", message: message)
        }
        self.window = window
        self.renderer = renderer
    }

    deinit {
        close()
        eventBuffer.deallocate()
    }

    /// Draws `frame` scaled to fit the window, centred on a dark background.
    public func present(_ frame: Frame) throws {
        guard !isClosed else { return }
        if texture == nil || textureSize != (frame.width, frame.height) {
            if let texture { sdl.destroyTexture(texture) }
            guard let created = sdl.createTexture(renderer, SDLLibrary.pixelFormatRGB24, SDLLibrary.textureAccessStreaming,
                                                  Int32(frame.width), Int32(frame.height)) else {
                throw ViewerError.sdlFailure(function: "SDL_CreateTexture", message: sdl.lastError)
            }
            texture = created
            textureSize = (frame.width, frame.height)
        }
        guard let texture else { return }
        try frame.pixels.withUnsafeBytes { bytes in
            try sdl.check(sdl.updateTexture(texture, nil, bytes.baseAddress!, Int32(frame.width * 3)), "SDL_UpdateTexture")
        }
        var outputWidth: Int32 = 0, outputHeight: Int32 = 0
        try sdl.check(sdl.getRendererOutputSize(renderer, &outputWidth, &outputHeight), "SDL_GetRendererOutputSize")
        var target = Self.letterbox(frameWidth: frame.width, frameHeight: frame.height,
                                    windowWidth: Int(outputWidth), windowHeight: Int(outputHeight))
        try sdl.check(sdl.setRenderDrawColor(renderer, 0x11, 0x11, 0x11, 0xFF), "SDL_SetRenderDrawColor")
        try sdl.check(sdl.renderClear(renderer), "SDL_RenderClear")
        try withUnsafeBytes(of: &target) { rectangle in
            try sdl.check(sdl.renderCopy(renderer, texture, nil, rectangle.baseAddress), "SDL_RenderCopy")
        }
        sdl.renderPresent(renderer)
    }

    /// The events that arrived since the last call.
    public func pollEvents() -> [WindowEvent] {
        guard !isClosed else { return [] }
        var events: [WindowEvent] = []
        while sdl.pollEvent(eventBuffer) != 0 {
            if let event = SDLEvent.decode(UnsafeRawPointer(eventBuffer)) { events.append(event) }
        }
        return events
    }

    /// Destroys the window and shuts SDL down; later calls do nothing.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        if let texture { sdl.destroyTexture(texture) }
        sdl.destroyRenderer(renderer)
        sdl.destroyWindow(window)
        sdl.quit()
    }

    /// The `SDL_Rect` (x, y, width, height as 32-bit integers) of the largest area with the frame's aspect ratio
    /// that fits the window, centred.
    static func letterbox(frameWidth: Int, frameHeight: Int, windowWidth: Int, windowHeight: Int)
        -> (Int32, Int32, Int32, Int32) {
        let scale = min(Double(windowWidth) / Double(frameWidth), Double(windowHeight) / Double(frameHeight))
        let width = max(1, Int((Double(frameWidth) * scale).rounded()))
        let height = max(1, Int((Double(frameHeight) * scale).rounded()))
        return (Int32((windowWidth - width) / 2), Int32((windowHeight - height) / 2), Int32(width), Int32(height))
    }
}
