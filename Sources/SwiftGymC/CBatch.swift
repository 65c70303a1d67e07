import Environments
import Foundation
import Gym

/// What the C functions ask of an open batch, whatever its environment's types: one dynamic call per C call, while
/// the batch itself steps its copies through specialized generic code.
protocol CBatch: AnyObject {
    /// The number of copies.
    var count: Int { get }
    /// How one copy's observation lies in a buffer.
    var observationLayout: SpaceLayout { get }
    /// How one copy's action lies in a buffer.
    var actionLayout: SpaceLayout { get }
    /// Numbers in each copy's state vector (0: the environment exposes none).
    var stateVectorCount: Int { get }
    /// Gymnasium's render modes the environment supports (`rgb_array`, `ansi`).
    var renderModes: [String] { get }
    /// When finished copies are reset.
    var autoreset: AutoresetMode { get }

    /// Resets the copies `mask` selects (all when `nil`), copy i with `seed + i` when a seed is given.
    func reset(seed: UInt64?, mask: UnsafeBufferPointer<UInt8>?)
    /// Reads the actions from `actions` (checking every one first) and steps every copy.
    func step(actions: UnsafeRawPointer) throws
    /// Copies the current observations into `destination` (`count` rows).
    func copyObservations(into destination: UnsafeMutableRawPointer)
    /// Copies the final observations of the episodes the latest step ended into their rows of `destination`.
    func copyFinalObservations(into destination: UnsafeMutableRawPointer)
    /// The latest step's rewards, `count` values.
    var rewards: UnsafeBufferPointer<Double> { get }
    /// The latest step's terminations, `count` values.
    var terminated: UnsafeBufferPointer<Bool> { get }
    /// The latest step's truncations, `count` values.
    var truncated: UnsafeBufferPointer<Bool> { get }
    /// Copy `copy`'s picture, or `nil` when the environment draws none.
    func frame(of copy: Int) -> Frame?
    /// Copy `copy`'s text picture, or `nil` when the environment has none.
    func text(of copy: Int) -> String?
    /// Copy `copy`'s state vector, or `nil` when the environment exposes none.
    func stateVector(of copy: Int) -> [Double]?
    /// Sets copy `copy`'s state vector; `false` when the environment exposes none.
    func setStateVector(_ values: [Double], of copy: Int) -> Bool
}

/// A ``BatchedEnvironment`` of `E` behind the C ABI, with its packer and action reader.
final class TypedBatch<E: Environment, Packer: ObservationPacker, Reader: ActionReader>: CBatch
where Packer.Observation == E.Observation, Reader.Action == E.Action {
    let batch: BatchedEnvironment<E, Packer>
    let reader: Reader
    let observationLayout: SpaceLayout
    let actionLayout: SpaceLayout
    let stateVectorCount: Int
    let renderModes: [String]
    /// The actions of the next step, reused from step to step.
    private var actions: [E.Action]
    // The batch's buffers (fixed for its life), read once: the methods below are not specialized, and reaching them
    // through the generic batch on every step would look up its type's metadata each time.
    let count: Int
    let rewards: UnsafeBufferPointer<Double>
    let terminated: UnsafeBufferPointer<Bool>
    let truncated: UnsafeBufferPointer<Bool>
    private let observationBytes: UnsafeRawPointer
    private let finalObservationBytes: UnsafeRawPointer

    init(_ environment: E, count: Int, packer: Packer, observationLayout: SpaceLayout, reader: Reader, seed: UInt64,
         threads: Int?, autoreset: AutoresetMode) throws {
        batch = try BatchedEnvironment(environment, count: count, packer: packer, seed: seed, threads: threads,
                                       autoreset: autoreset)
        self.reader = reader
        self.observationLayout = observationLayout
        actionLayout = reader.layout
        stateVectorCount = environment.capability(StateVectorAccess.self)?.stateVector.count ?? 0
        renderModes = (environment.capability(FrameRendering.self) == nil ? [] : ["rgb_array"])
            + (environment.capability(TextRendering.self) == nil ? [] : ["ansi"])
        actions = Array(repeating: reader.placeholder, count: count)
        self.count = count
        rewards = batch.rewards
        terminated = batch.terminated
        truncated = batch.truncated
        observationBytes = UnsafeRawPointer(batch.observations.baseAddress!)
        finalObservationBytes = UnsafeRawPointer(batch.finalObservations.baseAddress!)
    }

    var autoreset: AutoresetMode { batch.autoreset }

    func reset(seed: UInt64?, mask: UnsafeBufferPointer<UInt8>?) {
        guard let mask else { return batch.reset(seed: seed) }
        batch.reset(copies: mask.map { $0 != 0 }, seed: seed)
    }

    // The registry makes environments at run time, behind `any Environment`; these entry points, chosen by a type
    // check at the top of the generic one, step its environments through code specialized for their types.
    @_specialize(where E == CartPole, Packer == ArrayPacker<Float>, Reader == DiscreteActionReader)
    @_specialize(where E == TimeLimit<CartPole>, Packer == ArrayPacker<Float>, Reader == DiscreteActionReader)
    @_specialize(where E == Acrobot, Packer == ArrayPacker<Float>, Reader == DiscreteActionReader)
    @_specialize(where E == TimeLimit<Acrobot>, Packer == ArrayPacker<Float>, Reader == DiscreteActionReader)
    @_specialize(where E == MountainCar, Packer == ArrayPacker<Float>, Reader == DiscreteActionReader)
    @_specialize(where E == TimeLimit<MountainCar>, Packer == ArrayPacker<Float>, Reader == DiscreteActionReader)
    @_specialize(where E == Pendulum, Packer == ArrayPacker<Float>, Reader == BoxActionReader)
    @_specialize(where E == TimeLimit<Pendulum>, Packer == ArrayPacker<Float>, Reader == BoxActionReader)
    @_specialize(where E == MountainCarContinuous, Packer == ArrayPacker<Float>, Reader == BoxActionReader)
    @_specialize(where E == TimeLimit<MountainCarContinuous>, Packer == ArrayPacker<Float>, Reader == BoxActionReader)
    @_specialize(where E == GridWorld, Packer == ValuePacker<Int>, Reader == DiscreteActionReader)
    @_specialize(where E == TimeLimit<GridWorld>, Packer == ValuePacker<Int>, Reader == DiscreteActionReader)
    @_specialize(where E == TabularMDP, Packer == ValuePacker<Int>, Reader == DiscreteActionReader)
    @_specialize(where E == TimeLimit<TabularMDP>, Packer == ValuePacker<Int>, Reader == DiscreteActionReader)
    @_specialize(where E == Breakout, Packer == ChannelGridBytePacker, Reader == DiscreteActionReader)
    @_specialize(where E == Freeway, Packer == ChannelGridBytePacker, Reader == DiscreteActionReader)
    @_specialize(where E == SpaceInvaders, Packer == ChannelGridBytePacker, Reader == DiscreteActionReader)
    @_specialize(where E == Asterix, Packer == ChannelGridBytePacker, Reader == DiscreteActionReader)
    @_specialize(where E == Seaquest, Packer == ChannelGridBytePacker, Reader == DiscreteActionReader)
    func step(actions buffer: UnsafeRawPointer) throws {
        try reader.read(buffer, into: &actions)
        try batch.step(actions)
    }

    func copyObservations(into destination: UnsafeMutableRawPointer) {
        destination.copyMemory(from: observationBytes, byteCount: count * observationLayout.rowSize)
    }

    func copyFinalObservations(into destination: UnsafeMutableRawPointer) {
        let rowSize = observationLayout.rowSize
        for copy in 0..<count where terminated[copy] || truncated[copy] {
            (destination + copy * rowSize).copyMemory(from: finalObservationBytes + copy * rowSize, byteCount: rowSize)
        }
    }

    func frame(of copy: Int) -> Frame? {
        batch.environment(at: copy).capability(FrameRendering.self)?.frame()
    }

    func text(of copy: Int) -> String? {
        batch.environment(at: copy).capability(TextRendering.self)?.text()
    }

    func stateVector(of copy: Int) -> [Double]? {
        batch.environment(at: copy).capability(StateVectorAccess.self)?.stateVector
    }

    func setStateVector(_ values: [Double], of copy: Int) -> Bool {
        batch.modifyEnvironment(at: copy) { environment in
            environment.modifyCapability(StateVectorAccess.self) { $0.stateVector = values }
        }
    }
}
