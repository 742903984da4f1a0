package dev.jcoder.codersdk.agentsdk;

import java.time.Duration;

/** The server's answer to a stats report: when to send the next one, in <b>nanoseconds</b> (a Go duration). */
public record StatsResponse(long reportInterval) {
    public static StatsResponse of(Duration interval) {
        return new StatsResponse(interval.toNanos());
    }

    public Duration interval() {
        return Duration.ofNanos(reportInterval);
    }
}
