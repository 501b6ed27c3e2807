package io.jenkins.plugins.loadmilltestrail.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jenkins.plugins.loadmilltestrail.cli.GitHubActionsRunner.JobRun;
import io.jenkins.plugins.loadmilltestrail.cli.GitHubActionsRunner.StepRun;
import io.jenkins.plugins.loadmilltestrail.cli.LoopbackServers.HttpsFront;
import io.jenkins.plugins.loadmilltestrail.cli.LoopbackServers.TunnelProxy;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.Launch;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.LoadmillSimulator;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SectionSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimCase;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimPlan;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimRun;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimSuite;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI examples of docs/cli.md ("CI examples"), run as they are written: the YAML and Groovy are
 * read from the page, the distribution archive the build made is what they download and install,
 * and the commands run as processes against the simulators.
 *
 * <p>The examples talk to the real services' names (app.loadmill.com, example.testrail.io,
 * testrail.example.com, proxy.example.com); the test gives the CLI's JVMs a small internet through
 * JAVA_OPTS, which the examples leave alone: a proxy that tunnels those names to HTTPS fronts of
 * the simulators, a trust store with the fronts' certificates as the "public" CAs, and a hosts file
 * for the names reached directly. What the test changes in an example is only what the page tells
 * users to change: DIST_URL, the ports of the self-hosted TestRail and of the company proxy, the
 * id of the existing plan, and the secrets, which the CI system provides. The machine's environment
 * adds one setting the examples do not make, LOADMILL_TESTRAIL_POLL_INTERVAL=200ms, so that waiting
 * for the simulated Loadmill takes a second instead of a minute.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CiExamplesIT {
    private static final Path PROJECT = Path.of(System.getProperty("distribution.project.root", ".."));
    private static final String VERSION = System.getProperty("distribution.version");
    private static final Path ARCHIVE = Path.of(System.getProperty("distribution.archive.base", "missing") + ".tar.gz");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The TestRail user of the examples' config file, and the API key the CI system keeps as a secret. */
    private static final String CI_USER = "ci@example.com";
    private static final String CI_KEY = "ci-testrail-key";
    private static final Fault REFUSED = Fault.status(403, "{\"error\":\"You are not allowed to add test plans.\"}");

    @TempDir
    Path dir;

    private final DocExamples page = DocExamples.of(PROJECT.resolve("docs/cli.md"));
    private LoadmillSimulator loadmill;
    private TestRailSimulator testRail;
    private final List<AutoCloseable> servers = new ArrayList<>();
    private TunnelProxy internet;
    private HttpsFront loadmillFront;
    private HttpsFront selfHostedTestRail;
    private TunnelProxy companyProxy;
    /** The CI machine's environment: nothing of the test JVM's but PATH, and the JAVA_OPTS of the small internet. */
    private Map<String, String> machine;

    @BeforeEach
    void startTheServices() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) && Files.isExecutable(Path.of("/usr/bin/curl")),
                "the examples need bash, curl and tar");
        loadmill = LoadmillSimulator.start(DemoScenario.LOADMILL_TOKEN);
        testRail = TestRailSimulator.start();
        DemoScenario.seed(loadmill, testRail);
        testRail.addUser(CI_USER, CI_KEY);

        loadmillFront = serve(new HttpsFront(folder("tls/loadmill"), loadmill.url(), "app.loadmill.com"));
        HttpsFront cloudTestRail = serve(new HttpsFront(folder("tls/cloud-testrail"), testRail.url(), "example.testrail.io"));
        selfHostedTestRail = serve(new HttpsFront(folder("tls/company-testrail"), testRail.url(), "testrail.example.com"));
        internet = serve(new TunnelProxy(Map.of("app.loadmill.com:443", loadmillFront.port(),
                "example.testrail.io:443", cloudTestRail.port())));
        Path trust = HttpsFront.trustStore(dir.resolve("tls/public-cas.p12"), List.of(loadmillFront.caPem, cloudTestRail.caPem));
        Path hosts = Files.writeString(dir.resolve("tls/hosts"), "127.0.0.1 testrail.example.com proxy.example.com\n");

        machine = new LinkedHashMap<>();
        machine.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        machine.put("HOME", folder("home").toString());
        machine.put("LANG", "C.UTF-8");
        machine.put("LOADMILL_TESTRAIL_POLL_INTERVAL", "200ms");
        machine.put("JAVA_OPTS", "-Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=" + internet.port()
                + " -Djavax.net.ssl.trustStore=" + trust + " -Djavax.net.ssl.trustStorePassword=changeit"
                + " -Djdk.net.hosts.file=" + hosts);
    }

    @AfterEach
    void stopTheServices() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
        if (loadmill != null) {
            loadmill.close();
            testRail.close();
        }
    }

    @Test
    void gitHubActionsJobRunsThePlanPublishesAndKeepsTheResults() throws Exception {
        JobRun job = gitHubJob(dir.resolve("run"));

        assertThat(job.step("Install loadmill-testrail").exitCode()).as(job.step("Install loadmill-testrail").output()).isZero();
        StepRun run = job.step("Run Loadmill and publish to TestRail");
        assertThat(run.exitCode()).as("a flow failed, so the step fails with 1, as the page says: " + run.output()).isEqualTo(1);
        assertThat(run.output()).contains("posted 12 results").doesNotContain(CI_KEY).doesNotContain(DemoScenario.LOADMILL_TOKEN);
        assertThat(job.step("Keep the results (publish can finish from them)").exitCode()).isZero();
        assertThat(job.artifacts()).contains("loadmill-results.json", "loadmill-junit.xml", "loadmill-summary.json");

        Launch launch = loadmill.launches().get(0);
        assertThat(launch.definitionId()).isEqualTo(DemoScenario.TEST_PLAN_ID);
        assertThat(launch.field("additionalDescription")).contains("build 42");
        SimPlan plan = onlyPlan();
        assertThat(plan.name()).isEqualTo("acme/shop/api-tests #42");
        assertThat(resultsIn(plan)).isEqualTo(12);
        assertThat(internet.tunnels).contains("app.loadmill.com:443", "example.testrail.io:443");
    }

    @Test
    void gitHubActionsJobWithTestRailRefusingKeepsTheResultsAndItsPrintedCommandFinishesThePublish() throws Exception {
        testRail.faults().always("add_plan", REFUSED);

        JobRun job = gitHubJob(dir.resolve("run"));

        StepRun run = job.step("Run Loadmill and publish to TestRail");
        assertThat(run.exitCode()).as("LOADMILL_TESTRAIL_FAIL_ON_PUBLISH_ERROR=false: the flows decide, not TestRail: "
                + run.output()).isEqualTo(1);
        assertThat(run.output()).contains("not allowed to add test plans");
        assertThat(job.artifacts()).contains("loadmill-results.json", "loadmill-summary.json");
        assertThat(testRail.plans()).isEmpty();

        // "Keep the results (publish can finish from them)": the command the step printed, as printed, in a later job.
        testRail.faults().clearFaults();
        Matcher printed = Pattern.compile("`([^`]*loadmill-testrail publish [^`]+)`").matcher(run.output());
        assertThat(printed.find()).as(run.output()).isTrue();
        Path later = Files.createDirectories(dir.resolve("later"));
        for (String artifact : job.artifacts()) {
            Files.copy(dir.resolve("run/workspace").resolve(artifact), later.resolve(artifact));
        }
        copyTree(dir.resolve("run/workspace/ci"), later.resolve("ci"));
        Map<String, String> env = gitHubMachine();
        env.putAll(installedCommand(dir.resolve("later-install")));
        env.putAll(Map.of("GITHUB_ACTIONS", "true", "GITHUB_RUN_NUMBER", "43", "TESTRAIL_API_KEY", CI_KEY));
        StepRun publish = GitHubActionsRunner.shell("publish", List.of("bash", "-e", "-c", printed.group(1)), later, env);

        assertThat(publish.exitCode()).as(publish.output()).isEqualTo(1);
        assertThat(publish.output()).contains("posted 12 results");
        SimPlan plan = onlyPlan();
        assertThat(plan.name()).as("named after the build whose results these are").isEqualTo("acme/shop/api-tests #42");
        assertThat(resultsIn(plan)).isEqualTo(12);
        assertThat(loadmill.launches()).hasSize(1);
    }

    @Test
    void gitHubActionsMatrixPublishesBothEnvironmentsIntoOneExistingPlan() throws Exception {
        long plan = releasePlan();
        JsonNode firstJob = gitHubWorkflow(0).path("jobs").path("api-tests");
        JsonNode matrixJob = gitHubWorkflow(1).path("jobs").path("api-tests");
        List<JsonNode> steps = new ArrayList<>(stepsBeforeTheRun(firstJob)); // "# ... install loadmill-testrail as above ..."
        matrixJob.path("steps").forEach(steps::add);
        List<String> environments = new ArrayList<>();
        matrixJob.path("strategy").path("matrix").path("environment").forEach(e -> environments.add(e.asText()));
        assertThat(environments).containsExactly("Staging", "Production");

        List<JobRun> legs = parallel(environments.stream().map(environment -> (Callable<JobRun>) () -> {
            Map<String, String> contexts = contexts();
            contexts.put("matrix.environment", environment);
            contexts.put("vars.TESTRAIL_RELEASE_PLAN", "P" + plan);
            return new GitHubActionsRunner(repository(), gitHubMachine(), contexts)
                    .run("api-tests", steps, jobEnvironment(firstJob), dir.resolve("leg-" + environment));
        }).toList());

        for (JobRun leg : legs) {
            StepRun run = leg.step("Run Loadmill and publish to TestRail");
            assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        }
        assertThat(loadmill.launches()).extracting(l -> l.overrideParameters().get("host"))
                .containsExactlyInAnyOrder("Staging.example.com", "Production.example.com");
        assertOnePlanWithBothEnvironments(plan);
    }

    @Test
    void jenkinsParallelWithTheCliPublishesBothEnvironmentsIntoOneExistingPlan() throws Exception {
        long plan = releasePlan();
        String groovy = page.under("Several CI jobs, one TestRail plan", "groovy").get(0).text();
        Matcher list = Pattern.compile("def environments = \\[(.+?)]").matcher(groovy);
        Matcher sh = Pattern.compile("sh \"\"\"(.+?)\"\"\"", Pattern.DOTALL).matcher(groovy);
        assertThat(list.find() && sh.find()).as(groovy).isTrue();
        List<String> environments = Pattern.compile("'([^']+)'").matcher(list.group(1)).results().map(m -> m.group(1)).toList();
        assertThat(environments).containsExactly("Staging", "Production");
        assertThat(sh.group(1)).contains("--existing-plan P56");
        // An agent with the command installed as docs/cli.md's Install section does it.
        Map<String, String> agent = installedCommand(dir.resolve("agent"));

        List<StepRun> branches = parallel(environments.stream().map(environment -> (Callable<StepRun>) () -> {
            String command = sh.group(1).replace("${environment.toLowerCase()}", environment.toLowerCase(Locale.ROOT))
                    .replace("${environment}", environment).replace("P56", "P" + plan);
            assertThat(command).doesNotContain("${");
            Path workspace = checkout(dir.resolve("ws-" + environment));
            Map<String, String> env = new LinkedHashMap<>(agent);
            env.putAll(Map.of("JOB_NAME", "api-tests", "BUILD_NUMBER", "7", "BUILD_URL", "https://jenkins.example.com/job/api-tests/7/",
                    "WORKSPACE", workspace.toString(), "LOADMILL_API_TOKEN", DemoScenario.LOADMILL_TOKEN, "TESTRAIL_API_KEY", CI_KEY));
            return GitHubActionsRunner.shell(environment, List.of("sh", "-xe", "-c", command), workspace, env);
        }).toList());

        for (StepRun branch : branches) {
            assertThat(branch.exitCode()).as(branch.output()).isEqualTo(1);
        }
        assertThat(loadmill.launches()).extracting(l -> l.overrideParameters().get("host"))
                .containsExactlyInAnyOrder("staging.example.com", "production.example.com");
        assertOnePlanWithBothEnvironments(plan);
    }

    @Test
    void gitLabJobGoesThroughTheCompanyProxyTrustsTheCompanyCaAndUsesThePins() throws Exception {
        SimCase forgotten = accountsSection().addCase("Reset a forgotten password");
        Path workspace = dir.resolve("gitlab");

        StepRun run = gitLabJob(workspace, forgotten, "9").get(0);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(companyProxy.tunnels).as("only Loadmill goes through the proxy; NO_PROXY keeps TestRail direct")
                .isNotEmpty().allMatch("app.loadmill.com:443"::equals);
        assertThat(internet.tunnels).isEmpty();
        SimPlan plan = onlyPlan();
        assertThat(plan.name()).isEqualTo("acme/shop/api-tests #9");
        assertThat(plan.completed()).as("--close-run").isTrue();
        assertThat(testRail.runs().stream().flatMap(r -> testRail.results(r.id()).stream()))
                .anySatisfy(result -> assertThat(result.caseId()).isEqualTo(forgotten.id()));
        assertThat(casesTitled("Reset password")).as("pinned, so not matched or created by name").isEmpty();
        JsonNode artifacts = gitLabExample().path("artifacts");
        artifacts.path("paths").forEach(path -> assertThat(workspace.resolve(path.asText())).isRegularFile());
        assertThat(workspace.resolve(artifacts.path("reports").path("junit").asText())).isRegularFile();
    }

    @Test
    void gitLabJobCutOffByTestRailIsFinishedByTheCommandItPrintedAsThePageShowsIt() throws Exception {
        SimCase forgotten = accountsSection().addCase("Reset a forgotten password");
        testRail.faults().always("add_plan", REFUSED);
        Path workspace = dir.resolve("gitlab");

        StepRun cut = gitLabJob(workspace, forgotten, "9").get(0);

        assertThat(cut.exitCode()).as(cut.output()).isEqualTo(4);
        String shown = page.under("GitLab CI", "").get(0).text().strip();
        assertThat(cut.output()).contains(shown);
        Matcher printed = Pattern.compile("`([^`]*loadmill-testrail publish [^`]+)`").matcher(shown);
        assertThat(printed.find()).isTrue();

        testRail.faults().clearFaults();
        Map<String, String> later = gitLabEnvironment(workspace, "10"); // a later pipeline, with the kept files
        StepRun finished = GitHubActionsRunner.shell("publish", List.of("sh", "-e", "-c", printed.group(1)), workspace, later);

        assertThat(finished.exitCode()).as(finished.output()).isEqualTo(1);
        SimPlan plan = onlyPlan();
        assertThat(plan.name()).isEqualTo("acme/shop/api-tests #9");
        assertThat(plan.completed()).as("--close-run").isTrue();
        assertThat(resultsIn(plan)).as("3 Checkout and 2 Accounts flows by name, 1 pinned; no case for the others"
                + " (no --auto-create)").isEqualTo(6);
        assertThat(testRail.runs().stream().flatMap(r -> testRail.results(r.id()).stream()))
                .anySatisfy(result -> assertThat(result.caseId()).isEqualTo(forgotten.id()));
        assertThat(loadmill.launches()).hasSize(1);
    }

    // --- the world of the examples

    private JsonNode gitLabExample() throws IOException {
        return YAML.readTree(page.under("GitLab CI", "yaml").get(0).text()).path("api-tests");
    }

    /** The GitLab job of the page, its script run line by line in a checkout with the pins file and the company CA. */
    private List<StepRun> gitLabJob(Path workspace, SimCase pinned, String pipeline) throws Exception {
        checkout(workspace);
        Files.writeString(workspace.resolve("testrail-pins.txt"), "# flows whose TestRail case has another title\n"
                + "Accounts/Reset password=C" + pinned.id() + "\n");
        Files.copy(selfHostedTestRail.caPem, workspace.resolve("ci/company-ca.pem"));
        Map<String, String> env = gitLabEnvironment(workspace, pipeline);
        List<StepRun> script = new ArrayList<>();
        for (JsonNode line : gitLabExample().path("script")) {
            script.add(GitHubActionsRunner.shell("script", List.of("sh", "-e", "-c", line.asText()), workspace, env));
        }
        return script;
    }

    /**
     * What a GitLab job of the page sees: the image's command (installed as cli/Dockerfile does), the
     * job's variables with the ports of this machine's self-hosted TestRail and company proxy, the
     * masked variables, and GitLab's own.
     */
    private Map<String, String> gitLabEnvironment(Path workspace, String pipeline) throws Exception {
        if (companyProxy == null) {
            companyProxy = serve(new TunnelProxy(Map.of("app.loadmill.com:443", loadmillFront.port())));
        }
        Map<String, String> env = new LinkedHashMap<>(installedCommand(dir.resolve("image-" + pipeline)));
        gitLabExample().path("variables").fields().forEachRemaining(v -> env.put(v.getKey(), v.getValue().asText()));
        assertThat(env).containsEntry("TESTRAIL_URL", "https://testrail.example.com/")
                .containsEntry("HTTPS_PROXY", "http://proxy.example.com:3128");
        env.put("TESTRAIL_URL", "https://testrail.example.com:" + selfHostedTestRail.port() + "/");
        env.put("HTTPS_PROXY", "http://proxy.example.com:" + companyProxy.port());
        env.putAll(Map.of("LOADMILL_API_TOKEN", DemoScenario.LOADMILL_TOKEN, "TESTRAIL_API_KEY", CI_KEY, // masked variables
                "GITLAB_CI", "true", "CI", "true", "CI_PROJECT_PATH", "acme/shop", "CI_JOB_NAME", "api-tests",
                "CI_PIPELINE_IID", pipeline, "CI_JOB_URL", "https://gitlab.example.com/acme/shop/-/jobs/" + (1225 + Integer.parseInt(pipeline)),
                "CI_PROJECT_DIR", workspace.toString()));
        return env;
    }

    private <T extends AutoCloseable> T serve(T server) {
        servers.add(server);
        return server;
    }

    private Path folder(String path) throws IOException {
        return Files.createDirectories(dir.resolve(path));
    }

    private JsonNode gitHubWorkflow(int index) throws IOException {
        return YAML.readTree(page.under(index == 0 ? "GitHub Actions" : "Several CI jobs, one TestRail plan", "yaml").get(0).text());
    }

    /** The first GitHub example, run in its own workspace under root. */
    private JobRun gitHubJob(Path root) throws Exception {
        JsonNode job = gitHubWorkflow(0).path("jobs").path("api-tests");
        List<JsonNode> steps = new ArrayList<>();
        job.path("steps").forEach(steps::add);
        return new GitHubActionsRunner(repository(), gitHubMachine(), contexts()).run("api-tests", steps, jobEnvironment(job), root);
    }

    /** The job's env, with DIST_URL set to the archive the build made, as the page tells users to do. */
    private Map<String, String> jobEnvironment(JsonNode job) {
        Map<String, String> env = new LinkedHashMap<>();
        job.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        assertThat(env).containsKey("DIST_URL");
        env.put("DIST_URL", ARCHIVE.toUri().toString());
        return env;
    }

    private static List<JsonNode> stepsBeforeTheRun(JsonNode job) {
        List<JsonNode> steps = new ArrayList<>();
        for (JsonNode step : job.path("steps")) {
            if (step.path("run").asText().contains("loadmill-testrail run")) {
                break;
            }
            steps.add(step);
        }
        return steps;
    }

    private Map<String, String> gitHubMachine() {
        Map<String, String> env = new LinkedHashMap<>(machine);
        env.putAll(Map.of("GITHUB_REPOSITORY", "acme/shop", "GITHUB_WORKFLOW", "api-tests", "GITHUB_RUN_ID", "123456",
                "GITHUB_SERVER_URL", "https://github.com"));
        return env;
    }

    private static Map<String, String> contexts() {
        return new LinkedHashMap<>(Map.of("secrets.LOADMILL_API_TOKEN", DemoScenario.LOADMILL_TOKEN,
                "secrets.TESTRAIL_API_KEY", CI_KEY, "github.run_number", "42"));
    }

    /** The user's repository: the config file the page shows next to the first GitHub example. */
    private Path repository() throws IOException {
        Path repository = dir.resolve("repository");
        if (!Files.exists(repository)) {
            Files.createDirectories(repository.resolve("ci"));
            Files.writeString(repository.resolve("ci/loadmill-testrail.yml"), page.under("GitHub Actions", "yaml").get(1).text());
        }
        return repository;
    }

    private Path checkout(Path workspace) throws IOException {
        copyTree(repository(), workspace);
        return workspace;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    /**
     * A machine with the command installed by the Install section's commands of docs/cli.md, under
     * root instead of / (its /opt and /usr/local/bin), and Java 17 as the minimum the page names.
     */
    private Map<String, String> installedCommand(Path root) throws Exception {
        String install = page.under("Install", "sh").get(0).text();
        assertThat(install).contains("tar -xzf loadmill-testrail-1.0.0.tar.gz -C /opt");
        Path download = Files.createDirectories(root.resolve("download"));
        Files.copy(ARCHIVE, download.resolve(ARCHIVE.getFileName()));
        Files.createDirectories(root.resolve("opt"));
        Files.createDirectories(root.resolve("usr/local/bin"));
        Map<String, String> env = new LinkedHashMap<>(machine);
        Path java = GitHubActionsRunner.jdk("17").orElseThrow();
        env.put("JAVA_HOME", java.toString());
        env.put("PATH", root.resolve("usr/local/bin") + ":" + machine.get("PATH"));
        String commands = install.replace("1.0.0", VERSION).replace(" /opt", " " + root.resolve("opt"))
                .replace("/usr/local/bin", root.resolve("usr/local/bin").toString());
        StepRun installed = GitHubActionsRunner.shell("install", List.of("sh", "-e", "-c", commands), download, env);
        assertThat(installed.exitCode()).as(installed.output()).isZero();
        assertThat(installed.output()).contains("loadmill-testrail " + VERSION);
        return env;
    }

    private <T> List<T> parallel(List<Callable<T>> tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            List<T> done = new ArrayList<>();
            for (Future<T> future : threads.invokeAll(tasks)) {
                done.add(future.get());
            }
            return done;
        } finally {
            threads.shutdownNow();
        }
    }

    private long shop() {
        return testRail.projects().stream().filter(p -> p.name().equals(DemoScenario.PROJECT)).findFirst().orElseThrow().id();
    }

    /** The plan release jobs publish into, with the configurations the examples name. */
    private long releasePlan() {
        testRail.addConfigGroup(shop(), "Environment", "Staging", "Production");
        return testRail.project(shop()).addPlan("Release 2.4").id();
    }

    private SectionSeed accountsSection() {
        SimSuite accounts = testRail.suites(shop()).stream().filter(s -> s.name().equals("Accounts")).findFirst().orElseThrow();
        return testRail.section(testRail.sections(accounts.id()).get(0).id());
    }

    private List<SimCase> casesTitled(String title) {
        return testRail.suites(shop()).stream().flatMap(s -> testRail.cases(s.id()).stream())
                .filter(c -> c.title().equals(title)).toList();
    }

    private SimPlan onlyPlan() {
        assertThat(testRail.plans()).hasSize(1);
        return testRail.plans().get(0);
    }

    private int resultsIn(SimPlan plan) {
        return testRail.runs().stream().filter(r -> r.planId() == plan.id()).mapToInt(r -> testRail.results(r.id()).size()).sum();
    }

    /** Both jobs' runs are in the one plan, each with its configuration; nothing was created twice. */
    private void assertOnePlanWithBothEnvironments(long plan) {
        assertThat(testRail.plans()).extracting(SimPlan::id).containsExactly(plan);
        List<SimRun> runs = testRail.runs();
        assertThat(runs).allMatch(r -> r.planId() == plan);
        assertThat(runs.stream().mapToInt(r -> testRail.results(r.id()).size()).sum()).isEqualTo(24);
        assertThat(runs.stream().map(r -> testRail.runConfigIds(r.id())).distinct()).hasSize(2);
        assertThat(testRail.suites(shop()).stream().map(SimSuite::name)).doesNotHaveDuplicates();
        assertThat(testRail.suites(shop()).stream().flatMap(s -> testRail.cases(s.id()).stream()).map(SimCase::title))
                .doesNotHaveDuplicates();
    }
}
