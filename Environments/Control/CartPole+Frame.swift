import Foundation
import Gym

extension CartPole: FrameRendering {
    /// Frame width in pixels (Gymnasium's `screen_width`).
    public static var frameWidth: Int { 600 }
    /// Frame height in pixels (Gymnasium's `screen_height`).
    public static var frameHeight: Int { 400 }
    /// Pixels per metre (125): the track from −2.4 m to 2.4 m spans the frame, as in Gymnasium.
    public static var pixelsPerMetre: Double { Double(frameWidth) / (2 * positionLimit) }
    /// The track's row, from the top.
    public static var trackRow: Int { 300 }

    /// The colours of CartPole frames (Gymnasium's).
    public enum Palette {
        /// The sky.
        public static let background = RGB(255, 255, 255)
        /// The track line and the cart.
        public static let cart = RGB(0, 0, 0)
        /// The pole.
        public static let pole = RGB(202, 152, 101)
        /// The hinge between cart and pole.
        public static let axle = RGB(129, 132, 203)
    }

    /// The scene as Gymnasium's `rgb_array` draws it: a 600x400 white frame, the track as a black line at row
    /// ``trackRow``, a 50x30 black cart centred at `x · 125 + 300`, and a 10-pixel-wide, 125-pixel-long pole hinged
    /// 7.5 pixels above the cart's centre, leaning by the pole angle (positive to the right).
    public func frame() -> Frame {
        var frame = Frame(width: Self.frameWidth, height: Self.frameHeight, fill: Palette.background)
        let scale = Self.pixelsPerMetre
        let cartX = state.position * scale + Double(Self.frameWidth) / 2
        let trackY = Double(Self.trackRow) + 0.5
        let cartWidth = 50.0, cartHeight = 30.0, poleWidth = 10.0
        let poleLength = scale * 2 * Self.poleHalfLength
        frame.fillRectangle(x: 0, y: Self.trackRow, width: Self.frameWidth, height: 1, color: Palette.cart)
        frame.fillConvexPolygon([(cartX - cartWidth / 2, trackY - cartHeight / 2), (cartX + cartWidth / 2, trackY - cartHeight / 2),
                                 (cartX + cartWidth / 2, trackY + cartHeight / 2), (cartX - cartWidth / 2, trackY + cartHeight / 2)],
                                color: Palette.cart)
        // The pole in its own axes (u across, v along, from the hinge), turned by the angle; rows grow downwards.
        let axleY = trackY - cartHeight / 4
        let sine = sin(state.angle), cosine = cos(state.angle)
        let corners = [(-poleWidth / 2, -poleWidth / 2), (poleWidth / 2, -poleWidth / 2),
                       (poleWidth / 2, poleLength - poleWidth / 2), (-poleWidth / 2, poleLength - poleWidth / 2)]
        frame.fillConvexPolygon(corners.map { u, v in (cartX + u * cosine + v * sine, axleY - (-u * sine + v * cosine)) },
                                color: Palette.pole)
        frame.fillCircle(centerX: cartX, centerY: axleY, radius: poleWidth / 2, color: Palette.axle)
        return frame
    }
}
