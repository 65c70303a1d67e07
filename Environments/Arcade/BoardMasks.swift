/// Bit masks of the 10x10 board's rows and columns (bit `row * 10 + column`), for moving whole planes at once.
///
/// The masks are computed constants rather than stored globals, so the per-frame rules pay no lazy-initialization
/// check for them.
public enum BoardMasks {
    /// Every cell of the board.
    @inlinable
    public static var board: UInt128 { (UInt128(1) << 100) - 1 }

    /// Every cell of `row`.
    @inlinable
    public static func row(_ row: Int) -> UInt128 {
        ((UInt128(1) << 10) - 1) << UInt128(row * 10)
    }

    /// The first `count` cells (columns `0..<count`) of `row`.
    @inlinable @inline(__always)
    public static func leadingCells(_ count: Int, ofRow row: Int) -> UInt128 {
        ((UInt128(1) << UInt128(count)) - 1) << UInt128(row * 10)
    }

    /// Every cell of `column`.
    @inlinable
    public static func column(_ column: Int) -> UInt128 {
        leftColumn << UInt128(column)
    }

    /// The left column (bits 0, 10, …, 90).
    @inlinable
    public static var leftColumn: UInt128 { 0x401_0040_1004_0100_4010_0401 }
    /// The right column (bits 9, 19, …, 99).
    @inlinable
    public static var rightColumn: UInt128 { leftColumn << 9 }

    /// `plane` moved one cell in `direction` (+1 right, −1 left); cells pushed past the edge disappear.
    @inlinable
    public static func shifted(_ plane: UInt128, columns direction: Int) -> UInt128 {
        direction > 0 ? (plane & ~rightColumn) << 1 : (plane & ~leftColumn) >> 1
    }

    /// The single-cell plane of (`row`, `column`).
    @inlinable @inline(__always)
    public static func cell(_ row: Int, _ column: Int) -> UInt128 {
        UInt128(1) << UInt128(row * 10 + column)
    }
}
