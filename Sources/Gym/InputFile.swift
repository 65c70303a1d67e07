import Foundation

/// Reads a file a user named (a map, an MDP, a checkpoint) with a plain message for each way that can fail: no such
/// file, a directory, a symbolic-link loop, no permission, or a path that is not UTF-8.
public enum InputFile {
    /// The largest file read (a checkpoint of a large network fits; anything bigger is not one of ours).
    public static let maximumBytes = 8 << 30

    /// The bytes of the file at `path`; `role` names it in messages (`map file`, `checkpoint`).
    public static func read(_ path: String, role: String) throws -> Data {
        try check(path, role: role)
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw GymError("cannot read the \(role) '\(path)': \(error.localizedDescription)")
        }
    }

    /// The text of the UTF-8 file at `path`.
    public static func text(_ path: String, role: String) throws -> String {
        guard let text = String(data: try read(path, role: role), encoding: .utf8) else {
            throw GymError("the \(role) '\(path)' is not UTF-8 text")
        }
        return text
    }

    /// Throws a plain message unless `path` names a readable regular file of at most ``maximumBytes``.
    public static func check(_ path: String, role: String) throws {
        guard !path.unicodeScalars.contains("\u{FFFD}") else {
            throw GymError("cannot read the \(role) '\(path)': the path is not valid UTF-8; give a UTF-8 path")
        }
        var status = stat()
        guard stat(path, &status) == 0 else {
            let reason = switch errno {
            case ENOENT: "no such file"
            case ELOOP: "its symbolic links form a loop"
            case EACCES: "permission denied"
            case ENOTDIR: "a part of the path is not a directory"
            default: String(cString: strerror(errno))
            }
            throw GymError("cannot read the \(role) '\(path)': \(reason)")
        }
        guard status.st_mode & S_IFMT != S_IFDIR else {
            throw GymError("cannot read the \(role) '\(path)': it is a directory, not a file")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw GymError("cannot read the \(role) '\(path)': it is not a regular file")
        }
        guard status.st_size <= maximumBytes else {
            throw GymError("cannot read the \(role) '\(path)': \(status.st_size) bytes is more than any \(role) this reads (\(maximumBytes))")
        }
        guard access(path, R_OK) == 0 else { throw GymError("cannot read the \(role) '\(path)': permission denied") }
    }
}
