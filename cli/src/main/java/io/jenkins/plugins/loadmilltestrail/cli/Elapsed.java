package io.jenkins.plugins.loadmilltestrail.cli;

import java.time.Duration;

/** Durations as people read them: "45s", "2m 05s", "1h 02m". */
final class Elapsed {
    private Elapsed() {}

    static String format(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds < 60) {
            return d.toMillis() < 1000 && !d.isZero() ? d.toMillis() + "ms" : seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format("%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }
}
