package io.jenkins.plugins.loadmilltestrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.loadmilltestrail.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The case cache from the command line: --case-cache, its variable, the default file, --no-case-cache, plan's report. */
class CliCaseCacheTest extends DemoServicesTest {

    @BeforeEach
    void seedForThisTest() {
        env.put("XDG_CACHE_HOME", dir.resolve("xdg").toString());
    }

    private Result command(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--project", DemoScenario.PROJECT, "--results",
                results.toString(), "--requests-per-minute", "60000"));
        if (command.equals("run")) {
            args.addAll(List.of("--test-plan", demo.testPlanId(), "--poll-interval", "20ms"));
        }
        args.addAll(List.of(more));
        return CliRunner.run(env, args.toArray(String[]::new));
    }

    @Test
    void theDefaultCacheIsInTheUsersCacheDirectoryAndPlanReportsAnIncrementalRead() throws Exception {
        Result run = command("run");
        assertThat(run.exitCode()).as(run.all()).isIn(0, 1);
        Path cache = dir.resolve("xdg").resolve("loadmill-testrail").resolve("case-cache.json");
        assertThat(cache).exists();
        assertThat(Files.readString(cache)).doesNotContain(DemoScenario.TESTRAIL_KEY, DemoScenario.LOADMILL_TOKEN);

        Result plan = command("plan");
        assertThat(plan.exitCode()).as(plan.all()).isZero();
        assertThat(plan.out()).contains("Case cache:", ": incremental: 0 case(s) new or changed since updated_on");
    }

    @Test
    void caseCacheFromTheEnvironmentAndNoCaseCache() throws Exception {
        Path file = dir.resolve("ci").resolve("cases.json");
        env.put("LOADMILL_TESTRAIL_CASE_CACHE", file.toString());
        Result run = command("run");
        assertThat(run.exitCode()).as(run.all()).isIn(0, 1);
        assertThat(file).exists();
        assertThat(dir.resolve("xdg")).doesNotExist();

        Result off = command("plan", "--no-case-cache");
        assertThat(off.exitCode()).as(off.all()).isZero();
        assertThat(off.out()).contains("full read: case cache off (--no-case-cache)");

        Result old = command("plan", "--case-cache-max-age", "0s");
        assertThat(old.out()).contains("full read: last full read", "older than the maximum age");
    }

    @Test
    void aMalformedMaximumAgeIsAUsageError() {
        Result result = command("plan", "--case-cache-max-age", "soon");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--case-cache-max-age", "'soon'");
    }

    @Test
    void theDefaultFileFollowsEachSystemsCacheDirectory() {
        assertThat(CaseCacheOptions.defaultFile(Map.of(), "Linux", "/home/ci"))
                .isEqualTo(Path.of("/home/ci/.cache/loadmill-testrail/case-cache.json"));
        assertThat(CaseCacheOptions.defaultFile(Map.of("XDG_CACHE_HOME", "/var/cache/ci"), "Linux", "/home/ci"))
                .isEqualTo(Path.of("/var/cache/ci/loadmill-testrail/case-cache.json"));
        assertThat(CaseCacheOptions.defaultFile(Map.of("XDG_CACHE_HOME", "relative"), "Linux", "/home/ci"))
                .as("a relative XDG_CACHE_HOME is ignored, as the XDG spec says")
                .isEqualTo(Path.of("/home/ci/.cache/loadmill-testrail/case-cache.json"));
        assertThat(CaseCacheOptions.defaultFile(Map.of(), "Mac OS X", "/Users/ci"))
                .isEqualTo(Path.of("/Users/ci/Library/Caches/loadmill-testrail/case-cache.json"));
        assertThat(CaseCacheOptions.defaultFile(Map.of("LOCALAPPDATA", "/c/Users/ci/AppData/Local"), "Windows 11", "/c/Users/ci"))
                .isEqualTo(Path.of("/c/Users/ci/AppData/Local/loadmill-testrail/case-cache.json"));
    }
}
