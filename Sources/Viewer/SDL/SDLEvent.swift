/// Reads the fields of an `SDL_Event` the viewer needs from its raw bytes.
///
/// `SDL_Event` is a 56-byte union whose first field is the event type (`Uint32`). In `SDL_KeyboardEvent` the
/// `repeat` byte is at offset 13 and the key symbol (`keysym.sym`, an `SDL_Keycode`) at offset 20: after `type`,
/// `timestamp`, `windowID` (4 bytes each), `state`, `repeat` and two padding bytes, then `keysym.scancode`.
struct SDLEvent {
    /// Bytes reserved for one event (SDL2's union is 56).
    static let size = 64

    /// `SDL_QUIT`.
    static let quitType: UInt32 = 0x100
    /// `SDL_WINDOWEVENT`; its `event` byte is at offset 12.
    static let windowEventType: UInt32 = 0x200
    /// `SDL_WINDOWEVENT_CLOSE`.
    static let windowClose: UInt8 = 14
    /// `SDL_KEYDOWN`.
    static let keyDownType: UInt32 = 0x300
    /// `SDL_KEYUP`.
    static let keyUpType: UInt32 = 0x301

    /// What the event means to the viewer, or `nil` when nothing.
    static func decode(_ bytes: UnsafeRawPointer) -> WindowEvent? {
        switch bytes.loadUnaligned(as: UInt32.self) {
        case quitType:
            return .closed
        case windowEventType:
            return bytes.load(fromByteOffset: 12, as: UInt8.self) == windowClose ? .closed : nil
        case keyDownType:
            return key(bytes.loadUnaligned(fromByteOffset: 20, as: Int32.self)).map {
                .keyDown($0, isRepeat: bytes.load(fromByteOffset: 13, as: UInt8.self) != 0)
            }
        case keyUpType:
            return key(bytes.loadUnaligned(fromByteOffset: 20, as: Int32.self)).map { .keyUp($0) }
        default:
            return nil
        }
    }

    /// The viewer's key for an `SDL_Keycode`.
    static func key(_ symbol: Int32) -> Key? {
        switch symbol {
        case 32: .space                               // SDLK_SPACE
        case 46: .period                              // SDLK_PERIOD
        case 43, 61, 0x4000_0057: .plus               // SDLK_PLUS, SDLK_EQUALS, SDLK_KP_PLUS
        case 45, 0x4000_0056: .minus                  // SDLK_MINUS, SDLK_KP_MINUS
        case 102: .fastForward                        // SDLK_f
        case 113, 27: .quit                           // SDLK_q, SDLK_ESCAPE
        case 0x4000_0050: .left                       // SDLK_LEFT
        case 0x4000_004F: .right                      // SDLK_RIGHT
        case 0x4000_0052: .up                         // SDLK_UP
        case 0x4000_0051: .down                       // SDLK_DOWN
        default: nil
        }
    }
}

/// What happened in the window.
public enum WindowEvent: Equatable, Sendable {
    /// A key went down; `isRepeat` when the keyboard repeats a held key.
    case keyDown(Key, isRepeat: Bool)
    /// A key came up.
    case keyUp(Key)
    /// The window's close button, or the application asked to quit.
    case closed
}
