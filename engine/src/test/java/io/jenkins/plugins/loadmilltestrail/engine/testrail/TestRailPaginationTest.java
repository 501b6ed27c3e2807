package io.jenkins.plugins.loadmilltestrail.engine.testrail;

import static io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailTesting.KEY;
import static io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailTesting.USER;
import static io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailTesting.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.http.RateLimiter;
import io.jenkins.plugins.loadmilltestrail.engine.http.RetryPolicy;
import io.jenkins.plugins.loadmilltestrail.engine.http.Sleeper;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewRun;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestCase;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestRun;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.ProjectSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SuiteSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Pagination, both list shapes, legacy quirks and base URLs. */
class TestRailPaginationTest {
    private TestRailSimulator sim;
    private ProjectSeed project;
    private SuiteSeed suite;

    @BeforeEach
    void seed() {
        sim = TestRailSimulator.start("/testrail/");
        sim.addUser(USER, KEY);
        project = sim.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
        suite = project.addSuite("Orders API");
        suite.addSection("A").addCases("Case A", 300);
        suite.addSection("B").addCases("Case B", 300);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void readsThreePagesOfCasesInOrder() throws InterruptedException {
        TestRailClient client = client(sim);
        List<TestCase> cases = client.getCases(project.id(), suite.id());
        assertThat(cases).hasSize(600);
        assertThat(cases.get(0).title()).isEqualTo("Case A 1");
        assertThat(cases.get(599).title()).isEqualTo("Case B 300");
        assertThat(cases).extracting(TestCase::id).doesNotHaveDuplicates();
        assertThat(client.stats().calls("get_cases")).isEqualTo(3);
        assertThat(sim.calls("get_cases")).isEqualTo(3);
    }

    @Test
    void readsBareArraysOfOldServers() throws InterruptedException {
        sim.setBareArrays(true);
        TestRailClient client = client(sim);
        assertThat(client.getCases(project.id(), suite.id())).hasSize(600);
        assertThat(client.getSuites(project.id())).hasSize(1);
        assertThat(client.getProjects()).hasSize(1);
        assertThat(client.stats().calls("get_cases")).isEqualTo(1);
    }

    @Test
    void readsBareSuitesOfServersBefore931() throws InterruptedException {
        sim.setBareSuites(true);
        project.addSuite("Payments API");
        TestRailClient client = client(sim);
        assertThat(client.getSuites(project.id())).extracting(s -> s.name()).containsExactly("Orders API", "Payments API");
        assertThat(client.getCases(project.id(), suite.id())).hasSize(600);
    }

    @Test
    void toleratesLimitZeroInNextLinks() throws InterruptedException {
        sim.setZeroLimitLinks(true);
        TestRailClient client = client(sim);
        assertThat(client.getCases(project.id(), suite.id())).hasSize(600);
        assertThat(client.stats().calls("get_cases")).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({"/api/v2/get_cases/1&limit=250&offset=250, get_cases/1&limit=250&offset=250",
            "/api/v2/get_cases/1&suite_id=2&limit=0&offset=250, get_cases/1&suite_id=2&limit=250&offset=250",
            "api/v2/get_tests/7&offset=500&limit=0, get_tests/7&offset=500&limit=250",
            "/index.php?/api/v2/get_runs/3&limit=250&offset=250, get_runs/3&limit=250&offset=250",
            "'', ''"})
    void followsNextLinksAsTestRailWritesThem(String next, String path) {
        assertThat(TestRailHttp.followable(next)).isEqualTo(path);
    }

    @Test
    void skipsTheLegacyAuthenticationPrefix() throws InterruptedException {
        sim.setAuthPrefix(true);
        TestRailClient client = client(sim);
        assertThat(client.getCases(project.id(), suite.id())).hasSize(600);
        assertThat(client.getProject(project.id()).name()).isEqualTo("Checkout");
        assertThat(client.getStatuses()).hasSize(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/index.php", "/index.php?/dashboard"})
    void worksUnderASubPathWrittenAnyWay(String suffix) throws InterruptedException {
        String url = sim.url().substring(0, sim.url().length() - 1) + suffix;
        TestRailClient client = client(TestRailTesting.settings(url));
        assertThat(client.baseUrl()).isEqualTo(sim.url());
        assertThat(client.getProjects()).hasSize(1);
    }

    @Test
    void pagesEveryListCall() throws InterruptedException {
        IntStream.range(0, 260).forEach(i -> project.addMilestone("M" + i));
        IntStream.range(0, 255).forEach(i -> suite.addSection("Extra " + i));
        TestRailClient client = client(sim);
        assertThat(client.getMilestones(project.id())).hasSize(260);
        assertThat(client.getSections(project.id(), suite.id())).hasSize(257);
        long caseId = sim.cases(suite.id()).get(0).id();
        TestRun run = client.addRun(project.id(), new NewRun(suite.id(), "All", "",
                OptionalLong.empty(),
                sim.cases(suite.id()).stream().map(c -> c.id()).toList()));
        assertThat(client.getTests(run.id())).hasSize(600).first().satisfies(t -> assertThat(t.caseId()).isEqualTo(caseId));
    }

    @Test
    void anEmptyPageEndsTheListEvenWithANextLink() throws InterruptedException {
        sim.faults().onCall("get_cases", 1, Fault.ok("{\"offset\":0,\"limit\":250,\"size\":0,\"_links\":{\"next\":"
                + "\"/api/v2/get_cases/" + project.id() + "&suite_id=" + suite.id() + "&limit=250&offset=250\","
                + "\"prev\":null},\"cases\":[]}"));
        assertThat(client(sim).getCases(project.id(), suite.id())).isEmpty();
        assertThat(sim.calls("get_cases")).isOne();
    }

    @Test
    void readsAtMostTheCapOfPages() throws InterruptedException {
        assertThat(capped(3).getCases(project.id(), suite.id())).hasSize(600);
        Throwable thrown = catchThrowable(() -> capped(2).getCases(project.id(), suite.id()));
        assertThat(thrown).isInstanceOf(TestRailUnexpectedResponseException.class)
                .hasMessageContaining("get_cases").hasMessageContaining("more than 2 pages");
        assertThat(sim.calls("get_cases")).isEqualTo(5);
        assertThat(TestRailHttp.MAX_PAGES).isEqualTo(10_000);
    }

    /** A test client that reads at most {@code maxPages} pages of a list. */
    private TestRailClient capped(int maxPages) {
        TestRailSettings settings = TestRailTesting.settings(sim.url());
        return new TestRailClient(settings, TestRailTesting.OK_HTTP, new RetryPolicy(TestRailTesting.FAST,
                settings.maxRetryWait(), 8), new RateLimiter(RateLimiter.Limit.perMinute(100_000), System::nanoTime,
                Sleeper.SYSTEM), Sleeper.SYSTEM, ProgressListener.SILENT, maxPages);
    }
}
