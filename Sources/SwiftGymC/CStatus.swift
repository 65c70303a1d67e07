import Foundation
import Gym

/// The status every C function returns: `0` for success, a positive code naming the kind of failure, whose message
/// ``LastError`` keeps for the calling thread (`swiftgym_last_error`). The values are the header's `SWIFTGYM_*`.
enum CStatus: Int32 {
    case ok = 0
    /// A null pointer, a number out of range, a malformed options object, a copy index beyond the batch.
    case invalidArgument = 1
    /// A caller's buffer whose size is not the one the environment needs.
    case bufferSize = 2
    /// An action outside the action space.
    case invalidAction = 3
    /// Something the environment cannot do (no frames, no state vector, an observation type the C ABI lacks).
    case unsupported = 4
    /// The environment refused: an unknown id, a bad option value, a failed step.
    case environment = 5
    /// A handle that is not open (never made, or already closed).
    case invalidHandle = 6
}

/// A failure of a C call, carrying its status and message.
struct CFailure: Error {
    let status: CStatus
    let message: String

    init(_ status: CStatus, _ message: String) {
        self.status = status
        self.message = message
    }
}

/// A C string kept per thread until that thread replaces it (freed with the thread, or when replaced).
final class ThreadLocalText: Sendable {
    private let key: pthread_key_t

    init() {
        var key = pthread_key_t()
        pthread_key_create(&key) { free($0) }
        self.key = key
    }

    /// The calling thread's text; empty before it sets any.
    var text: UnsafePointer<CChar> {
        guard let stored = pthread_getspecific(key) else { return LastError.empty.pointer }
        return UnsafePointer(stored.assumingMemoryBound(to: CChar.self))
    }

    /// Replaces the calling thread's text.
    func set(_ text: String) {
        let previous = pthread_getspecific(key)
        pthread_setspecific(key, strdup(text))
        free(previous)
    }
}

/// The message of the calling thread's latest failure, as a C string owned by the library.
enum LastError {
    private static let storage = ThreadLocalText()
    fileprivate static let empty = CText("")

    /// The calling thread's latest message; empty before any failure.
    static var message: UnsafePointer<CChar> { storage.text }

    /// Replaces the calling thread's message.
    static func set(_ message: String) {
        storage.set(message)
    }
}

/// Runs `body`, turning a thrown failure into its status (and message for ``LastError``); every exported function
/// goes through here, so no Swift error crosses into C.
func withStatus(_ body: () throws -> Void) -> Int32 {
    do {
        try body()
        return CStatus.ok.rawValue
    } catch let failure as CFailure {
        LastError.set(failure.message)
        return failure.status.rawValue
    } catch let error as GymError {
        LastError.set(error.message)
        return CStatus.environment.rawValue
    } catch {
        LastError.set("\(error)")
        return CStatus.environment.rawValue
    }
}

/// `pointer`, or a failure naming the `argument` that was null.
func required<T>(_ pointer: T?, _ argument: String) throws -> T {
    guard let pointer else { throw CFailure(.invalidArgument, "\(argument) must not be NULL") }
    return pointer
}

/// A failure unless `size` is `expected` bytes.
func checkSize(_ size: Int, expected: Int, of buffer: String) throws {
    guard size == expected else {
        throw CFailure(.bufferSize, "\(buffer) holds \(size) bytes; this environment needs exactly \(expected)")
    }
}
