import Agents
import Gym

/// Opens an environment made by the registry as a ``CBatch`` of `count` copies, by the kind its spaces make it.
enum BatchFactory {
    /// The settings every batch is made with.
    struct Settings {
        var count: Int
        var seed: UInt64
        var threads: Int?
        var autoreset: AutoresetMode
    }

    /// A batch of `environment`; a failure when its observation and action types have no C layout.
    static func batch(of environment: any Environment, _ settings: Settings) throws -> any CBatch {
        if let environment = environment as? any DiscreteEnvironment {
            return try discrete(environment, settings)
        }
        if let environment = environment as? any FloatVectorEnvironment {
            return try floatVectors(environment, settings)
        }
        if let environment = environment as? any ContinuousControlEnvironment {
            return try continuousControl(environment, settings)
        }
        if let environment = environment as? any ChannelGridEnvironment {
            return try channelGrids(environment, settings)
        }
        if let environment = environment as? any ImageEnvironment {
            return try images(environment, settings)
        }
        let spaces = spaceDescriptions(of: environment)
        throw CFailure(.unsupported, "the C ABI passes integer, float-vector, channel-grid and image observations with discrete or float-box actions; this environment has observations \(spaces.observation) and actions \(spaces.action)")
    }

    private static func discrete<E: DiscreteEnvironment>(_ environment: E, _ settings: Settings) throws -> any CBatch {
        try TypedBatch(environment, count: settings.count, packer: ValuePacker<Int>(),
                       observationLayout: SpaceLayout(environment.observationSpace),
                       reader: DiscreteActionReader(space: environment.actionSpace), seed: settings.seed,
                       threads: settings.threads, autoreset: settings.autoreset)
    }

    private static func floatVectors<E: FloatVectorEnvironment>(_ environment: E, _ settings: Settings) throws -> any CBatch {
        let layout = SpaceLayout(environment.observationSpace)
        return try TypedBatch(environment, count: settings.count, packer: ArrayPacker<Float>(count: layout.width),
                              observationLayout: layout, reader: DiscreteActionReader(space: environment.actionSpace),
                              seed: settings.seed, threads: settings.threads, autoreset: settings.autoreset)
    }

    private static func continuousControl<E: ContinuousControlEnvironment>(_ environment: E,
                                                                           _ settings: Settings) throws -> any CBatch {
        let layout = SpaceLayout(environment.observationSpace)
        return try TypedBatch(environment, count: settings.count, packer: ArrayPacker<Float>(count: layout.width),
                              observationLayout: layout, reader: BoxActionReader(space: environment.actionSpace),
                              seed: settings.seed, threads: settings.threads, autoreset: settings.autoreset)
    }

    private static func channelGrids<E: ChannelGridEnvironment>(_ environment: E, _ settings: Settings) throws -> any CBatch {
        try TypedBatch(environment, count: settings.count, packer: ChannelGridBytePacker(environment.observationSpace),
                       observationLayout: SpaceLayout(environment.observationSpace),
                       reader: DiscreteActionReader(space: environment.actionSpace), seed: settings.seed,
                       threads: settings.threads, autoreset: settings.autoreset)
    }

    private static func images<E: ImageEnvironment>(_ environment: E, _ settings: Settings) throws -> any CBatch {
        try TypedBatch(environment, count: settings.count, packer: ImageEncoder(space: environment.observationSpace),
                       observationLayout: SpaceLayout(environment.observationSpace),
                       reader: DiscreteActionReader(space: environment.actionSpace), seed: settings.seed,
                       threads: settings.threads, autoreset: settings.autoreset)
    }
}
