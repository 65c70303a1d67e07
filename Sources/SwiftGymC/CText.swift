import Foundation

/// A C string the library makes once and never changes or frees, so any thread may read it.
struct CText: @unchecked Sendable {
    let pointer: UnsafePointer<CChar>

    /// `text` copied into memory kept for the life of the process.
    init(_ text: String) {
        pointer = UnsafePointer(strdup(text)!)
    }
}
