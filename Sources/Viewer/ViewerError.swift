/// Why a window cannot be shown; each message says what to do about it.
public enum ViewerError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The SDL2 shared library could not be loaded.
    case libraryMissing(name: String, reason: String)
    /// The library loaded but lacks a function the viewer calls (an SDL older than 2.0.0 or another library).
    case symbolMissing(library: String, symbol: String)
    /// Neither `DISPLAY` nor `WAYLAND_DISPLAY` is set, so a window would go nowhere.
    case noDisplay
    /// `DISPLAY` names an X server that does not answer.
    case deadDisplay(String)
    /// An SDL call failed; `message` is `SDL_GetError()`.
    case sdlFailure(function: String, message: String)

    public var description: String {
        switch self {
        case let .libraryMissing(name, reason):
            "cannot load SDL2 ('\(name)': \(reason)); the window needs the SDL2 runtime library: install it with `apt-get install libsdl2-2.0-0` (Debian, Ubuntu), `dnf install SDL2` (Fedora) or `brew install sdl2` (macOS)"
        case let .symbolMissing(library, symbol):
            "'\(library)' has no function \(symbol); the window needs SDL 2.0.0 or later (`apt-get install libsdl2-2.0-0`)"
        case .noDisplay:
            "no display to open a window on: neither DISPLAY nor WAYLAND_DISPLAY is set (run from a desktop session, over `ssh -X`, or under `xvfb-run`)"
        case let .deadDisplay(display):
            "no X server answers at DISPLAY=\(display) (is it running? start one, for example with `Xvfb \(display) &`, or unset DISPLAY)"
        case let .sdlFailure(function, message):
            "\(function) failed: \(message)"
        }
    }
}
