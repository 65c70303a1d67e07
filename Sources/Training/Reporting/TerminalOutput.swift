import Foundation

/// Writes to standard error, where progress lines and rendered frames go (stdout carries only results).
public enum TerminalOutput {
    /// Whether standard error is a terminal (progress then rewrites one line in place).
    public static let isTerminal = isatty(FileHandle.standardError.fileDescriptor) != 0

    /// Writes `text` to standard error as is.
    public static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
