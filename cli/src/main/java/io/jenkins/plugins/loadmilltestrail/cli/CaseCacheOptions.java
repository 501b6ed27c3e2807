package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.sync.CaseCache;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Where publishes keep the TestRail cases they read, so the next publish reads only what changed
 * (see {@link CaseCache}). Like every option, also from {@code LOADMILL_TESTRAIL_CASE_CACHE},
 * {@code LOADMILL_TESTRAIL_NO_CASE_CACHE} and {@code LOADMILL_TESTRAIL_CASE_CACHE_MAX_AGE} or the
 * {@code --config} file.
 */
final class CaseCacheOptions {
    static final String FILE_NAME = "case-cache.json";

    @Option(names = "--case-cache", paramLabel = "FILE", order = 49,
            description = "Keep the TestRail cases read in this file, so the next publish reads only the cases changed "
                    + "since (default: case-cache.json in the user's cache directory, e.g. "
                    + "~/.cache/loadmill-testrail/). Holds no credentials; deleting it only makes the next publish read "
                    + "its suites in full.")
    Path file;

    @Option(names = "--no-case-cache", order = 52,
            description = "Read the TestRail suites in full; neither read nor write the case cache.")
    boolean off;

    @Option(names = "--case-cache-max-age", paramLabel = "DURATION", order = 53,
            description = "Read a suite in full again when its last full read is older than this (default 7d; 0s: "
                    + "always).")
    String maxAge;

    /** The cache the publish uses: off, the given file, or the default one. */
    CaseCache cache(CommandSpec spec, CliContext context) {
        if (off) {
            return CaseCache.off("--no-case-cache");
        }
        var age = OptionValues.duration(spec, maxAge, "--case-cache-max-age").orElse(CaseCache.DEFAULT_MAX_AGE);
        return CaseCache.at(file != null ? file : defaultFile(context.env(), System.getProperty("os.name", ""),
                System.getProperty("user.home", ".")), age);
    }

    /**
     * The user's cache directory: {@code $XDG_CACHE_HOME}, else {@code %LOCALAPPDATA%} on Windows,
     * {@code ~/Library/Caches} on macOS and {@code ~/.cache} elsewhere; then
     * {@code loadmill-testrail/case-cache.json}.
     */
    static Path defaultFile(Map<String, String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        String xdg = env.getOrDefault("XDG_CACHE_HOME", "");
        Path base;
        if (!xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            base = Path.of(xdg);
        } else if (os.startsWith("windows") && !env.getOrDefault("LOCALAPPDATA", "").isBlank()) {
            base = Path.of(env.get("LOCALAPPDATA"));
        } else if (os.startsWith("mac")) {
            base = Path.of(userHome, "Library", "Caches");
        } else {
            base = Path.of(userHome, ".cache");
        }
        return base.resolve("loadmill-testrail").resolve(FILE_NAME);
    }
}
