import Foundation
import Gym

extension Pendulum: FrameRendering {
    /// Frame width and height in pixels (Gymnasium's `screen_dim`).
    public static var frameSize: Int { 500 }
    /// Pixels per metre (about 113.6): a square of ±2.2 m around the pivot spans the frame, as in Gymnasium.
    public static var pixelsPerMetre: Double { Double(frameSize) / 4.4 }

    /// The colours of Pendulum frames (Gymnasium's).
    public enum Palette {
        /// The background.
        public static let background = RGB(255, 255, 255)
        /// The rod and its rounded ends.
        public static let rod = RGB(204, 77, 77)
        /// The axle at the pivot.
        public static let axle = RGB(0, 0, 0)
    }

    /// The scene as Gymnasium's `rgb_array` draws it, without its torque arrow: a 500x500 white frame, the rod as a
    /// red band 0.2 m wide and one ``length`` long from the pivot at the centre (upright at angle 0, turning
    /// counterclockwise), a red disc of radius 0.1 m at each end and a black axle of radius 0.05 m on the pivot.
    public func frame() -> Frame {
        let size = Self.frameSize, scale = Self.pixelsPerMetre, centre = Double(size / 2)
        var frame = Frame(width: size, height: size, fill: Palette.background)
        // Rows grow downwards: the tip, −sin θ right and cos θ up of the pivot, is at centre − cos θ · scale.
        let tip = (x: centre - Self.length * sin(state.angle) * scale, y: centre - Self.length * cos(state.angle) * scale)
        frame.drawLine(from: (centre, centre), to: tip, width: 0.2 * scale, color: Palette.rod)
        for end in [(x: centre, y: centre), tip] {
            frame.fillCircle(centerX: end.x, centerY: end.y, radius: 0.1 * scale, color: Palette.rod)
        }
        frame.fillCircle(centerX: centre, centerY: centre, radius: 0.05 * scale, color: Palette.axle)
        return frame
    }
}
