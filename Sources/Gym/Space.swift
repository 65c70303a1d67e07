/// A set of values an environment can observe or accept, with Gymnasium's two core operations.
public protocol Space: CustomStringConvertible {
    /// The values in the set.
    associatedtype Element

    /// A random element, drawn with `generator` (uniform where the space is bounded).
    func sample(using generator: inout RandomGenerator) -> Element

    /// Whether `element` belongs to the space.
    func contains(_ element: Element) -> Bool
}
