import Foundation
import Gym

extension Acrobot: FrameRendering {
    /// Frame width and height in pixels (Gymnasium's `SCREEN_DIM`).
    public static var frameSize: Int { 500 }
    /// Pixels per metre (about 113.6): a square of ±2.2 m around the pivot, both links and 0.2 m more, spans the
    /// frame, as in Gymnasium.
    public static var pixelsPerMetre: Double { Double(frameSize) / (2 * (linkLength1 + linkLength2 + 0.2)) }

    /// The colours of Acrobot frames (Gymnasium's).
    public enum Palette {
        /// The background.
        public static let background = RGB(255, 255, 255)
        /// The line the free end must rise above.
        public static let goalLine = RGB(0, 0, 0)
        /// Both links.
        public static let link = RGB(0, 204, 204)
        /// The pivot and the joint between the links.
        public static let joint = RGB(204, 204, 0)
    }

    /// The scene as Gymnasium's `rgb_array` draws it: a 500x500 white frame, the goal line in black one link length
    /// above the pivot (at the frame's centre), each link a cyan band 0.2 m wide from its joint, and a yellow disc of
    /// radius 0.1 m on the pivot and on the joint between the links.
    public func frame() -> Frame {
        let size = Self.frameSize, scale = Self.pixelsPerMetre, centre = Double(size) / 2
        var frame = Frame(width: size, height: size, fill: Palette.background)
        frame.fillRectangle(x: 0, y: Int(centre - Self.linkLength1 * scale), width: size, height: 1, color: Palette.goalLine)
        // A point x metres right of the pivot and y metres above it; rows grow downwards.
        func pixel(_ x: Double, _ y: Double) -> (x: Double, y: Double) { (centre + x * scale, centre - y * scale) }
        let joint = (x: Self.linkLength1 * sin(state.angle1), y: -Self.linkLength1 * cos(state.angle1))
        let secondAngle = state.angle1 + state.angle2
        let end = (x: joint.x + Self.linkLength2 * sin(secondAngle), y: joint.y - Self.linkLength2 * cos(secondAngle))
        for (start, stop) in [((x: 0.0, y: 0.0), joint), (joint, end)] {
            let from = pixel(start.x, start.y)
            frame.drawLine(from: from, to: pixel(stop.x, stop.y), width: 0.2 * scale, color: Palette.link)
            frame.fillCircle(centerX: from.x, centerY: from.y, radius: 0.1 * scale, color: Palette.joint)
        }
        return frame
    }
}
