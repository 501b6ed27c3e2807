package io.jenkins.plugins.loadmilltestrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.loadmilltestrail.cli.CliRunner.Result;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.TestPlanScenario;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** --proxy and the proxy variables, --ca-cert, --connect-timeout/--read-timeout and --results-batch-size, end to end. */
class NetworkOptionsTest extends DemoServicesTest {
    private static final String PROXY_PASSWORD = "proxy-s3cret";

    private TestPlanScenario smoke;

    @BeforeEach
    void seedForThisTest() {
        smoke = loadmill.addTestPlan("Smoke").suite("Checkout", s -> s.passed("Add item to cart").passed("Pay by card")
                .passed("Apply coupon").passed("Remove item").passed("Pay by invoice"));
    }

    private Result run(String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--test-plan", smoke.id(), "--project", DemoScenario.PROJECT,
                "--auto-create", "--results", results.toString(), "--poll-interval", "20ms", "--requests-per-minute", "60000",
                "--testrail-retry-wait", "100ms"));
        args.addAll(List.of(more));
        return CliRunner.run(env, args.toArray(String[]::new));
    }

    private static String hostPort(String url) {
        URI uri = URI.create(url);
        return uri.getHost() + ":" + uri.getPort();
    }

    @Test
    void theProxyFlagCarriesBothServicesWithItsCredentials() throws Exception {
        try (LoopbackServers.Proxy proxy = new LoopbackServers.Proxy("ci", PROXY_PASSWORD)) {
            Result result = run("--proxy", "http://ci:" + PROXY_PASSWORD + "@127.0.0.1:" + proxy.port());

            assertThat(result.exitCode()).as(result.all()).isZero();
            assertThat(proxy.forwarded).contains(hostPort(loadmill.url()), hostPort(testRail.url()));
            assertThat(result.err()).contains("--proxy with a password works, but other users of this machine can see flags");
            assertThat(result.all()).doesNotContain(PROXY_PASSWORD);
        }
    }

    @Test
    void theProxyVariablesAreHonouredAndNoProxyGoesDirect() throws Exception {
        try (LoopbackServers.Proxy proxy = new LoopbackServers.Proxy("ci", PROXY_PASSWORD)) {
            env.put("HTTP_PROXY", "http://ci:" + PROXY_PASSWORD + "@127.0.0.1:" + proxy.port());
            env.put("NO_PROXY", "localhost, " + hostPort(loadmill.url()));

            Result result = run();

            assertThat(result.exitCode()).as(result.all()).isZero();
            assertThat(proxy.forwarded).isNotEmpty().allMatch(hostPort(testRail.url())::equals);
            assertThat(result.all()).doesNotContain(PROXY_PASSWORD).doesNotContain("process list");
        }
    }

    @Test
    void aProxyThatRefusesTheCredentialsStopsTheRunBeforeLoadmill() throws Exception {
        try (LoopbackServers.Proxy proxy = new LoopbackServers.Proxy("ci", PROXY_PASSWORD)) {
            Result result = run("--proxy", "http://127.0.0.1:" + proxy.port(), "--summary", dir.resolve("s.json").toString());

            assertThat(result.exitCode()).as(result.all()).isNotZero();
            assertThat(proxy.refused).isNotEmpty();
            assertThat(proxy.forwarded).isEmpty();
        }
    }

    @Test
    void aMalformedProxyIsAUsageErrorThatHidesItsPassword() {
        Result socks = run("--proxy", "socks5://ci:" + PROXY_PASSWORD + "@127.0.0.1:1080");
        assertThat(socks.exitCode()).isEqualTo(2);
        assertThat(socks.err()).contains("only HTTP proxies").contains("socks5://****@127.0.0.1:1080")
                .doesNotContain(PROXY_PASSWORD);
        assertThat(loadmill.launches()).isEmpty();
    }

    @Test
    void caCertTrustsASelfHostedTestRailsPrivateCertificate() throws Exception {
        Path front = Files.createDirectories(dir.resolve("tls"));
        try (LoopbackServers.HttpsFront https = new LoopbackServers.HttpsFront(front, testRail.url())) {
            env.put(EnvironmentVariables.TESTRAIL_URL, https.url(URI.create(testRail.url()).getRawPath()));
            assertThat(CliRunner.run(env, "plan", "--test-plan", smoke.id(), "--project", DemoScenario.PROJECT,
                    "--results", results.toString(), "--poll-interval", "20ms", "--testrail-retry-wait", "100ms").exitCode())
                    .as("collected, but TestRail's certificate is not trusted").isEqualTo(4);

            Result untrusted = CliRunner.run(env, "publish", "--results", results.toString(), "--project", DemoScenario.PROJECT,
                    "--auto-create", "--testrail-retry-wait", "100ms");
            assertThat(untrusted.exitCode()).as(untrusted.all()).isEqualTo(4);
            assertThat(untrusted.err()).contains("certification path");
            assertThat(testRail.runs()).isEmpty();

            Result trusted = CliRunner.run(env, "publish", "--results", results.toString(), "--project", DemoScenario.PROJECT,
                    "--auto-create", "--ca-cert", https.caPem.toString());
            assertThat(trusted.exitCode()).as(trusted.all()).isZero();
            assertThat(testRail.runs()).hasSize(1);
            assertThat(testRail.results(testRail.runs().get(0).id())).hasSize(5);
        }
    }

    @Test
    void theRecoveryCommandKeepsTheNetworkCacheAndExitCodeOptionsSoItWorksAsPrinted() throws Exception {
        // docs/cli.md: the printed publish command works as printed; a self-hosted TestRail needs its --ca-cert.
        Path front = Files.createDirectories(dir.resolve("tls"));
        try (LoopbackServers.HttpsFront https = new LoopbackServers.HttpsFront(front, testRail.url())) {
            env.put(EnvironmentVariables.TESTRAIL_URL, https.url(URI.create(testRail.url()).getRawPath()));
            testRail.faults().always("add_results_for_cases", Fault.status(503, "{\"error\":\"Service unavailable\"}"));
            Path cache = dir.resolve("cases.json");
            Result cut = run("--ca-cert", https.caPem.toString(), "--connect-timeout", "5s", "--case-cache", cache.toString(),
                    "--fail-on", "never");
            assertThat(cut.exitCode()).as(cut.all()).isEqualTo(4);
            Matcher printed = Pattern.compile("Run `loadmill-testrail (publish [^`]+)` to finish").matcher(cut.err());
            assertThat(printed.find()).as(cut.err()).isTrue();
            assertThat(printed.group(1)).contains("--ca-cert " + https.caPem, "--connect-timeout 5s",
                    "--case-cache " + cache, "--fail-on never").doesNotContain("--poll-interval", "--test-plan");

            testRail.faults().clearFaults();
            Result finished = CliRunner.run(env, CliTruthTest.shellWords(printed.group(1)));
            assertThat(finished.exitCode()).as(finished.all()).isZero();
            assertThat(testRail.runs()).hasSize(1);
            assertThat(testRail.results(testRail.runs().get(0).id())).hasSize(5);
        }
    }

    @Test
    void theRecoveryCommandLeavesOutAProxyWithAPassword() throws Exception {
        try (LoopbackServers.Proxy proxy = new LoopbackServers.Proxy("ci", PROXY_PASSWORD)) {
            testRail.faults().always("add_results_for_cases", Fault.status(503, "{\"error\":\"Service unavailable\"}"));
            Result cut = run("--proxy", "http://ci:" + PROXY_PASSWORD + "@127.0.0.1:" + proxy.port());
            assertThat(cut.exitCode()).as(cut.all()).isEqualTo(4);
            assertThat(cut.err()).contains("Run `loadmill-testrail publish ").doesNotContain(PROXY_PASSWORD);
            assertThat(cut.err().lines().filter(line -> line.startsWith("Run `"))).noneMatch(line -> line.contains("--proxy"));
        }
    }

    @Test
    void aFileWithoutCertificatesIsAUsageError() throws Exception {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        Result result = run("--ca-cert", notPem.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--ca-cert").contains("ca.pem");
        assertThat(loadmill.launches()).isEmpty();
    }

    @Test
    void theGeneralReadTimeoutSetsBothServicesAndThePerServiceOneWins() {
        testRail.setLatency(Duration.ofMillis(1500));

        Result tooShort = CliRunner.run(env, "plan", "--test-plan", smoke.id(), "--project", DemoScenario.PROJECT,
                "--results", results.toString(), "--poll-interval", "20ms", "--read-timeout", "300ms",
                "--testrail-retry-wait", "100ms", "--verbose");
        assertThat(tooShort.exitCode()).as(tooShort.all()).isEqualTo(4);
        assertThat(tooShort.all()).containsIgnoringCase("timeout");

        Result perService = CliRunner.run(env, "plan", "--results", results.toString(), "--project", DemoScenario.PROJECT,
                "--read-timeout", "300ms", "--testrail-read-timeout", "10s", "--testrail-retry-wait", "100ms");
        assertThat(perService.exitCode()).as(perService.all()).isZero();

        env.put(EnvironmentVariables.TESTRAIL_READ_TIMEOUT, "10s");
        Result perServiceVariable = CliRunner.run(env, "plan", "--results", results.toString(), "--project",
                DemoScenario.PROJECT, "--read-timeout", "300ms", "--testrail-retry-wait", "100ms");
        assertThat(perServiceVariable.exitCode()).as("the per-service variable wins too: " + perServiceVariable.all())
                .isZero();
    }

    @Test
    void resultsBatchSizeSplitsThePosting() {
        Result result = run("--results-batch-size", "2");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(testRail.calls("add_results_for_cases")).isEqualTo(3);
        assertThat(testRail.results(testRail.runs().get(0).id())).hasSize(5);

        Result zero = run("--results-batch-size", "0");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("batch size must be between 1 and 1000");
    }
}
