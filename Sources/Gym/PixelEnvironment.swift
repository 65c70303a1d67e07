/// An environment with numbered actions that draws itself: what the pixel preprocessing chain
/// (``NatureDQNPreprocessing``) needs. The arcade games conform.
public protocol PixelEnvironment: Environment, FrameRendering where Action == Int {}
