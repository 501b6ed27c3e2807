package io.jenkins.plugins.loadmilltestrail.engine.testrail;

import static io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailTesting.KEY;
import static io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailTesting.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.loadmilltestrail.engine.EngineException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewRun;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.ResultEntry;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.ProjectSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimCase;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimUser;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every refusal becomes a typed exception with a message saying what to do, and no secret. */
class TestRailErrorMessagesTest {
    private static final String AUTHORIZATION = Base64.getEncoder()
            .encodeToString((USER + ":" + KEY).getBytes(StandardCharsets.UTF_8));
    private static final List<Throwable> SEEN = new ArrayList<>();

    private static TestRailSimulator sim;
    private static ProjectSeed project;
    private static ProjectSeed hidden;
    private static SimCase aCase;

    @BeforeAll
    static void start() {
        sim = TestRailSimulator.start();
        SimUser user = sim.addUser(USER, KEY);
        project = sim.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
        aCase = project.addSuite("Orders").addSection("S").addCase("A");
        hidden = sim.addProject("Secret project", TestRailSimulator.SINGLE_SUITE);
        sim.denyAccess(user, hidden.id());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** A scenario: set the simulator up, make one call, undo the set-up. */
    private interface Scenario {
        void run(TestRailClient client) throws Exception;
    }

    private static Arguments row(String name, Class<? extends TestRailException> type, int status, Scenario scenario,
            String... fragments) {
        return Arguments.of(name, type, status, scenario, fragments);
    }

    private static TestRailClient quick(TestRailSettings settings) {
        return TestRailTesting.client(settings.withMaxRetryWait(Duration.ofMillis(150)));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                row("wrong key", TestRailAuthenticationException.class, 401,
                        c -> TestRailTesting.client(TestRailSettings.of(sim.url(), USER, "wrong-" + KEY)).getProjects(),
                        "rejected the user '" + USER + "'", "Save Settings under My Settings > API Keys"),
                row("API disabled", TestRailApiDisabledException.class, 403, c -> {
                    sim.setApiEnabled(false);
                    try {
                        c.currentUser();
                    } finally {
                        sim.setApiEnabled(true);
                    }
                }, "API is disabled", "Administration > Site Settings > API"),
                row("no access", TestRailAccessDeniedException.class, 403, c -> c.getSuites(hidden.id()),
                        "'" + USER + "' is not allowed to do get_suites", "access to the project", "No access to the project"),
                row("unknown project", TestRailBadRequestException.class, 400, c -> c.getProject(999_999),
                        "TestRail refused get_project (HTTP 400): Field :project_id is not a valid or accessible project."),
                row("case not in run", TestRailBadRequestException.class, 400, c -> {
                    long run = c.addRun(project.id(), new NewRun(aCase.suiteId(), "R", "", OptionalLong.empty(),
                            List.of())).id();
                    c.addResultsForCases(run, List.of(new ResultEntry(4242, 1, "", "", "", Map.of())));
                }, "add_results_for_cases", "case C4242 unknown or not part of the test run"),
                row("wrong URL path", TestRailUnknownMethodException.class, 404,
                        c -> TestRailTesting.client(TestRailTesting.settings(sim.url() + "not-testrail/")).getProjects(),
                        "does not know the TestRail API method get_projects", "TestRail URL is wrong", "too old"),
                row("404 with TestRail's own text", TestRailException.class, 404, c -> {
                    sim.faults().always("get_run", Fault.status(404, "{\"error\":\"Not found\"}"));
                    try {
                        c.getRun(4242);
                    } finally {
                        sim.faults().clearFaults();
                    }
                }, "TestRail answered HTTP 404 to get_run: Not found."),
                row("maintenance", TestRailMaintenanceException.class, 409, c -> {
                    sim.faults().always("get_statuses", Fault.status(409, "{\"error\":\"Maintenance\"}"));
                    try {
                        quick(TestRailTesting.settings(sim.url())).getStatuses();
                    } finally {
                        sim.faults().clearFaults();
                    }
                }, "maintenance", "Try again later"),
                row("too large", TestRailRequestTooLargeException.class, 413, c -> {
                    sim.setMaxBodyBytes(64);
                    try {
                        c.addResultsForCases(1, List.of(new ResultEntry(aCase.id(), 1, "x".repeat(100), "", "", Map.of())));
                    } finally {
                        sim.setMaxBodyBytes(0);
                    }
                }, "too large (HTTP 413)", "request size limit"),
                row("rate limited", TestRailRateLimitedException.class, 429, c -> {
                    sim.faults().always("get_milestones", Fault.status(429, "{\"error\":\"API Rate Limit Exceeded\"}")
                            .withHeader("Retry-After", "0.05"));
                    try {
                        quick(TestRailTesting.settings(sim.url())).getMilestones(project.id());
                    } finally {
                        sim.faults().clearFaults();
                    }
                }, "rate limiting", "requests per minute setting (now 180)", "maximum retry wait"),
                row("server error", TestRailUnavailableException.class, 500, c -> {
                    sim.faults().always("get_case", Fault.status(500, "{\"error\":\"Internal error\"}"));
                    try {
                        quick(TestRailTesting.settings(sim.url())).getCase(aCase.id());
                    } finally {
                        sim.faults().clearFaults();
                    }
                }, "HTTP 500 on get_case", "try again later"),
                row("error echoing the credentials", TestRailBadRequestException.class, 400, c -> {
                    sim.faults().always("get_case", Fault.status(400, "{\"error\":\"invalid credentials "
                            + AUTHORIZATION + " / " + KEY + "\"}"));
                    try {
                        c.getCase(aCase.id());
                    } finally {
                        sim.faults().clearFaults();
                    }
                }, "TestRail refused get_case (HTTP 400): invalid credentials **** / ****."),
                row("HTML page", TestRailUnexpectedResponseException.class, 200, c -> {
                    sim.faults().always("get_projects", Fault.html(200, "<!DOCTYPE html>\n<html><head><title>Login"
                            + "</title></head>\n<body>" + "Please log in. ".repeat(40) + "</body></html>"));
                    try {
                        c.getProjects();
                    } finally {
                        sim.faults().clearFaults();
                    }
                }, "not TestRail JSON", "'<!DOCTYPE html> <html><head><title>Login", "URL is probably wrong"),
                row("redirect", TestRailUnexpectedResponseException.class, 301, c -> {
                    sim.faults().always("add_suite", Fault.status(301, "").withHeader("Location",
                            "https://secure.example/testrail/index.php?/api/v2/add_suite/1&sso=abc"));
                    try {
                        c.addSuite(project.id(), "Redirected", "");
                    } finally {
                        sim.faults().clearFaults();
                    }
                }, "redirects add_suite (HTTP 301) to https://secure.example/testrail/index.php.", "https:// instead of http://"),
                row("write outcome unknown", TestRailWriteUnknownException.class, 0, c -> {
                    sim.faults().always("add_run", Fault.status(502, "<html>bad gateway</html>"));
                    try {
                        quick(TestRailTesting.settings(sim.url())).addRun(project.id(), new NewRun(aCase.suiteId(),
                                "Unknown", "", OptionalLong.empty(), List.of()));
                    } finally {
                        sim.faults().clearFaults();
                    }
                }, "may or may not have done add_run", "Check a run named 'Unknown'"),
                row("unreachable", TestRailUnavailableException.class, 0,
                        c -> quick(TestRailTesting.settings("http://127.0.0.1:1/")).getProjects(),
                        "Could not reach TestRail at http://127.0.0.1:1/", "proxy settings"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void explainsWhatToDo(String name, Class<? extends TestRailException> type, int status, Scenario scenario,
            String[] fragments) {
        Throwable thrown = catchThrowable(() -> scenario.run(TestRailTesting.client(sim)));
        SEEN.add(thrown);
        assertThat(thrown).isInstanceOf(type);
        TestRailException error = (TestRailException) thrown;
        assertThat(error.kind()).isEqualTo(EngineException.Kind.TESTRAIL);
        assertThat(error.httpStatus()).isEqualTo(status);
        for (String fragment : fragments) {
            assertThat(error.getMessage()).contains(fragment);
        }
        assertThat(error.getMessage()).doesNotContain("\n").doesNotContain("\tat ");
        assertNoSecret(everythingPrinted(error));
    }

    @Test
    void thePreviewOfANonJsonAnswerIsShortAndOnOneLine() {
        sim.faults().onCall("get_statuses", sim.calls("get_statuses") + 1, Fault.html(200, "<html>\n" + "x".repeat(1000)));
        Throwable thrown = catchThrowable(() -> TestRailTesting.client(sim).getStatuses());
        String message = thrown.getMessage();
        String preview = message.substring(message.indexOf("'") + 1, message.indexOf("'", message.indexOf("'") + 1));
        assertThat(preview).hasSizeLessThanOrEqualTo(201).startsWith("<html> xxx");
        assertThat(message).doesNotContain("\n");
    }

    @Test
    void aPageThatEchoesTheCredentialsWithStatus200IsQuotedWithoutThem() {
        sim.faults().onCall("get_projects", sim.calls("get_projects") + 1, Fault.echoingCredentials(200));

        Throwable thrown = catchThrowable(() -> TestRailTesting.client(sim).getProjects());

        assertThat(thrown).isInstanceOf(TestRailUnexpectedResponseException.class)
                .hasMessageContaining("not TestRail JSON (HTTP 200")
                .hasMessageContaining("'Authorization: Basic **** Credentials: **** ");
        assertThat(everythingPrinted(thrown)).doesNotContain(KEY).doesNotContain(AUTHORIZATION)
                .doesNotContain(USER + ":");
    }

    @Test
    void aUrlWithUserInfoIsNeverShown() {
        Throwable invalid = catchThrowable(() -> TestRailSettings.of("https://ci:pass word@example.testrail.io/", USER, KEY));
        assertThat(invalid).hasMessageContaining("'https://****@example.testrail.io/' is not a valid URL")
                .hasMessageNotContaining("pass word");
        Throwable withUserInfo = catchThrowable(() -> TestRailSettings.of("https://ci:pw@example.testrail.io/", USER, KEY));
        assertThat(withUserInfo).hasMessageContaining("without user info").hasMessageNotContaining("pw@");
        assertThat(new TestRailSettings("https://ci:pw@example.testrail.io/", USER, KEY, 180, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2), TestRailSettings.DEFAULT_MAX_RESPONSE_BYTES)
                .toString())
                .startsWith("TestRailSettings[baseUrl=https://****@example.testrail.io/,").doesNotContain("pw");
    }

    @Test
    void settingsAndClientsNeverShowTheKey() {
        TestRailSettings settings = TestRailTesting.settings(sim.url());
        assertNoSecret(settings.toString());
        assertNoSecret(TestRailTesting.client(sim).toString());
        for (Throwable t : SEEN) {
            assertNoSecret(everythingPrinted(t));
        }
    }

    private static String everythingPrinted(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out + t.toString();
    }

    private static void assertNoSecret(String text) {
        assertThat(text).doesNotContain(KEY).doesNotContain(AUTHORIZATION).doesNotContain("Authorization");
    }
}
