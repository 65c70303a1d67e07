import Foundation

/// Decodes image files with Python's Pillow, an independent reader, when it is installed.
enum PythonImaging {
    /// Why Pillow cannot be used, or `nil` when it can.
    static let unavailableReason: String? = {
        guard let output = try? run(["-c", "import PIL"]) else { return "python3 is not installed" }
        return output.status == 0 ? nil : "Python's Pillow is not installed (pip install pillow)"
    }()

    /// Runs `python3` with `arguments`; returns its status and standard output.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Every frame of the image at `path` as RGB bytes, with the frame count, size and loop setting Pillow reads.
    static func decode(_ path: String) throws -> (width: Int, height: Int, loop: Int?, frames: [[UInt8]]) {
        let script = """
            import json, sys
            from PIL import Image
            image = Image.open(sys.argv[1])
            frames = []
            for index in range(getattr(image, "n_frames", 1)):
                image.seek(index)
                frames.append(list(image.convert("RGB").tobytes()))
            print(json.dumps({"width": image.width, "height": image.height, "loop": image.info.get("loop"), "frames": frames}))
            """
        let result = try run(["-c", script, path])
        guard result.status == 0,
              let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any],
              let width = object["width"] as? Int, let height = object["height"] as? Int,
              let frames = object["frames"] as? [[Int]] else {
            throw DecodeError(path: path)
        }
        return (width, height, object["loop"] as? Int, frames.map { $0.map(UInt8.init) })
    }

    /// Pillow could not read the file.
    struct DecodeError: Error, CustomStringConvertible {
        var path: String
        var description: String { "Pillow could not decode '\(path)'" }
    }
}
