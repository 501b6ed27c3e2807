package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.http.CallStats;
import io.jenkins.plugins.loadmilltestrail.engine.http.HttpExchange;
import io.jenkins.plugins.loadmilltestrail.engine.http.HttpLimits;
import io.jenkins.plugins.loadmilltestrail.engine.http.HttpTransport;
import io.jenkins.plugins.loadmilltestrail.engine.http.ResponseTooLargeException;
import io.jenkins.plugins.loadmilltestrail.engine.http.RetryPolicy;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Loadmill's REST API, one method per call (API reference §6). Maps JSON to package-private
 * snapshots; no Jackson or OkHttp type leaves the package. Does not retry: the runner decides what
 * is safe to repeat. Error messages never contain the token.
 */
public final class LoadmillClient {
    static final String START_PLAN = "POST /api/test-plans/{id}/run";
    static final String PLAN_RUN = "GET /api/test-plans-runs/{id}";
    static final String START_SUITE = "POST /api/test-suites/{id}/run";
    static final String SUITE_RUN = "GET /api/test-suites-runs/{id}";
    static final String STOP_SUITE_RUN = "PUT /api/test-suites-runs/{id}";
    static final String FLOW_RUN = "GET /api/test-suites-runs/flows/{id}";
    static final String LIST_PLANS = "GET /api/test-plans";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /**
     * Calls of one client at once: a poll, the flow details fetched a few at a time, and stops.
     * Its own dispatcher, so that they never wait for calls of other clients (TestRail's above all).
     */
    private static final int MAX_CONCURRENT_CALLS = 8;

    private final HttpTransport transport;
    private final String origin;
    private final HttpUrl api;
    private final String authorization;
    private final LoadmillWebUrls webUrls;

    /** A client with the default {@link HttpLimits}. */
    public LoadmillClient(OkHttpClient http, String baseUrl, String apiToken, CallStats stats) {
        this(http, baseUrl, apiToken, HttpLimits.DEFAULTS, stats);
    }

    /**
     * @param http the front end's client (proxy settings); this client adds no interceptors to it
     * @param baseUrl the Loadmill origin, e.g. https://app.loadmill.com (a trailing /api is accepted)
     * @param apiToken the API token, sent as HTTP Basic user with an empty password (like the SDK)
     * @param limits the timeouts and largest answer of every call
     * @param stats where calls are counted
     */
    public LoadmillClient(OkHttpClient http, String baseUrl, String apiToken, HttpLimits limits, CallStats stats) {
        if (apiToken == null || apiToken.isBlank()) {
            throw new InvalidSettingsException("The Loadmill API token is missing: create one in Loadmill under "
                    + "Settings > Security.");
        }
        this.transport = new HttpTransport(http, limits.validated("Loadmill"), MAX_CONCURRENT_CALLS, stats);
        this.origin = LoadmillSettingsValidator.normalizeBaseUrl(baseUrl == null || baseUrl.isBlank()
                ? LoadmillSettings.DEFAULT_BASE_URL : baseUrl);
        this.api = HttpUrl.get(origin + "/api/");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((apiToken.trim() + ":").getBytes(StandardCharsets.UTF_8));
        this.webUrls = new LoadmillWebUrls(origin);
    }

    private LoadmillClient(LoadmillClient base, HttpTransport transport) {
        this.transport = transport;
        this.origin = base.origin;
        this.api = base.api;
        this.authorization = base.authorization;
        this.webUrls = base.webUrls;
    }

    /** A client whose every call gives up after {@code deadline}, for stopping runs while aborting. */
    LoadmillClient withCallTimeout(Duration deadline) {
        return new LoadmillClient(this, transport.withCallTimeout(deadline));
    }

    public String origin() {
        return origin;
    }

    public LoadmillWebUrls webUrls() {
        return webUrls;
    }

    public CallStats stats() {
        return transport.stats();
    }

    /**
     * One cheap authenticated call, for "Test connection" buttons.
     *
     * @return e.g. "Connected to Loadmill at https://app.loadmill.com (token accepted)"
     * @throws LoadmillException with a message saying what to fix
     */
    public String testConnection() throws InterruptedException {
        HttpUrl url = api.newBuilder().addPathSegment("test-plans").addQueryParameter("rowsPerPage", "1").build();
        try {
            getJson(url, LIST_PLANS, "listing test plans");
        } catch (IOException e) {
            throw unreachable(e);
        }
        return "Connected to Loadmill at " + origin + " (token accepted)";
    }

    /**
     * Starts a test plan run; returns its id. Never retried here.
     *
     * @param answerWait how long to keep waiting for the answer after an interrupt, so that the run
     *     it may have started can be stopped (the id is returned with the interrupt status set)
     * @throws io.jenkins.plugins.loadmilltestrail.engine.http.RequestNotSentException when nothing
     *     reached Loadmill (safe to try again); any other IOException: a run may have started
     */
    String startTestPlan(LoadmillSettings settings, Duration answerWait) throws IOException, InterruptedException {
        ObjectNode body = MAPPER.createObjectNode();
        body.set("overrideParameters", MAPPER.valueToTree(settings.parameters()));
        body.put("inlineParameterOverride", settings.inlineParameterOverride());
        putIfPresent(body, "additionalDescription", settings.additionalDescription());
        putListIfPresent(body, "labels", settings.labels());
        putIfPresent(body, "labelsExpression", settings.labelsExpression());
        putIfPresent(body, "pool", settings.pool());
        settings.parallel().ifPresent(p -> body.put("parallel", p));
        putIfPresent(body, "branch", settings.branch());
        putListIfPresent(body, "tags", settings.tags());
        settings.maxFlakyFlowRetries().ifPresent(n -> body.put("maxFlakyFlowRetries", n));
        return launch(api.newBuilder().addPathSegment("test-plans").addPathSegment(settings.testPlanId())
                .addPathSegment("run").build(), body, START_PLAN, "test plan", settings.testPlanId(), "testPlanRunId",
                answerWait);
    }

    /** Starts a run of one suite; returns the suite run id. As {@link #startTestPlan}. */
    String startTestSuite(String suiteId, LoadmillSettings settings, Duration answerWait)
            throws IOException, InterruptedException {
        ObjectNode body = MAPPER.createObjectNode();
        body.set("overrideParameters", MAPPER.valueToTree(settings.parameters()));
        putIfPresent(body, "additionalDescription", settings.additionalDescription());
        putListIfPresent(body, "labels", settings.labels());
        putIfPresent(body, "pool", settings.pool());
        return launch(api.newBuilder().addPathSegment("test-suites").addPathSegment(suiteId).addPathSegment("run")
                .build(), body, START_SUITE, "test suite", suiteId, "testSuiteRunId", answerWait);
    }

    /** The plan run; with {@code allFlows}, every flow with grouped attempts (the final fetch). */
    RunSnapshot getPlanRun(String planRunId, boolean allFlows) throws IOException, InterruptedException {
        String what = "test plan run " + planRunId;
        JsonNode json = getJson(runUrl("test-plans-runs", planRunId, allFlows), PLAN_RUN, what);
        // The SDK counts an answer without this array as a failed poll; so do we (it is retried).
        if (!json.path("testSuitesRuns").isArray()) {
            throw new LoadmillUnavailableException("Loadmill answered " + what + " without its suite runs",
                    "an answer without its suite runs", Optional.empty());
        }
        List<SuiteRunSnapshot> suites = new ArrayList<>();
        for (JsonNode suite : json.path("testSuitesRuns")) {
            suites.add(suiteRun(suite, ""));
        }
        return new RunSnapshot(text(json, "id", planRunId), text(json, "description", ""), status(json),
                time(json.get("startTime")), time(json.get("endTime")), suites);
    }

    /** A suite run started directly. */
    SuiteRunSnapshot getSuiteRun(String suiteRunId, String suiteId, boolean allFlows)
            throws IOException, InterruptedException {
        return suiteRun(getJson(runUrl("test-suites-runs", suiteRunId, allFlows), SUITE_RUN,
                "test suite run " + suiteRunId), suiteId);
    }

    /** A flow run's detail (requests, assertions, failures), for {@link FailureTextRenderer}. */
    JsonNode getFlowRun(String flowRunId) throws IOException, InterruptedException {
        HttpUrl url = api.newBuilder().addPathSegment("test-suites-runs").addPathSegment("flows")
                .addPathSegment(flowRunId).build();
        return getJson(url, FLOW_RUN, "flow run " + flowRunId);
    }

    /** Stops a suite run (left in Loadmill's stopped state); {@code note} is appended to its description. */
    void stopSuiteRun(String suiteRunId, String note) throws IOException, InterruptedException {
        HttpUrl url = api.newBuilder().addPathSegment("test-suites-runs").addPathSegment(suiteRunId).build();
        ObjectNode body = MAPPER.createObjectNode().put("additionalDescription", note);
        Request request = base(url).put(RequestBody.create(body.toString(), JSON)).build();
        check(exchange(request, STOP_SUITE_RUN, "stopping test suite run " + suiteRunId), "stopping test suite run "
                + suiteRunId, "");
    }

    /** A network failure as a user-facing error. */
    LoadmillException unreachable(IOException e) {
        return new LoadmillException("Could not reach Loadmill at " + origin + " (" + HttpTransport.describe(e)
                + "). Check the Loadmill URL and the network or proxy settings.", e);
    }

    /**
     * @param kind "test plan" or "test suite"
     * @param id its id
     */
    private String launch(HttpUrl url, ObjectNode body, String method, String kind, String id, String idField,
            Duration answerWait) throws IOException, InterruptedException {
        String what = kind + " " + id;
        Request request = base(url).post(RequestBody.create(body.toString(), JSON)).build();
        HttpExchange answer = exchange(request, method, "starting " + what, answerWait);
        check(answer, "starting " + what, "Loadmill has no " + kind + " with id " + id
                + " (HTTP 404), or the token's team cannot see it. Check the " + kind
                + " id: copy it from the address of the " + kind + "'s page in Loadmill.");
        JsonNode json = parse(answer, "starting " + what);
        JsonNode err = json.get("err");
        if (err != null && !err.isNull()) {
            String message = err.isTextual() ? err.asText() : err.path("message").isTextual()
                    ? err.path("message").asText() : err.toString();
            throw new LoadmillException("Loadmill refused to start " + what + ": " + message);
        }
        String runId = json.path(idField).asText("");
        if (runId.isBlank()) {
            throw new LoadmillException("Loadmill answered the request to start " + what + " without a run id ("
                    + idField + " missing), so there is nothing to wait for. Check the " + kind + " in Loadmill.");
        }
        return runId;
    }

    /**
     * Turns an unsuccessful answer into an exception.
     *
     * @param notFound the message for a 404 of a launch (no such plan or suite), "" for any other call
     */
    private void check(HttpExchange answer, String what, String notFound) {
        int status = answer.status();
        if (answer.isSuccessful()) {
            return;
        }
        if (status == 401) {
            throw new LoadmillException("Loadmill rejected the API token (HTTP 401) while " + what
                    + ". Create a new token in Loadmill under Settings > Security (" + webUrls.tokenSettings()
                    + ") and use it instead.");
        }
        if (status == 403) {
            throw new LoadmillException("Loadmill refused access (HTTP 403) while " + what
                    + ": the token's user may not have access to it. Use a token of a user in the right team.");
        }
        if (status == 404 && !notFound.isEmpty()) {
            throw new LoadmillException(notFound);
        }
        String summary = "Loadmill answered HTTP " + status + " while " + what;
        if (status == 429 || status == 502 || status == 503 || status == 504) {
            throw new LoadmillUnavailableException(summary + ".", "HTTP " + status,
                    RetryPolicy.retryAfter(answer, ZonedDateTime.now(ZoneOffset.UTC)));
        }
        String preview = answer.bodyPreview(200);
        // A start that failed on the server may still have started a run: say so before "try again".
        String advice = status < 500 ? " Check the Loadmill URL (" + origin + ") and this job's Loadmill settings."
                : notFound.isEmpty() ? " This is an error on Loadmill's side; try again later."
                : " This is an error on Loadmill's side; check the runs in Loadmill before trying again (a run may "
                        + "have started anyway).";
        throw new LoadmillException(summary + (preview.isEmpty() ? "." : ": " + preview + ".") + advice);
    }

    private JsonNode parse(HttpExchange answer, String what) {
        try {
            JsonNode json = MAPPER.readTree(answer.body());
            if (json == null || !json.isObject()) {
                throw new JsonProcessingException("not a JSON object") {};
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new LoadmillException("Loadmill's answer while " + what + " is not the expected JSON (it starts with '"
                    + answer.bodyPreview(60) + "'). Check that the Loadmill URL " + origin
                    + " points at Loadmill and not at a proxy or login page.");
        }
    }

    private SuiteRunSnapshot suiteRun(JsonNode suite, String knownSuiteId) {
        List<FlowRunSnapshot> flows = new ArrayList<>();
        for (JsonNode flow : suite.path("testSuiteFlowRuns")) {
            List<FlowRunSnapshot.Attempt> attempts = new ArrayList<>();
            for (JsonNode run : flow.path("runs")) {
                attempts.add(new FlowRunSnapshot.Attempt(time(run.get("startTime")), time(run.get("endTime"))));
            }
            flows.add(new FlowRunSnapshot(text(flow, "id", ""), text(flow, "description", ""),
                    text(flow, "status", ""), text(flow, "testSuiteFlowStatus", ""), time(flow.get("startTime")),
                    time(flow.get("endTime")), attempts));
        }
        JsonNode error = suite.get("error");
        String errorText = error == null || error.isNull() ? ""
                : error.isTextual() ? error.asText() : error.path("message").asText("");
        return new SuiteRunSnapshot(text(suite, "id", ""), text(suite, "testSuiteId", knownSuiteId),
                text(suite, "description", ""), status(suite), text(suite, "url", ""),
                errorText, time(suite.get("startTime")), time(suite.get("endTime")), flows);
    }

    /** A run without a status has not reported its outcome yet: like the SDK, keep waiting for it. */
    private static RunStatus status(JsonNode run) {
        String status = text(run, "status", "");
        return status.isBlank() ? RunStatus.RUNNING : RunStatus.of(status);
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? fallback : value.asText();
    }

    /** Epoch milliseconds (what Loadmill sends), a numeric string, or ISO-8601; anything else is absent. */
    static Optional<Instant> time(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return Optional.of(Instant.ofEpochMilli(node.asLong()));
        }
        String text = node.asText("").trim();
        if (text.matches("\\d{10,}")) {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(text)));
        }
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void putIfPresent(ObjectNode body, String field, String value) {
        if (!value.isBlank()) {
            body.put(field, value);
        }
    }

    private static void putListIfPresent(ObjectNode body, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = body.putArray(field);
            values.forEach(array::add);
        }
    }

    /** A run's address; with {@code allFlows}, asking for every flow with grouped attempts. */
    private HttpUrl runUrl(String collection, String runId, boolean allFlows) {
        HttpUrl.Builder url = api.newBuilder().addPathSegment(collection).addPathSegment(runId);
        if (allFlows) {
            url.addQueryParameter("fetchAllFlows", "true").addQueryParameter("groupFlowAttempts", "true");
        }
        return url.build();
    }

    /** A GET whose answer must be a JSON object; refusals become {@link LoadmillException}s. */
    private JsonNode getJson(HttpUrl url, String method, String what) throws IOException, InterruptedException {
        HttpExchange answer = exchange(base(url).get().build(), method, what);
        check(answer, what, "");
        return parse(answer, what);
    }

    /** One call; an answer too large to read is an error, not retried: the same call would get the same answer. */
    private HttpExchange exchange(Request request, String method, String what) throws IOException, InterruptedException {
        return exchange(request, method, what, Duration.ZERO);
    }

    /** As {@link #exchange(Request, String, String)}, awaiting the answer after an interrupt (see HttpTransport). */
    private HttpExchange exchange(Request request, String method, String what, Duration graceOnInterrupt)
            throws IOException, InterruptedException {
        try {
            return transport.execute(request, method, transport.limits().callTimeout(), graceOnInterrupt);
        } catch (ResponseTooLargeException e) {
            // A start (POST) may have started a run all the same.
            String started = request.method().equals("POST") ? " Loadmill may have started the run anyway: check the "
                    + "runs in Loadmill before trying again." : "";
            throw new LoadmillException("Loadmill's answer while " + what + " is too large: " + e.getMessage()
                    + ". Loadmill's answers are far smaller: check that the Loadmill URL " + origin + " points at "
                    + "Loadmill and not at a proxy or another server. If Loadmill really sends answers this large, "
                    + "raise the maximum answer size." + started, e);
        }
    }

    private Request.Builder base(HttpUrl url) {
        return new Request.Builder().url(url).header("Authorization", authorization)
                .header("Accept", "application/json");
    }
}
