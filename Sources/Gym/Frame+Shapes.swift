extension Frame {
    /// Paints the disc of `radius` pixels around (`centerX`, `centerY`), clipped to the frame.
    ///
    /// A pixel is inside when its centre lies within the radius, so the disc is symmetric about its centre.
    public mutating func fillCircle(centerX: Double, centerY: Double, radius: Double, color: RGB) {
        let top = max(0, Int((centerY - radius).rounded(.down)))
        let bottom = min(height - 1, Int((centerY + radius).rounded(.up)))
        guard top <= bottom else { return }
        for row in top...bottom {
            let dy = Double(row) + 0.5 - centerY
            let squared = radius * radius - dy * dy
            guard squared >= 0 else { continue }
            let halfWidth = squared.squareRoot()
            // Columns whose centres x + 0.5 lie in [centerX - halfWidth, centerX + halfWidth].
            let left = Int((centerX - halfWidth - 0.5).rounded(.up))
            let right = Int((centerX + halfWidth - 0.5).rounded(.down))
            fillRectangle(x: left, y: row, width: right - left + 1, height: 1, color: color)
        }
    }

    /// Paints the straight band `width` pixels wide whose centre line runs from `start` to `end`, with square ends
    /// (a rectangle turned to the line), clipped to the frame: a line, a rod or a link.
    public mutating func drawLine(from start: (x: Double, y: Double), to end: (x: Double, y: Double), width: Double,
                                  color: RGB) {
        let dx = end.x - start.x, dy = end.y - start.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0 else { return }
        // Half the width along the line's normal.
        let normalX = -dy / length * width / 2, normalY = dx / length * width / 2
        fillConvexPolygon([(start.x + normalX, start.y + normalY), (end.x + normalX, end.y + normalY),
                           (end.x - normalX, end.y - normalY), (start.x - normalX, start.y - normalY)], color: color)
    }

    /// Paints the convex polygon with `corners` (in order, either winding), clipped to the frame.
    ///
    /// A pixel is inside when its centre is inside the polygon or on its edge.
    public mutating func fillConvexPolygon(_ corners: [(x: Double, y: Double)], color: RGB) {
        guard corners.count >= 3 else { return }
        let ys = corners.map(\.y)
        let top = max(0, Int((ys.min()! - 0.5).rounded(.up)))
        let bottom = min(height - 1, Int((ys.max()! - 0.5).rounded(.down)))
        guard top <= bottom else { return }
        for row in top...bottom {
            let y = Double(row) + 0.5
            // The row's span is where the horizontal line meets the polygon's edges.
            var low = Double.infinity, high = -Double.infinity
            for index in corners.indices {
                let a = corners[index], b = corners[(index + 1) % corners.count]
                if a.y == b.y {
                    if a.y == y { low = min(low, a.x, b.x); high = max(high, a.x, b.x) }
                    continue
                }
                guard (min(a.y, b.y)...max(a.y, b.y)).contains(y) else { continue }
                let x = a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y)
                low = min(low, x)
                high = max(high, x)
            }
            guard low <= high else { continue }
            let left = Int((low - 0.5).rounded(.up))
            let right = Int((high - 0.5).rounded(.down))
            fillRectangle(x: left, y: row, width: right - left + 1, height: 1, color: color)
        }
    }
}
