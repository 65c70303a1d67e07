import Foundation

/// Tells whether the X server that `DISPLAY` names answers, before SDL tries to connect (which can block for a long
/// time, or fall back to an offscreen driver, when nothing listens).
enum XDisplayProbe {
    /// Whether something accepts connections at `display` (`:N`, `unix:N`, `host:N`, with an optional `.screen`);
    /// `nil` when the name has a form this probe does not know (SDL is then left to try).
    static func answers(_ display: String) -> Bool? {
        guard let colon = display.lastIndex(of: ":") else { return nil }
        let host = String(display[..<colon])
        let number = display[display.index(after: colon)...].split(separator: ".").first.flatMap { Int($0) }
        guard let number, (0...65_535 - 6_000).contains(number) else { return nil }
        if host.isEmpty || host == "unix" {
            let path = "/tmp/.X11-unix/X\(number)"
            return connectsToUnixSocket(path, abstract: false) || connectsToUnixSocket(path, abstract: true)
        }
        return connectsOverTCP(host: host, port: 6_000 + number)
    }

    /// Whether a Unix-domain socket at `path` (in the abstract namespace when `abstract`) accepts a connection.
    private static func connectsToUnixSocket(_ path: String, abstract: Bool) -> Bool {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let offset = abstract ? 1 : 0
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count + offset < capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index + offset] = byte }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + offset + bytes.count + (abstract ? 0 : 1))
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, length) == 0 }
        }
    }

    /// Whether `host:port` accepts a TCP connection within a second.
    private static func connectsOverTCP(host: String, port: Int) -> Bool {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var results: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &results) == 0, let first = results else { return false }
        defer { freeaddrinfo(results) }
        let descriptor = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        if connect(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 { return true }
        guard errno == EINPROGRESS else { return false }
        var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        guard poll(&poller, 1, 1_000) == 1 else { return false }
        var failure: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &failure, &size)
        return failure == 0
    }
}
