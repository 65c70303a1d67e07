/// Bit masks of the 10x10 board's rows and columns (bit `row * 10 + column`), for moving whole planes at once.
public enum BoardMasks {
    /// Every cell of the board.
    public static let board: UInt128 = (UInt128(1) << 100) - 1

    /// Every cell of `row`.
    @inlinable
    public static func row(_ row: Int) -> UInt128 {
        ((UInt128(1) << 10) - 1) << UInt128(row * 10)
    }

    /// Every cell of `column`.
    public static func column(_ column: Int) -> UInt128 {
        var mask: UInt128 = 0
        for row in 0..<10 { mask |= UInt128(1) << UInt128(row * 10 + column) }
        return mask
    }

    /// The left column.
    public static let leftColumn = column(0)
    /// The right column.
    public static let rightColumn = column(9)

    /// `plane` moved one cell in `direction` (+1 right, −1 left); cells pushed past the edge disappear.
    @inlinable
    public static func shifted(_ plane: UInt128, columns direction: Int) -> UInt128 {
        direction > 0 ? (plane & ~rightColumn) << 1 : (plane & ~leftColumn) >> 1
    }

    /// The single-cell plane of (`row`, `column`).
    @inlinable
    public static func cell(_ row: Int, _ column: Int) -> UInt128 {
        UInt128(1) << UInt128(row * 10 + column)
    }
}
