import Foundation

/// Writes files so that a reader sees either the old file or the whole new one: the bytes go to a temporary file
/// beside the target (`.NAME.partial-PID`), which is then renamed over it. A write killed half-way leaves only such
/// a temporary file; the next write to the same target removes those left by processes that are gone.
public enum AtomicFile {
    /// Writes `data` to `url` atomically.
    public static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent).partial-"
        removeStale(in: directory, prefix: prefix)
        let temporary = directory.appendingPathComponent(prefix + String(getpid()))
        do {
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Removes temporary files of earlier writes to the same target whose process no longer runs.
    private static func removeStale(in directory: URL, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)),
                  pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) else { continue }
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }
}
