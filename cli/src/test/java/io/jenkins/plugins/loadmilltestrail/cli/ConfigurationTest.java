package io.jenkins.plugins.loadmilltestrail.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.loadmilltestrail.cli.CliRunner.Result;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.Launch;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.TestPlanScenario;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimFieldConfig;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Option values from LOADMILL_TESTRAIL_* variables and from --config FILE, end to end against both simulators. */
class ConfigurationTest extends DemoServicesTest {
    private TestPlanScenario smoke;

    @BeforeEach
    void seedForThisTest() {
        smoke = loadmill.addTestPlan("Smoke").suite("Checkout", s -> s.passed("Add item to cart").passed("Pay by card"));
    }

    private Result run(String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--test-plan", smoke.id(), "--results", results.toString(),
                "--poll-interval", "20ms", "--requests-per-minute", "60000"));
        args.addAll(List.of(more));
        return CliRunner.run(env, args.toArray(String[]::new));
    }

    private Path configFile(String yaml, String permissions) throws IOException {
        Path file = dir.resolve("loadmill-testrail.yml");
        Files.writeString(file, yaml);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        }
        return file;
    }

    private String runName() {
        assertThat(testRail.runs()).hasSize(1);
        return testRail.runs().get(0).name();
    }

    @Test
    void everyOptionCanComeFromALoadmillTestRailVariable() {
        env.put("LOADMILL_TESTRAIL_PROJECT", DemoScenario.PROJECT);
        env.put("LOADMILL_TESTRAIL_AUTO_CREATE", "true");
        env.put("LOADMILL_TESTRAIL_RUN_NAME", "From the environment");
        env.put("LOADMILL_TESTRAIL_PARAM", "host=staging.example.com\nuser=ci");
        env.put("LOADMILL_TESTRAIL_LABELS", "smoke,api\ncheckout");

        Result result = run();

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(runName()).isEqualTo("From the environment");
        Launch launch = loadmill.launches().get(0);
        assertThat(launch.overrideParameters()).containsExactly(Map.entry("host", "staging.example.com"), Map.entry("user", "ci"));
        assertThat(launch.list("labels")).containsExactly("smoke", "api", "checkout");
    }

    @Test
    void flagsWinOverVariablesWhichWinOverTheConfigFile() throws IOException {
        Path config = configFile("""
                project: No such project
                run-name: From the file
                auto-create: true
                """, "rw-r--r--");
        env.put("LOADMILL_TESTRAIL_PROJECT", DemoScenario.PROJECT);

        Result fileAndVariable = run("--config", config.toString());
        assertThat(fileAndVariable.exitCode()).as(fileAndVariable.all()).isZero();
        assertThat(runName()).isEqualTo("From the file");

        env.put("LOADMILL_TESTRAIL_RUN_NAME", "From the environment");
        Result flag = run("--config", config.toString(), "--run-name", "From the flag");
        assertThat(flag.exitCode()).as(flag.all()).isZero();
        assertThat(testRail.runs()).extracting(r -> r.name()).containsExactly("From the file", "From the flag");
    }

    @Test
    void theConfigFileTakesTheSameKeysListsAndMaps() throws IOException {
        env.remove(EnvironmentVariables.TESTRAIL_URL);
        env.remove(EnvironmentVariables.TESTRAIL_USER);
        Path config = configFile("""
                testrail-url: %s
                testrail-user: %s
                project: %s
                auto-create: true
                tag: [nightly, api]
                param:
                  host: staging.example.com
                case-map:
                  - Add item to cart=C1
                """.formatted(testRail.url(), DemoScenario.TESTRAIL_USER, DemoScenario.PROJECT), "rw-r--r--");

        Result result = run("--config=" + config);

        assertThat(result.exitCode()).as(result.all()).isIn(0, 4);
        Launch launch = loadmill.launches().get(0);
        assertThat(launch.list("tags")).containsExactly("nightly", "api");
        assertThat(launch.overrideParameters()).containsExactly(Map.entry("host", "staging.example.com"));
        assertThat(result.all()).contains("C1");
    }

    @Test
    void theConfigFileDocsCliMdShowsWorksAsShown() throws IOException {
        String shown = DocExamples.of(Path.of("..", "docs", "cli.md"))
                .under("Configuration: flags, variables, a config file", "yaml").get(0).text();
        testRail.addResultField("environment", "Environment", 6,
                SimFieldConfig.globalConfig(false, "").withItems("1, Staging", "2, Production"));
        testRail.addResultField("browsers", "Browsers", 12,
                SimFieldConfig.globalConfig(false, "").withItems("1, Chrome", "2, Firefox", "3, Safari"));
        env.putAll(Map.of("JOB_NAME", "shop-nightly", "BUILD_NUMBER", "42")); // the variables flags and env win over the file
        Path config = configFile(shown, "rw-r--r--");

        Result result = run("--config", config.toString(), "--summary", summary.toString());

        assertThat(result.exitCode()).as("C123, the pin of the example, is not in this TestRail: " + result.all()).isEqualTo(4);
        assertThat(result.err()).contains("C123");
        Launch launch = loadmill.launches().get(0);
        assertThat(launch.list("tags")).containsExactly("nightly", "api");
        assertThat(launch.overrideParameters()).containsExactly(Map.entry("host", "staging.example.com"));
        assertThat(runName()).isEqualTo("shop-nightly #42");
        assertThat(testRail.results(testRail.runs().get(0).id())).isNotEmpty().allSatisfy(r -> assertThat(r.fields())
                .containsEntry("custom_environment", 1).containsEntry("custom_browsers", List.of(1, 2)));
    }

    @Test
    void aSecretInAConfigFileOthersCanReadIsRefused() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        env.remove(EnvironmentVariables.TESTRAIL_API_KEY);
        String yaml = "project: %s\ntestrail-key: %s\n".formatted(DemoScenario.PROJECT, DemoScenario.TESTRAIL_KEY);
        Path readable = configFile(yaml, "rw-r-----");

        Result refused = run("--config", readable.toString());

        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
        assertThat(refused.err()).contains("holds testrail-key, but other users may read it (rw-r-----)",
                "chmod 600 " + readable, "set TESTRAIL_API_KEY instead").doesNotContain(DemoScenario.TESTRAIL_KEY);
        assertThat(loadmill.launches()).isEmpty();

        Path ownerOnly = configFile(yaml, "rw-------");
        Result accepted = run("--config", ownerOnly.toString());
        assertThat(accepted.exitCode()).as(accepted.all()).isZero();
        assertThat(accepted.all()).doesNotContain("process list").doesNotContain(DemoScenario.TESTRAIL_KEY);
    }

    @Test
    void aProxyPasswordInAConfigFileIsASecretToo() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path readable = configFile("proxy: http://ci:proxy-s3cret@127.0.0.1:3128\n", "rw-r--r--");

        Result refused = run("--project", DemoScenario.PROJECT, "--config", readable.toString());

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("holds proxy, but other users may read it").doesNotContain("proxy-s3cret");
    }

    @Test
    void theOlderVariablesStillWorkAndTheNewNamesWinOverThem() {
        env.put("LOADMILL_TESTRAIL_TESTRAIL_USER", "nobody@example.com");

        Result result = run("--project", DemoScenario.PROJECT);

        assertThat(result.exitCode()).as("the new name wins, and that user does not exist: " + result.all()).isEqualTo(4);
        assertThat(loadmill.launches()).isEmpty();
    }

    @Test
    void aSecretFromTheNewVariableGivesNoProcessListWarning() {
        env.remove(EnvironmentVariables.TESTRAIL_API_KEY);
        env.put("LOADMILL_TESTRAIL_TESTRAIL_KEY", DemoScenario.TESTRAIL_KEY);

        Result result = run("--project", DemoScenario.PROJECT);

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.all()).doesNotContain("process list");
    }

    @Test
    void aMalformedValueNamesWhereItCameFrom() throws IOException {
        env.put("LOADMILL_TESTRAIL_REQUESTS_PER_MINUTE", "lots");
        Result variable = CliRunner.run(env, "publish", "--results", "r.json", "--project", "P");
        assertThat(variable.exitCode()).isEqualTo(2);
        assertThat(variable.err()).contains("--requests-per-minute", "lots",
                "came from the environment variable LOADMILL_TESTRAIL_REQUESTS_PER_MINUTE");
        env.remove("LOADMILL_TESTRAIL_REQUESTS_PER_MINUTE");

        Path config = configFile("testrail-read-timeout: 30\n", "rw-------");
        Result file = CliRunner.run(env, "publish", "--results", "r.json", "--project", "P", "--config", config.toString());
        assertThat(file.exitCode()).isEqualTo(2);
        assertThat(file.err()).contains("--testrail-read-timeout", "30s", "came from the config file " + config);
    }

    @Test
    void anUnknownKeyOrAMissingFileIsAUsageError() throws IOException {
        Path typo = configFile("projet: Shop\n", "rw-------");
        Result unknown = run("--config", typo.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("has the key 'projet', which is no option");

        Path nested = configFile("config: other.yml\n", "rw-------");
        assertThat(run("--config", nested.toString()).err()).contains("has the key 'config', which is no option");

        Result missing = run("--config", dir.resolve("missing.yml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("missing.yml does not exist");
        assertThat(loadmill.launches()).isEmpty();
    }

    @Test
    void aKeyOfAnotherCommandIsLeftToThatCommand() throws IOException {
        Path config = configFile("test-plan: %s\nproject: %s\n".formatted(smoke.id(), DemoScenario.PROJECT), "rw-------");
        Result run = CliRunner.run(env, "run", "--config", config.toString(), "--results", results.toString(),
                "--poll-interval", "20ms", "--auto-create");
        assertThat(run.exitCode()).as(run.all()).isZero();

        Result publish = CliRunner.run(env, "publish", "--config", config.toString(), "--results", results.toString());
        assertThat(publish.exitCode()).as(publish.all()).isZero();
    }
}
