import Foundation
import Gym

extension MountainCar: FrameRendering {
    /// Frame width in pixels (Gymnasium's `screen_width`).
    public static var frameWidth: Int { 600 }
    /// Frame height in pixels (Gymnasium's `screen_height`).
    public static var frameHeight: Int { 400 }
    /// Pixels per unit of position and height (about 333.3): the track from −1.2 to 0.6 spans the frame.
    public static var pixelsPerUnit: Double { Double(frameWidth) / (maxPosition - minPosition) }

    /// The colours of mountain-car frames (Gymnasium's), for both ``MountainCar`` and ``MountainCarContinuous``.
    public enum Palette {
        /// The sky.
        public static let background = RGB(255, 255, 255)
        /// The track, the car's body and the flagpole.
        public static let ink = RGB(0, 0, 0)
        /// The wheels.
        public static let wheel = RGB(128, 128, 128)
        /// The flag.
        public static let flag = RGB(204, 204, 0)
    }

    public func frame() -> Frame {
        Self.scene(carAt: state.position, flagAt: Self.goalPosition)
    }

    /// The hill with the car at `position` and the flag at `flagPosition`, as Gymnasium's `rgb_array` draws it: a
    /// 600x400 white frame, the track ``height(_:)`` as a black line through 100 points, a 40x20 black car standing
    /// 10 pixels above the track, tilted by cos(3x) radians, with two grey wheels of radius 8 under it, and a 50-pixel
    /// black flagpole topped by a yellow pennant.
    static func scene(carAt position: Double, flagAt flagPosition: Double) -> Frame {
        let width = frameWidth, height = frameHeight, scale = pixelsPerUnit
        var frame = Frame(width: width, height: height, fill: Palette.background)
        // Gymnasium draws with y up; rows grow downwards.
        func pixel(_ x: Double, _ y: Double) -> (x: Double, y: Double) { (x, Double(height) - y) }
        let track = (0..<100).map { index in
            let x = minPosition + (maxPosition - minPosition) * Double(index) / 99
            return pixel((x - minPosition) * scale, Self.height(x) * scale)
        }
        for (start, end) in zip(track, track.dropFirst()) {
            frame.drawLine(from: start, to: end, width: 2, color: Palette.ink)
        }
        // The car's corners and wheel centres in its own axes, turned by the tilt and moved onto the track.
        let tilt = cos(3 * position), clearance = 10.0
        let anchor = (x: (position - minPosition) * scale, y: clearance + Self.height(position) * scale)
        func placed(_ u: Double, _ v: Double) -> (x: Double, y: Double) {
            pixel(anchor.x + u * cos(tilt) - v * sin(tilt), anchor.y + u * sin(tilt) + v * cos(tilt))
        }
        frame.fillConvexPolygon([placed(-20, 0), placed(-20, 20), placed(20, 20), placed(20, 0)], color: Palette.ink)
        for wheel in [placed(10, 0), placed(-10, 0)] {
            frame.fillCircle(centerX: wheel.x, centerY: wheel.y, radius: 8, color: Palette.wheel)
        }
        let flagX = Int((flagPosition - minPosition) * scale), poleBottom = Int(Self.height(flagPosition) * scale)
        let poleTop = poleBottom + 50
        frame.fillRectangle(x: flagX, y: height - poleTop, width: 1, height: 50, color: Palette.ink)
        frame.fillConvexPolygon([pixel(Double(flagX), Double(poleTop)), pixel(Double(flagX), Double(poleTop - 10)),
                                 pixel(Double(flagX + 25), Double(poleTop - 5))], color: Palette.flag)
        return frame
    }
}
