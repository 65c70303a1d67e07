import Environments
import Foundation
import Gym

// The C functions declared in swiftgym.h. Each one checks its arguments, does its work through the library, and
// returns a status (see CStatus); none lets a Swift error or trap reach the host process for bad input.

/// The library's version, as text.
@_cdecl("swiftgym_version")
public func swiftgym_version() -> UnsafePointer<CChar> {
    libraryVersion.pointer
}

private let libraryVersion = CText("0.1.0")

/// The calling thread's latest error message (empty before any failure), owned by the library.
@_cdecl("swiftgym_last_error")
public func swiftgym_last_error() -> UnsafePointer<CChar> {
    LastError.message
}

/// The registered environments as JSON, owned by the library for the life of the process.
@_cdecl("swiftgym_environments")
public func swiftgym_environments(_ json: UnsafeMutablePointer<UnsafePointer<CChar>?>?) -> Int32 {
    withStatus {
        try required(json, "json").pointee = EnvironmentCatalog.json.pointer
    }
}

/// Makes a batch of `count` copies of the registered environment `id`.
@_cdecl("swiftgym_make")
public func swiftgym_make(_ id: UnsafePointer<CChar>?, _ optionsJSON: UnsafePointer<CChar>?, _ count: Int64,
                          _ seed: UInt64, _ threads: Int32, _ maxEpisodeSteps: Int64, _ autoreset: Int32,
                          _ handle: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
    withStatus {
        let handle = try required(handle, "handle")
        handle.pointee = nil
        let id = String(cString: try required(id, "id"))
        let options = try MakeArguments.options(optionsJSON.map { String(cString: $0) })
        let count = try MakeArguments.count(count)
        let registry = Registry.standard
        let spec = try registry.spec(named: id)
        let limit = try MakeArguments.timeLimit(maxEpisodeSteps, registered: spec.maxEpisodeSteps)
        let environment = try registry.make(id, options: options, maxEpisodeSteps: limit,
                                            applyingTimeLimit: limit != nil)
        let settings = BatchFactory.Settings(count: count, seed: seed, threads: try MakeArguments.threads(threads),
                                             autoreset: try MakeArguments.autoreset(autoreset))
        let open = try OpenEnvironment(BatchFactory.batch(of: environment, settings), id: id, spec: spec,
                                       maxEpisodeSteps: limit)
        handle.pointee = openEnvironments.insert(open)
    }
}

/// The batch's description as JSON (spaces, render modes, limits, autoreset mode), valid until the close.
@_cdecl("swiftgym_describe")
public func swiftgym_describe(_ handle: OpaquePointer?, _ json: UnsafeMutablePointer<UnsafePointer<CChar>?>?) -> Int32 {
    withStatus {
        let json = try required(json, "json")
        json.pointee = UnsafePointer(try openEnvironments.object(handle).description)
    }
}

/// Resets the copies (those `mask` selects, or all), copy i with `*seed + i` when `seed` is not NULL, and writes every
/// copy's observation.
@_cdecl("swiftgym_reset")
public func swiftgym_reset(_ handle: OpaquePointer?, _ seed: UnsafePointer<UInt64>?, _ mask: UnsafePointer<UInt8>?,
                           _ maskCount: Int64, _ observations: UnsafeMutableRawPointer?,
                           _ observationsSize: Int64) -> Int32 {
    withStatus {
        let open = try openEnvironments.object(handle)
        let batch = open.batch
        let observations = try required(observations, "observations")
        try checkSize(Int(observationsSize), expected: batch.count * batch.observationLayout.rowSize, of: "observations")
        var selected: UnsafeBufferPointer<UInt8>?
        if let mask {
            guard maskCount == Int64(batch.count) else {
                throw CFailure(.bufferSize, "the reset mask has \(maskCount) entries; this batch has \(batch.count) copies")
            }
            selected = UnsafeBufferPointer(start: mask, count: batch.count)
        }
        batch.reset(seed: seed?.pointee, mask: selected)
        batch.copyObservations(into: observations)
    }
}

/// Steps every copy with its action and writes the observations, rewards, flags and (when `finalObservations` is not
/// NULL) the final observations of the episodes that ended.
@_cdecl("swiftgym_step")
public func swiftgym_step(_ handle: OpaquePointer?, _ actions: UnsafeRawPointer?, _ actionsSize: Int64,
                          _ observations: UnsafeMutableRawPointer?, _ observationsSize: Int64,
                          _ rewards: UnsafeMutablePointer<Double>?, _ terminated: UnsafeMutablePointer<UInt8>?,
                          _ truncated: UnsafeMutablePointer<UInt8>?, _ count: Int64,
                          _ finalObservations: UnsafeMutableRawPointer?, _ finalObservationsSize: Int64) -> Int32 {
    withStatus {
        let batch = try openEnvironments.object(handle).batch
        let actions = try required(actions, "actions")
        let observations = try required(observations, "observations")
        let rewards = try required(rewards, "rewards")
        let terminated = try required(terminated, "terminated")
        let truncated = try required(truncated, "truncated")
        guard count == Int64(batch.count) else {
            throw CFailure(.bufferSize, "the reward and flag buffers hold \(count) copies; this batch has \(batch.count)")
        }
        let observationBytes = batch.count * batch.observationLayout.rowSize
        try checkSize(Int(actionsSize), expected: batch.count * batch.actionLayout.rowSize, of: "actions")
        try checkSize(Int(observationsSize), expected: observationBytes, of: "observations")
        if finalObservations != nil {
            try checkSize(Int(finalObservationsSize), expected: observationBytes, of: "final_observations")
        }
        try batch.step(actions: actions)
        batch.copyObservations(into: observations)
        let copies = batch.count
        UnsafeMutableRawPointer(rewards).copyMemory(from: batch.rewards.baseAddress!, byteCount: copies * 8)
        UnsafeMutableRawPointer(terminated).copyMemory(from: batch.terminated.baseAddress!, byteCount: copies)
        UnsafeMutableRawPointer(truncated).copyMemory(from: batch.truncated.baseAddress!, byteCount: copies)
        if let finalObservations { batch.copyFinalObservations(into: finalObservations) }
    }
}

/// Draws copy `copy` as RGB bytes (`height * width * 3`, rows from the top), owned by the library until the next
/// render or the close.
@_cdecl("swiftgym_render_rgb")
public func swiftgym_render_rgb(_ handle: OpaquePointer?, _ copy: Int64, _ pixels: UnsafeMutablePointer<UnsafePointer<UInt8>?>?,
                                _ height: UnsafeMutablePointer<Int64>?, _ width: UnsafeMutablePointer<Int64>?) -> Int32 {
    withStatus {
        let open = try openEnvironments.object(handle)
        let (pixels, height, width) = (try required(pixels, "pixels"), try required(height, "height"), try required(width, "width"))
        guard let frame = open.batch.frame(of: try open.checkCopy(copy)) else {
            throw CFailure(.unsupported, "this environment draws no frames (render modes: \(open.batch.renderModes))")
        }
        pixels.pointee = open.keepRendering(frame.pixels).assumingMemoryBound(to: UInt8.self)
        height.pointee = Int64(frame.height)
        width.pointee = Int64(frame.width)
    }
}

/// Copy `copy`'s text picture (Gymnasium's `ansi` mode), owned by the library until the next render or the close.
@_cdecl("swiftgym_render_text")
public func swiftgym_render_text(_ handle: OpaquePointer?, _ copy: Int64,
                                 _ text: UnsafeMutablePointer<UnsafePointer<CChar>?>?) -> Int32 {
    withStatus {
        let open = try openEnvironments.object(handle)
        let text = try required(text, "text")
        guard let picture = open.batch.text(of: try open.checkCopy(copy)) else {
            throw CFailure(.unsupported, "this environment has no text rendering (render modes: \(open.batch.renderModes))")
        }
        text.pointee = open.keepRendering(Array(picture.utf8)).assumingMemoryBound(to: CChar.self)
    }
}

/// Reads copy `copy`'s state vector (Gymnasium's `env.unwrapped.state`) into `count` doubles.
@_cdecl("swiftgym_get_state")
public func swiftgym_get_state(_ handle: OpaquePointer?, _ copy: Int64, _ values: UnsafeMutablePointer<Double>?,
                               _ count: Int64) -> Int32 {
    withStatus {
        let (batch, copy, values) = try stateArguments(handle, copy, values, count)
        guard let state = batch.stateVector(of: copy) else { throw noStateVector }
        for (index, value) in state.enumerated() { values[index] = value }
    }
}

/// Sets copy `copy`'s state vector from `count` doubles; its next step starts from there.
@_cdecl("swiftgym_set_state")
public func swiftgym_set_state(_ handle: OpaquePointer?, _ copy: Int64, _ values: UnsafePointer<Double>?,
                               _ count: Int64) -> Int32 {
    withStatus {
        let (batch, copy, values) = try stateArguments(handle, copy, values, count)
        let state = Array(UnsafeBufferPointer(start: values, count: Int(count)))
        guard state.allSatisfy(\.isFinite) else {
            throw CFailure(.invalidArgument, "a state must be finite numbers, got \(state)")
        }
        guard batch.setStateVector(state, of: copy) else { throw noStateVector }
    }
}

private let noStateVector = CFailure(.unsupported, "this environment exposes no state vector (only the classic-control tasks do)")

/// The batch, copy and values of a state call, checked: an open handle, a copy of the batch, a non-NULL buffer of
/// exactly the state's size.
private func stateArguments<Pointer>(_ handle: OpaquePointer?, _ copy: Int64, _ values: Pointer?,
                                     _ count: Int64) throws -> (any CBatch, Int, Pointer) {
    let open = try openEnvironments.object(handle)
    let values = try required(values, "values")
    let copy = try open.checkCopy(copy)
    guard open.batch.stateVectorCount > 0 else { throw noStateVector }
    guard count == Int64(open.batch.stateVectorCount) else {
        throw CFailure(.bufferSize, "this environment's state has \(open.batch.stateVectorCount) numbers, got a buffer of \(count)")
    }
    return (open.batch, copy, values)
}

/// Closes the batch and frees everything it handed out.
@_cdecl("swiftgym_close")
public func swiftgym_close(_ handle: OpaquePointer?) -> Int32 {
    withStatus {
        try openEnvironments.remove(handle)
    }
}
