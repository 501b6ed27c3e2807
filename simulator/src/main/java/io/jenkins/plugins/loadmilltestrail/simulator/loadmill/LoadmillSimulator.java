package io.jenkins.plugins.loadmilltestrail.simulator.loadmill;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.FaultPlan;
import io.jenkins.plugins.loadmilltestrail.simulator.SimulatorServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Loadmill API on a loopback port, driven by scripted scenarios. Serves what the plugin's
 * client uses (paths also under {@code /api/v1}):
 *
 * <ul>
 *   <li>{@code POST /api/test-plans/{id}/run} → {@code {testPlanRunId}} (or {@code {err}}, or 404)
 *   <li>{@code GET /api/test-plans-runs/{id}[?fetchAllFlows=true&groupFlowAttempts=true]}
 *   <li>{@code POST /api/test-suites/{id}/run} → {@code {testSuiteRunId}}
 *   <li>{@code GET /api/test-suites-runs/{id}}, {@code PUT /api/test-suites-runs/{id}[?forceFail=true]} (stop)
 *   <li>{@code GET /api/test-suites-runs/flows/{flowRunId}} (failure detail)
 *   <li>{@code GET /api/test-plans?rowsPerPage=n}, {@code GET /api/test-suites?rowsPerPage=n} (listings)
 * </ul>
 *
 * Every call needs the token, as HTTP Basic user with an empty password or as Bearer; otherwise
 * 401. Each poll of a run counts toward its scripted number of RUNNING polls. Faults (status codes,
 * delays, dropped connections on the Nth call of an endpoint) come from {@link #faults()}, keyed
 * by the {@code *_ENDPOINT} names below, which are also what {@link #calls(String)} counts.
 *
 * <pre>{@code
 * try (LoadmillSimulator sim = LoadmillSimulator.start()) {
 *     TestPlanScenario plan = sim.addTestPlan("Nightly")
 *         .suite("Orders API", s -> s.passed("Create order")
 *             .failedAssertion("Cancel order", "__status", "equals", "200", "409")
 *             .flaky("List orders", 1)
 *             .stopped("Refund order"))
 *         .runningPolls(2);
 *     // point a client at sim.url() with sim.token() and run plan.id()
 * }
 * }</pre>
 *
 * No {@code main}: the CLI's {@code simulate} command and tests start it.
 */
public final class LoadmillSimulator implements AutoCloseable {
    public static final String START_PLAN_ENDPOINT = "POST /api/test-plans/{id}/run";
    public static final String PLAN_RUN_ENDPOINT = "GET /api/test-plans-runs/{id}";
    public static final String START_SUITE_ENDPOINT = "POST /api/test-suites/{id}/run";
    public static final String SUITE_RUN_ENDPOINT = "GET /api/test-suites-runs/{id}";
    public static final String STOP_SUITE_RUN_ENDPOINT = "PUT /api/test-suites-runs/{id}";
    public static final String FLOW_RUN_ENDPOINT = "GET /api/test-suites-runs/flows/{id}";
    public static final String LIST_PLANS_ENDPOINT = "GET /api/test-plans";
    public static final String LIST_SUITES_ENDPOINT = "GET /api/test-suites";

    private record Route(String endpoint, Pattern path) {}

    /** A plan or suite in a listing. */
    private record Listed(String id, String name) {}

    private static final String ID = "([^/]+)";
    private static final List<Route> ROUTES = List.of(
            new Route(START_PLAN_ENDPOINT, Pattern.compile("POST /api/test-plans/" + ID + "/run")),
            new Route(PLAN_RUN_ENDPOINT, Pattern.compile("GET /api/test-plans-runs/" + ID)),
            new Route(START_SUITE_ENDPOINT, Pattern.compile("POST /api/test-suites/" + ID + "/run")),
            new Route(FLOW_RUN_ENDPOINT, Pattern.compile("GET /api/test-suites-runs/flows/" + ID)),
            new Route(SUITE_RUN_ENDPOINT, Pattern.compile("GET /api/test-suites-runs/" + ID)),
            new Route(STOP_SUITE_RUN_ENDPOINT, Pattern.compile("PUT /api/test-suites-runs/" + ID)),
            new Route(LIST_PLANS_ENDPOINT, Pattern.compile("GET /api/test-plans/?")),
            new Route(LIST_SUITES_ENDPOINT, Pattern.compile("GET /api/test-suites/?")));

    private final String token;
    private final FaultPlan faults = new FaultPlan();
    private final SimulatorServer server;
    private final Map<String, TestPlanScenario> plans = new ConcurrentHashMap<>();
    private final Map<String, TestSuiteScenario> suites = new ConcurrentHashMap<>();
    private final Map<String, PlanRun> planRuns = new ConcurrentHashMap<>();
    private final Map<String, SuiteRun> suiteRuns = new ConcurrentHashMap<>();
    /** Poll counts of suite runs started directly (plan suite runs count their plan's polls). */
    private final Map<String, AtomicInteger> directPolls = new ConcurrentHashMap<>();
    private final Map<String, SuiteRun> flowRunOwners = new ConcurrentHashMap<>();
    private final List<Launch> launches = new CopyOnWriteArrayList<>();
    private final List<StopCall> stops = new CopyOnWriteArrayList<>();
    private final List<TestPlanScenario> planOrder = new CopyOnWriteArrayList<>();
    private final List<TestSuiteScenario> suiteOrder = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> peakInFlight = new ConcurrentHashMap<>();

    private LoadmillSimulator(int port, String token) {
        if (token.isBlank()) {
            throw new IllegalArgumentException("the simulator needs a non-blank token");
        }
        this.token = token;
        this.server = new SimulatorServer(port, this::handle);
    }

    /** Starts on a free loopback port with a random token. */
    public static LoadmillSimulator start() {
        return start("sim-" + UUID.randomUUID());
    }

    /** Starts on a free loopback port accepting {@code token}. */
    public static LoadmillSimulator start(String token) {
        return start(0, token);
    }

    /** Starts on loopback {@code port} (0 for a free one) accepting {@code token}, e.g. for a CLI demo. */
    public static LoadmillSimulator start(int port, String token) {
        return new LoadmillSimulator(port, token);
    }

    /** The origin, e.g. http://127.0.0.1:PORT (the API is under /api). */
    public String url() {
        return server.url();
    }

    /** The one API token this simulator accepts. */
    public String token() {
        return token;
    }

    /** Scripted faults and per-endpoint call counts. */
    public FaultPlan faults() {
        return faults;
    }

    /** Calls of an endpoint so far (one of the {@code *_ENDPOINT} names), faulty ones included. */
    public int calls(String endpoint) {
        return faults.count(endpoint);
    }

    /**
     * The most calls of an endpoint handled at the same time so far. Counts from routing on, so a
     * {@link Fault#slow} delay counts but {@link #latency} does not.
     */
    public int peakConcurrency(String endpoint) {
        AtomicInteger peak = peakInFlight.get(endpoint);
        return peak == null ? 0 : peak.get();
    }

    /** Every answer waits this long first. */
    public LoadmillSimulator latency(Duration latency) {
        server.setLatency(latency);
        return this;
    }

    /** Adds a test plan; configure its suites on the returned scenario. */
    public TestPlanScenario addTestPlan(String name) {
        return addTestPlan(UUID.randomUUID().toString(), name);
    }

    /** Adds a test plan with a given id, e.g. one that documentation shows; configure its suites on the returned scenario. */
    public TestPlanScenario addTestPlan(String id, String name) {
        TestPlanScenario plan = new TestPlanScenario(id, name);
        if (plans.putIfAbsent(id, plan) != null) {
            throw new IllegalArgumentException("a test plan with id " + id + " exists already");
        }
        planOrder.add(plan);
        return plan;
    }

    /** Adds a test suite that can be started directly. */
    public TestSuiteScenario addTestSuite(String name, Consumer<TestSuiteScenario> script) {
        TestSuiteScenario suite = new TestSuiteScenario(name);
        script.accept(suite);
        suites.put(suite.id(), suite);
        suiteOrder.add(suite);
        return suite;
    }

    /** Every launch request received, in order (refused ones included). */
    public List<Launch> launches() {
        return List.copyOf(launches);
    }

    /** Every stop request received, in order. */
    public List<StopCall> stops() {
        return List.copyOf(stops);
    }

    /** The ids of the suite runs a plan run holds, in order. */
    public List<String> suiteRunIds(String planRunId) {
        PlanRun run = planRuns.get(planRunId);
        return run == null ? List.of() : run.suites.stream().map(s -> s.id).toList();
    }

    @Override
    public void close() {
        server.close();
    }

    /** How Loadmill describes a run: the name, then the additional description after a space. */
    static String describe(String name, String additionalDescription) {
        return additionalDescription.isBlank() ? name : name + " " + additionalDescription.trim();
    }

    private void handle(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/api/v1/")) {
            path = "/api/" + path.substring("/api/v1/".length());
        }
        String key = exchange.getRequestMethod() + " " + path;
        for (Route route : ROUTES) {
            Matcher m = route.path.matcher(key);
            if (m.matches()) {
                AtomicInteger current = inFlight.computeIfAbsent(route.endpoint, e -> new AtomicInteger());
                int now = current.incrementAndGet();
                peakInFlight.computeIfAbsent(route.endpoint, e -> new AtomicInteger()).accumulateAndGet(now, Math::max);
                SimulatorServer.onAnswer(exchange, current::decrementAndGet);
                try {
                    serve(route.endpoint, m.groupCount() > 0 ? m.group(1) : "", exchange);
                } finally {
                    SimulatorServer.answered(exchange);
                }
                return;
            }
        }
        json(exchange, 404, error("No such endpoint: " + key));
    }

    private void serve(String endpoint, String id, HttpExchange exchange) {
        Optional<Fault> fault = faults.register(endpoint);
        if (fault.isPresent() && SimulatorServer.apply(exchange, fault.get())) {
            return;
        }
        Optional<String> scheme = authScheme(exchange);
        if (scheme.isEmpty()) {
            json(exchange, 401, error("Unauthorized: invalid or missing API token"));
            return;
        }
        dispatch(endpoint, id, scheme.get(), exchange);
    }

    private void dispatch(String endpoint, String id, String scheme, HttpExchange exchange) {
        Map<String, String> query = query(exchange);
        switch (endpoint) {
            case START_PLAN_ENDPOINT -> startPlan(id, scheme, exchange);
            case START_SUITE_ENDPOINT -> startSuite(id, scheme, exchange);
            case PLAN_RUN_ENDPOINT -> {
                PlanRun run = planRuns.get(id);
                if (run == null) {
                    json(exchange, 404, error("Test plan run " + id + " not found"));
                    return;
                }
                run.polls.incrementAndGet();
                json(exchange, 200, LoadmillJson.planRun(run, url(), flag(query, "fetchAllFlows"),
                        flag(query, "groupFlowAttempts")));
            }
            case SUITE_RUN_ENDPOINT -> {
                SuiteRun run = suiteRuns.get(id);
                if (run == null) {
                    json(exchange, 404, error("Test suite run " + id + " not found"));
                    return;
                }
                AtomicInteger polls = directPolls.get(id);
                if (polls != null) {
                    polls.incrementAndGet();
                }
                json(exchange, 200, LoadmillJson.suiteRun(run, url(), true, flag(query, "groupFlowAttempts")));
            }
            case STOP_SUITE_RUN_ENDPOINT -> stopSuite(id, query, exchange);
            case FLOW_RUN_ENDPOINT -> {
                SuiteRun owner = flowRunOwners.get(id);
                if (owner == null) {
                    json(exchange, 404, error("Flow run " + id + " not found"));
                    return;
                }
                json(exchange, 200, LoadmillJson.flowDetail(owner, owner.flowRunIds.indexOf(id)));
            }
            case LIST_PLANS_ENDPOINT -> json(exchange, 200, listing("testPlans",
                    planOrder.stream().map(p -> new Listed(p.id(), p.name())).toList(), query));
            case LIST_SUITES_ENDPOINT -> json(exchange, 200, listing("testSuites",
                    suiteOrder.stream().map(s -> new Listed(s.id(), s.name())).toList(), query));
            default -> throw new IllegalStateException("unrouted " + endpoint);
        }
    }

    private void startPlan(String planId, String scheme, HttpExchange exchange) {
        Map<String, Object> body = body(exchange);
        TestPlanScenario plan = plans.get(planId);
        if (plan == null) {
            launches.add(new Launch("test-plan", planId, "", scheme, body));
            json(exchange, 404, error("Test plan " + planId + " not found"));
            return;
        }
        if (plan.launchErrorMessage().isPresent() || plan.launchesWithoutId()) {
            launches.add(new Launch("test-plan", planId, "", scheme, body));
            ObjectNode answer = LoadmillJson.MAPPER.createObjectNode();
            plan.launchErrorMessage().ifPresent(message -> answer.put("err", message));
            json(exchange, 200, answer);
            return;
        }
        PlanRun run = new PlanRun(plan, text(body, "additionalDescription"), System.currentTimeMillis());
        planRuns.put(run.id, run);
        run.suites.forEach(this::register);
        launches.add(new Launch("test-plan", planId, run.id, scheme, body));
        json(exchange, 200, LoadmillJson.MAPPER.createObjectNode().put("testPlanRunId", run.id));
    }

    private void startSuite(String suiteId, String scheme, HttpExchange exchange) {
        Map<String, Object> body = body(exchange);
        TestSuiteScenario suite = suites.get(suiteId);
        if (suite == null) {
            launches.add(new Launch("test-suite", suiteId, "", scheme, body));
            json(exchange, 404, error("Test suite " + suiteId + " not found"));
            return;
        }
        AtomicInteger polls = new AtomicInteger();
        int running = suite.neverFinishesFlag() ? Integer.MAX_VALUE : suite.runningPolls().orElse(0);
        SuiteRun run = new SuiteRun(suite, describe(suite.name(), text(body, "additionalDescription")),
                System.currentTimeMillis(), running, polls::get);
        directPolls.put(run.id, polls);
        register(run);
        launches.add(new Launch("test-suite", suiteId, run.id, scheme, body));
        json(exchange, 200, LoadmillJson.MAPPER.createObjectNode().put("testSuiteRunId", run.id));
    }

    private void register(SuiteRun run) {
        suiteRuns.put(run.id, run);
        run.flowRunIds.forEach(flowRunId -> flowRunOwners.put(flowRunId, run));
    }

    private void stopSuite(String suiteRunId, Map<String, String> query, HttpExchange exchange) {
        Map<String, Object> body = body(exchange);
        SuiteRun run = suiteRuns.get(suiteRunId);
        boolean forceFail = flag(query, "forceFail");
        stops.add(new StopCall(suiteRunId, forceFail, text(body, "additionalDescription")));
        if (run == null) {
            json(exchange, 404, error("Test suite run " + suiteRunId + " not found"));
            return;
        }
        run.stop(forceFail);
        SimulatorServer.send(exchange, 200, "", "", Map.of());
    }

    private Optional<String> authScheme(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return Optional.empty();
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim().equals(token) ? Optional.of("Bearer") : Optional.empty();
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                String user = colon < 0 ? decoded : decoded.substring(0, colon);
                return user.equals(token) ? Optional.of("Basic") : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A Loadmill-style listing: {@code search} filters by name, {@code rowsPerPage} (default 10) limits. */
    private static ObjectNode listing(String field, List<Listed> items, Map<String, String> query) {
        int rows;
        try {
            rows = Integer.parseInt(query.getOrDefault("rowsPerPage", "10"));
        } catch (NumberFormatException e) {
            rows = 10;
        }
        String search = query.getOrDefault("search", "").toLowerCase(Locale.ROOT);
        List<Listed> matching = items.stream().filter(i -> i.name().toLowerCase(Locale.ROOT).contains(search)).toList();
        ObjectNode answer = LoadmillJson.MAPPER.createObjectNode();
        ArrayNode array = answer.putArray(field);
        matching.stream().limit(Math.max(rows, 0)).forEach(i -> array.addObject().put("id", i.id()).put("description", i.name()));
        answer.put("total", matching.size());
        return answer;
    }

    private static Map<String, Object> body(HttpExchange exchange) {
        String text = SimulatorServer.body(exchange);
        if (text.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> parsed = LoadmillJson.MAPPER.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
            return parsed == null ? Map.of() : parsed;
        } catch (IOException e) {
            throw new IllegalArgumentException("request body is not a JSON object");
        }
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        return value == null ? "" : value.toString();
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static boolean flag(Map<String, String> query, String name) {
        return "true".equalsIgnoreCase(query.get(name));
    }

    private static JsonNode error(String message) {
        return LoadmillJson.MAPPER.createObjectNode().put("message", message);
    }

    private static void json(HttpExchange exchange, int status, JsonNode body) {
        SimulatorServer.send(exchange, status, "application/json; charset=utf-8", body.toString(), Map.of());
    }
}
