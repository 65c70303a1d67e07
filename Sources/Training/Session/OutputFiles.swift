import Foundation
import Gym

/// The files a run will write, checked before anything is built, so that a typo in a path fails in a second rather
/// than after hours of training.
public enum OutputFiles {
    /// Throws unless every path can be written: UTF-8, not a directory, in an existing writable directory, and no two
    /// naming the same file. `role` names the file in messages (`the checkpoint`, `the plot`).
    public static func check(_ outputs: [(role: String, path: String)]) throws {
        var seen: [String: String] = [:]
        for (role, path) in outputs {
            guard !path.isEmpty else { throw GymError("\(role) needs a file name, got an empty path") }
            guard !path.unicodeScalars.contains("\u{FFFD}") else {
                throw GymError("cannot write \(role) '\(path)': the path is not valid UTF-8; give a UTF-8 path")
            }
            let url = URL(fileURLWithPath: path).standardizedFileURL
            let directory = url.deletingLastPathComponent().resolvingSymlinksInPath()
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw GymError("cannot write \(role) '\(path)': the directory '\(directory.path)' does not exist")
            }
            guard access(directory.path, W_OK | X_OK) == 0 else {
                throw GymError("cannot write \(role) '\(path)': the directory '\(directory.path)' is not writable")
            }
            let target = directory.appendingPathComponent(url.lastPathComponent).resolvingSymlinksInPath().path
            if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue {
                throw GymError("cannot write \(role) '\(path)': it is a directory; give a file name")
            }
            if let other = seen[target] {
                throw GymError("\(other) and \(role) both name '\(path)'; give each its own file")
            }
            seen[target] = role
        }
    }
}
