package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.FaultPlan;
import io.jenkins.plugins.loadmilltestrail.simulator.SimulatorServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local TestRail (API v2) on a loopback port, for tests, the CLI demo and benchmarks.
 *
 * <pre>{@code
 * try (TestRailSimulator sim = TestRailSimulator.start()) {
 *     sim.addUser("ci@example.com", "key");
 *     ProjectSeed p = sim.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
 *     SectionSeed sec = p.addSuite("Orders API").addSection("Loadmill");
 *     SimCase c = sec.addCase("Create order");
 *     // point a client at sim.url() with user ci@example.com and key "key" ...
 *     assertThat(sim.runs()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>What it models (see {@code docs/testrail.md}): routing on
 * {@code index.php?/api/v2/<method>/<ids>&k=v} under an optional path prefix (unknown method → 404),
 * Basic auth (401), an API-disabled switch (403), projects a user may not access (403), the
 * paginated and the legacy bare-array list shapes, suite_mode rules, runs, plans, tests and atomic
 * result batches with TestRail's error texts, and PHP-style {@code \/} escaping in all JSON.
 *
 * <p>Misbehaviour: {@link #faults()} scripts answers by API method before anything is stored;
 * {@link #faultsAfterCommit()} replaces the answer of a call that was stored (a 500 or dropped
 * connection after commit; a {@link Fault#slow} there delays the answer of a stored call, which is
 * how a client read timeout after commit is simulated). Plus a per-instance rate limit, a maximum
 * body size (413), the legacy "USER AUTHENTICATION SUCCESSFUL!" prefix and latency. Every request
 * is counted per method and logged with timestamps.
 */
public final class TestRailSimulator implements AutoCloseable {
    public static final int SINGLE_SUITE = 1;
    public static final int SINGLE_SUITE_BASELINES = 2;
    public static final int MULTIPLE_SUITES = 3;
    /** What {@link #setEntryIdsNeedingEscapes} puts before each new entry id. */
    public static final String ENTRY_ID_ESCAPES = "odd/&#";
    public static final String AUTH_PREFIX = "USER AUTHENTICATION SUCCESSFUL!\n";
    public static final String API_DISABLED = "The API is disabled for your installation. It can be enabled in the "
            + "administration area in TestRail under Administration > Site Settings > API.";
    public static final String AUTH_FAILED = "Authentication failed: invalid or missing user/password or session cookie.";

    private final TestRailStore store = new TestRailStore();
    private final FaultPlan faults = new FaultPlan();
    private final FaultPlan faultsAfterCommit = new FaultPlan();
    private final List<LoggedRequest> log = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final String prefix;
    private final SimulatorServer server;
    private final TestRailEndpoints endpoints;
    private volatile boolean apiEnabled = true;
    private volatile boolean authPrefix;
    private volatile long maxBodyBytes;
    private volatile Optional<SimRateLimit> rateLimit = Optional.empty();

    private TestRailSimulator(int port, String pathPrefix) {
        String p = pathPrefix.startsWith("/") ? pathPrefix : "/" + pathPrefix;
        this.prefix = p.endsWith("/") ? p : p + "/";
        this.server = new SimulatorServer(port, this::handle);
        this.endpoints = new TestRailEndpoints(store, new TestRailViews(store, url()));
    }

    /** A simulator at the server root: {@code http://127.0.0.1:<port>/}. */
    public static TestRailSimulator start() {
        return new TestRailSimulator(0, "/");
    }

    /** A simulator at the server root on loopback port {@code port} (0 = a free one); for the CLI's simulate. */
    public static TestRailSimulator start(int port) {
        return new TestRailSimulator(port, "/");
    }

    /** A simulator under a sub-path, e.g. "/testrail/" as self-hosted servers often are. */
    public static TestRailSimulator start(String pathPrefix) {
        return new TestRailSimulator(0, pathPrefix);
    }

    /** The TestRail address users would configure, with a trailing slash. */
    public String url() {
        return server.url() + prefix;
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- seeding ----

    /** A user who logs in with {@code email} and {@code apiKey}; its name is the part before '@'. */
    public SimUser addUser(String email, String apiKey) {
        return store.addUser(email.contains("@") ? email.substring(0, email.indexOf('@')) : email, email, apiKey);
    }

    /** The user can no longer see or change the project (403 "No access to the project"). */
    public void denyAccess(SimUser user, long projectId) {
        store.denyAccess(user.id(), projectId);
    }

    /** @param suiteMode {@link #SINGLE_SUITE}, {@link #SINGLE_SUITE_BASELINES} or {@link #MULTIPLE_SUITES} */
    public ProjectSeed addProject(String name, int suiteMode) {
        if (suiteMode < 1 || suiteMode > 3) {
            throw new IllegalArgumentException("suite mode must be 1, 2 or 3");
        }
        return new ProjectSeed(store, store.addProject(name, suiteMode));
    }

    /** Seeding handle of an existing project (e.g. one created through the API). */
    public ProjectSeed project(long projectId) {
        return new ProjectSeed(store, store.project(projectId).orElseThrow());
    }

    /** Seeding handle of an existing section. */
    public SectionSeed section(long sectionId) {
        return new SectionSeed(store, store.section(sectionId).orElseThrow());
    }

    /** A custom case field, e.g. {@code addCaseField("automation_id", "Automation ID", 1, globalConfig(false, ""))}. */
    public SimField addCaseField(String name, String label, int typeId, SimFieldConfig... configs) {
        return store.addCaseField(name, label, typeId, List.of(configs));
    }

    public SimField addResultField(String name, String label, int typeId, SimFieldConfig... configs) {
        return store.addResultField(name, label, typeId, List.of(configs));
    }

    /** A custom result status with the next free id (6, 7...). */
    public SimStatus addCustomStatus(String label) {
        return store.addCustomStatus(label);
    }

    /**
     * A configuration group of the project with its configurations, e.g.
     * {@code addConfigGroup(projectId, "Environment", "Staging", "Production")}.
     */
    public SimConfigGroup addConfigGroup(long projectId, String name, String... configs) {
        return store.addConfigGroup(projectId, name, List.of(configs));
    }

    /** The configurations of a run (of a plan entry); empty for a run without. */
    public List<Long> runConfigIds(long runId) {
        return store.runConfigs(runId);
    }

    /** Closes a run as TestRail's UI does; results can no longer be added to it. */
    public SimRun closeRun(long runId) {
        return store.closeRun(runId);
    }

    /** Closes a plan and its runs as TestRail's UI does. */
    public SimPlan closePlan(long planId) {
        return store.closePlan(planId);
    }

    /** Renames a case as TestRail's UI does (updated_on becomes now). */
    public SimCase renameCase(long caseId, String title) {
        SimCase c = store.testCase(caseId).orElseThrow();
        return store.editCase(caseId, c.sectionId(), title);
    }

    /** Moves a case to another section, of its suite or another one (updated_on becomes now). */
    public SimCase moveCase(long caseId, long sectionId) {
        SimCase c = store.testCase(caseId).orElseThrow();
        store.section(sectionId).orElseThrow();
        return store.editCase(caseId, sectionId, c.title());
    }

    /** Deletes a case as TestRail's UI does: get_cases no longer lists it, add_run refuses its id, active runs lose its test. */
    public void deleteCase(long caseId) {
        store.deleteCases(List.of(caseId));
    }

    /**
     * Moves TestRail's clock (created_on, updated_on and the get_cases time filters) forward;
     * TestRail's timestamps are whole seconds, so tests step past the second of earlier writes.
     */
    public void advanceClock(Duration by) {
        store.advanceClock(by.toSeconds());
    }

    // ---- switches ----

    /**
     * Whether close_run / close_plan of a run or plan that is already closed is refused (default,
     * 400 "... is completed and cannot be edited.") or answered with the closed entity. A guess:
     * TestRail's documentation does not say which; clients must accept both.
     */
    public void setClosingClosedRefused(boolean value) {
        endpoints.setClosingClosedRefused(value);
    }

    /** Off: every call answers 403 with TestRail's "API is disabled" text. */
    public void setApiEnabled(boolean value) {
        apiEnabled = value;
    }

    /** On: every list call answers a bare array, as servers before 6.7 did. */
    public void setBareArrays(boolean value) {
        endpoints.setBareArrays(value);
    }

    /** On: get_suites alone answers a bare array, as servers before 9.3.1 did. */
    public void setBareSuites(boolean value) {
        endpoints.setBareSuites(value);
    }

    /** On: next links say {@code limit=0}, as some server versions wrote them. */
    public void setZeroLimitLinks(boolean value) {
        endpoints.setZeroLimitLinks(value);
    }

    /**
     * On: new plan entry ids start with "odd/&#" before their GUID, characters that break a URL
     * unless escaped, to test that clients escape entry ids in paths. TestRail's own are GUIDs.
     */
    public void setEntryIdsNeedingEscapes(boolean value) {
        store.setEntryIdPrefix(value ? ENTRY_ID_ESCAPES : "");
    }

    /**
     * Off: add_results_for_cases refuses elapsed times with decimals ("0.5s"), as TestRail versions
     * before decimal elapsed times did [inferred]; on (the default) accepts them, as newer ones do.
     */
    public void setElapsedDecimals(boolean value) {
        endpoints.setDecimalElapsed(value);
    }

    /** On: successful bodies start with "USER AUTHENTICATION SUCCESSFUL!" as on some legacy servers. */
    public void setAuthPrefix(boolean value) {
        authPrefix = value;
    }

    /** Files above {@code bytes} uploaded with add_attachment_to_result get 413 (default 256 MB) [guess: the answer]. */
    public void setMaxAttachmentBytes(long bytes) {
        store.extras.setMaxAttachmentBytes(bytes);
    }

    /** Off: the site setting that allows editing results is off, attachment uploads get 403 [guess: the answer]. */
    public void setAttachmentsAllowed(boolean value) {
        store.extras.setAttachmentsAllowed(value);
    }

    /** The files uploaded to a result. */
    public List<SimAttachment> attachments(long resultId) {
        return store.extras.attachments(resultId);
    }

    /** Every file uploaded to any result. */
    public List<SimAttachment> attachments() {
        return store.extras.allAttachments();
    }

    /** A run's references as stored, "" for none. */
    public String runRefs(long runId) {
        return store.extras.refs(runId);
    }

    /** The user a result assigned its test to, 0 for none. */
    public long resultAssignee(long resultId) {
        return store.extras.assignee(resultId);
    }

    /** Request bodies above {@code bytes} get 413 from the "web server"; 0 turns the limit off. */
    public void setMaxBodyBytes(long bytes) {
        maxBodyBytes = bytes;
    }

    /** TestRail Cloud's limit: {@code perMinute} requests per minute, 429 with Retry-After. */
    public void setRateLimit(int perMinute) {
        setRateLimit(perMinute, Duration.ofMinutes(1), true);
    }

    /** A rate limit over any window (short ones keep tests fast); without Retry-After if asked. */
    public void setRateLimit(int permits, Duration window, boolean sendRetryAfter) {
        rateLimit = Optional.of(new SimRateLimit(permits, window, sendRetryAfter));
    }

    public void clearRateLimit() {
        rateLimit = Optional.empty();
    }

    /** Every answer waits this long first (network plus server time). */
    public void setLatency(Duration latency) {
        server.setLatency(latency);
    }

    /**
     * Faults by API method, applied before a call is handled: nothing is stored. The exception is
     * {@link Fault#slow}, which lets the call be handled and delays its answer. Every call is
     * counted here ({@link #calls}), faulty or not.
     */
    public FaultPlan faults() {
        return faults;
    }

    /**
     * Faults applied after a call was handled and stored, replacing its answer. Call numbers count
     * only successfully handled calls of the method.
     */
    public FaultPlan faultsAfterCommit() {
        return faultsAfterCommit;
    }

    // ---- inspection ----

    /** Requests received for an API method so far (faulty ones included). */
    public int calls(String apiMethod) {
        return faults.count(apiMethod);
    }

    /** Requests per API method, sorted by name. */
    public Map<String, Integer> callCounts() {
        return faults.counts();
    }

    /** Every request so far, in arrival order. */
    public List<LoggedRequest> requestLog() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    public List<SimProject> projects() {
        return store.projects();
    }

    public List<SimSuite> suites(long projectId) {
        return store.suites(projectId);
    }

    public List<SimSection> sections(long suiteId) {
        return store.sections(suiteId);
    }

    /** The suite's cases in TestRail's order. */
    public List<SimCase> cases(long suiteId) {
        return store.cases(suiteId);
    }

    public Optional<SimCase> testCase(long caseId) {
        return store.testCase(caseId);
    }

    /** All runs, plan runs included. */
    public List<SimRun> runs() {
        return store.runs();
    }

    public Optional<SimRun> run(long runId) {
        return store.run(runId);
    }

    public List<SimPlan> plans() {
        return store.plans();
    }

    public Optional<SimPlan> plan(long planId) {
        return store.plan(planId);
    }

    public List<SimTest> tests(long runId) {
        return store.tests(runId);
    }

    /** The run's results, oldest first. */
    public List<SimResult> results(long runId) {
        return store.results(runId);
    }

    public List<SimStatus> statuses() {
        return store.statuses();
    }

    public List<SimMilestone> milestones(long projectId) {
        return store.milestones(projectId);
    }

    // ---- HTTP ----

    private void handle(HttpExchange exchange) {
        long received = System.nanoTime();
        String httpMethod = exchange.getRequestMethod();
        byte[] raw;
        try {
            raw = exchange.getRequestBody().readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        boolean apiPath = exchange.getRequestURI().getRawPath().equals(prefix + "index.php");
        Optional<ApiRequest> parsed = apiPath
                ? ApiRequest.parse(httpMethod, exchange.getRequestURI().getRawQuery()) : Optional.empty();
        String method = parsed.map(ApiRequest::method).orElse("");
        Optional<Fault> fault = faults.register(method);
        if (fault.isPresent() && !fault.get().passThrough()) {
            misbehave(exchange, fault.get(), httpMethod, method, received);
            return;
        }
        Answer answer = answer(exchange, parsed, body, raw, received);
        if (answer.status() == 200) {
            Optional<Fault> late = faultsAfterCommit.register(method);
            if (late.isPresent() && !late.get().passThrough()) {
                misbehave(exchange, late.get(), httpMethod, method, received);
                return;
            }
            late.ifPresent(slow -> pause(slow.delay()));
        }
        fault.ifPresent(slow -> pause(slow.delay()));
        record(httpMethod, method, answer.status(), received);
        SimulatorServer.send(exchange, answer.status(), answer.contentType(), answer.body(), answer.headers());
    }

    /** Logs before answering, so a client cannot have seen the answer before its logged time. */
    private void misbehave(HttpExchange exchange, Fault fault, String httpMethod, String method, long received) {
        pause(fault.delay());
        record(httpMethod, method, fault.dropConnection() ? 0 : fault.status(), received);
        SimulatorServer.apply(exchange, fault.after(Duration.ZERO));
    }

    private record Answer(int status, String contentType, String body, Map<String, String> headers) {
        static Answer json(int status, String json) {
            // PHP's json_encode escapes '/', and TestRail's answers show it.
            return new Answer(status, "application/json; charset=utf-8", json.replace("/", "\\/"), Map.of());
        }

        static Answer error(int status, String message) {
            return json(status, TestRailViews.MAPPER.createObjectNode().put("error", message).toString());
        }
    }

    private Answer answer(HttpExchange exchange, Optional<ApiRequest> parsed, String body, byte[] raw, long received) {
        if (parsed.isEmpty()) {
            return new Answer(404, "text/html; charset=utf-8", "<html><body><h1>404 Not Found</h1></body></html>", Map.of());
        }
        if (maxBodyBytes > 0 && body.getBytes(StandardCharsets.UTF_8).length > maxBodyBytes) {
            return new Answer(413, "text/html; charset=utf-8",
                    "<html><head><title>413 Request Entity Too Large</title></head><body>nginx</body></html>", Map.of());
        }
        Optional<SimRateLimit> limit = rateLimit;
        Optional<Long> retryAfter = limit.flatMap(l -> l.refuse(received));
        if (retryAfter.isPresent()) {
            long seconds = retryAfter.get();
            Answer refused = Answer.error(429, "API Rate Limit Exceeded - " + limit.get().permits() + " per "
                    + limit.get().window().toSeconds() + " seconds maximum allowed."
                    + (seconds > 0 ? " Retry after " + seconds + " seconds." : ""));
            return seconds > 0 ? new Answer(429, refused.contentType(), refused.body(), Map.of("Retry-After", "" + seconds))
                    : refused;
        }
        Optional<SimUser> user = authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
        if (user.isEmpty()) {
            return Answer.error(401, AUTH_FAILED);
        }
        if (!apiEnabled) {
            return Answer.error(403, API_DISABLED);
        }
        ApiRequest request = parsed.get();
        if (!endpoints.knows(request.method())) {
            return Answer.error(404, "Unknown method '" + request.method() + "'.");
        }
        JsonNode json;
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (SimMultipart.is(contentType)) {
            Optional<com.fasterxml.jackson.databind.node.ObjectNode> parts = SimMultipart.parse(contentType, raw);
            if (parts.isEmpty()) {
                return Answer.error(400, "The request body is not valid multipart/form-data.");
            }
            json = parts.get();
        } else {
            try {
                json = body.isBlank() ? TestRailViews.MAPPER.createObjectNode() : TestRailViews.MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                return Answer.error(400, "The request body is not valid JSON.");
            }
        }
        try {
            JsonNode result = endpoints.handle(request.with(json, user.get()));
            // TestRail answers its delete_* methods with an empty body.
            String text = result.isMissingNode() ? "" : result.toString();
            return Answer.json(200, authPrefix ? AUTH_PREFIX + text : text);
        } catch (ApiError e) {
            return Answer.error(e.status(), e.getMessage());
        }
    }

    private Optional<SimUser> authenticate(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String key = decoded.substring(colon + 1);
        return store.userByEmail(decoded.substring(0, colon)).filter(u -> u.apiKey().equals(key));
    }

    private void record(String httpMethod, String method, int status, long received) {
        synchronized (log) {
            log.add(new LoggedRequest(sequence.incrementAndGet(), httpMethod, method, status, received, System.nanoTime()));
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
