/// MinAtar's frame timers: a timer that has run down to 0 fires on this frame and restarts; every frame counts one.
public enum ArcadeTimer {
    /// Plays one frame of `timer`: returns whether it had run down to 0 (its event happens this frame), restarting
    /// it at `restart` first; then counts the frame. So a timer started at `n` fires on frame `n + 1`, and one
    /// restarted at `n` fires every `n` frames.
    @inlinable @inline(__always)
    public static func fires(_ timer: inout Int, restart: Int) -> Bool {
        let fires = timer == 0
        if fires { timer = restart }
        timer -= 1
        return fires
    }
}
