import Foundation
import Gym
import Synchronization

/// One batch made through the C ABI, with the description and the latest picture it hands out as C memory.
final class OpenEnvironment {
    let batch: any CBatch
    /// The JSON `swiftgym_describe` returns, valid while the environment is open.
    let description: UnsafeMutablePointer<CChar>
    /// The latest frame or text handed out by `swiftgym_render_*`, valid until the next render or the close.
    private var rendered: UnsafeMutableRawPointer?

    init(_ batch: any CBatch, id: String, spec: EnvironmentSpec, maxEpisodeSteps: Int?) throws {
        self.batch = batch
        let document: [String: Any] = [
            "id": id,
            "name": spec.canonicalName,
            "num_envs": batch.count,
            "observation_space": batch.observationLayout.json,
            "action_space": batch.actionLayout.json,
            "render_modes": batch.renderModes,
            "render_fps": spec.renderFPS,
            "reward_threshold": spec.rewardThreshold ?? NSNull(),
            "max_episode_steps": maxEpisodeSteps ?? NSNull(),
            "autoreset_mode": batch.autoreset.rawValue,
            "state_vector_size": batch.stateVectorCount,
        ]
        description = strdup(try jsonText(document))
    }

    deinit {
        free(description)
        rendered?.deallocate()
    }

    /// Keeps `bytes` as the latest rendering (with a terminating zero), returning where they now lie.
    func keepRendering(_ bytes: some Collection<UInt8>) -> UnsafeRawPointer {
        rendered?.deallocate()
        let stored = UnsafeMutableRawPointer.allocate(byteCount: bytes.count + 1, alignment: 1)
        let buffer = stored.bindMemory(to: UInt8.self, capacity: bytes.count + 1)
        _ = UnsafeMutableBufferPointer(start: buffer, count: bytes.count).initialize(from: bytes)
        buffer[bytes.count] = 0
        rendered = stored
        return UnsafeRawPointer(stored)
    }

    /// `copy`, or a failure when it is not one of the batch's.
    func checkCopy(_ copy: Int64) throws -> Int {
        guard copy >= 0, copy < Int64(batch.count) else {
            throw CFailure(.invalidArgument, "copy \(copy) is outside this batch of \(batch.count) (valid: 0...\(batch.count - 1))")
        }
        return Int(copy)
    }
}

/// The open environments by handle: a handle that was never made, or was closed, is refused instead of followed.
let openEnvironments = HandleTable<OpenEnvironment>(noun: "environment", maker: "swiftgym_make")

/// Objects handed to C as opaque handles: a handle that was never made, or was closed, is refused instead of
/// followed.
final class HandleTable<Object: AnyObject>: Sendable {
    /// The addresses of the open handles; each holds one retain of its object.
    private let open = Mutex<Set<UInt>>([])
    /// What the handles are, and the function that makes them, for messages.
    private let noun: String
    private let maker: String

    init(noun: String, maker: String) {
        self.noun = noun
        self.maker = maker
    }

    /// A new handle for `object`.
    func insert(_ object: Object) -> OpaquePointer {
        let handle = Unmanaged.passRetained(object).toOpaque()
        _ = open.withLock { $0.insert(UInt(bitPattern: handle)) }
        return OpaquePointer(handle)
    }

    /// The object behind `handle`.
    func object(_ handle: OpaquePointer?) throws -> Object {
        let address = try openAddress(handle)
        return Unmanaged<Object>.fromOpaque(UnsafeRawPointer(bitPattern: address)!).takeUnretainedValue()
    }

    /// Forgets `handle` and frees its object.
    func remove(_ handle: OpaquePointer?) throws {
        let address = try openAddress(handle)
        // Only the call that takes the address out of the set releases it, even when two threads close at once.
        guard open.withLock({ $0.remove(address) != nil }) else { throw notOpen }
        Unmanaged<Object>.fromOpaque(UnsafeRawPointer(bitPattern: address)!).release()
    }

    private var notOpen: CFailure {
        CFailure(.invalidHandle, "this \(noun) handle is not open (closed already, or never made by \(maker))")
    }

    private func openAddress(_ handle: OpaquePointer?) throws -> UInt {
        guard let handle else { throw CFailure(.invalidHandle, "the \(noun) handle is NULL") }
        let address = UInt(bitPattern: UnsafeRawPointer(handle))
        guard open.withLock({ $0.contains(address) }) else { throw notOpen }
        return address
    }
}

/// `document` as compact JSON text.
func jsonText(_ document: Any) throws -> String {
    let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
}
