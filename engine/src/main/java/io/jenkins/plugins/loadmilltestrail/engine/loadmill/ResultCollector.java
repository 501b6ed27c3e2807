package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunKind;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import io.jenkins.plugins.loadmilltestrail.engine.model.SuiteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds {@link CollectedResults} from the finished run: fetches the detail of every flow that did
 * not pass (a few at a time, each retried) and renders its failure text. A detail that cannot be
 * fetched leaves a note in that flow's failure text instead of failing the collection.
 */
final class ResultCollector {
    /** Failure texts longer than this are cut: TestRail comments and JUnit reports stay readable. */
    static final int MAX_FAILURE_TEXT = 8_000;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final LoadmillClient client;
    private final TransientRetry retry;
    private final int detailConcurrency;
    private final ProgressListener listener;
    private final SuiteNameResolver names;

    ResultCollector(LoadmillClient client, TransientRetry retry, int detailConcurrency, ProgressListener listener,
            SuiteNameResolver names) {
        this.client = client;
        this.retry = retry;
        this.detailConcurrency = detailConcurrency;
        this.listener = listener;
        this.names = names;
    }

    CollectedResults collect(RunKind kind, String testPlanId, RunSnapshot run) throws InterruptedException {
        String what = kind == RunKind.TEST_PLAN ? "test plan run " + client.webUrls().planRun(run.id())
                : "test suite runs";
        if (run.suites().stream().allMatch(s -> s.flows().isEmpty())) {
            throw new LoadmillException("The Loadmill " + what + " finished (" + run.status()
                    + ") without running any flow, so there is nothing to publish. Usually no flow has \"Run in CI\" "
                    + "enabled (Loadmill runs only those from the API), or the labels or labels expression matched "
                    + "no flow.");
        }
        Map<String, String[]> failureTexts = fetchFailureTexts(run);
        List<SuiteResult> suites = new ArrayList<>();
        for (SuiteRunSnapshot suite : run.suites()) {
            suites.add(suite(suite, failureTexts));
        }
        boolean plan = kind == RunKind.TEST_PLAN;
        return new CollectedResults(kind, client.origin(), plan ? testPlanId : "", plan ? names.name(run.description()) : "",
                plan ? run.id() : "", plan ? client.webUrls().planRun(run.id()) : "",
                plan ? run.status() : worst(suites.stream().map(SuiteResult::status).toList()),
                run.startTime(), run.endTime(), suites);
    }

    /** A suite with its flows; flows not in {@code failureTexts} get none. */
    SuiteResult suite(SuiteRunSnapshot suite, Map<String, String[]> failureTexts) {
        String name = names.name(suite.description());
        String url = suite.url().isBlank() ? client.webUrls().suiteRun(suite.id()) : suite.url();
        List<FlowResult> flows = new ArrayList<>();
        for (FlowRunSnapshot flow : suite.flows()) {
            String[] failure = failureTexts.getOrDefault(flow.id(), new String[] {"", ""});
            flows.add(flow(flow, suite.id(), name, failure[0], failure[1]));
        }
        return new SuiteResult(suite.suiteId(), suite.id(), name, suite.description(), suite.status(), suite.error(),
                suite.startTime(), suite.endTime(), url, flows);
    }

    /** Worst first: FAILED, STOPPED, unknown values, RUNNING, FLAKY, PASSED. */
    static RunStatus worst(List<RunStatus> statuses) {
        RunStatus worst = RunStatus.PASSED;
        for (RunStatus status : statuses) {
            if (rank(status) > rank(worst)) {
                worst = status;
            }
        }
        return worst;
    }

    private static int rank(RunStatus status) {
        if (status.equals(RunStatus.FAILED)) {
            return 5;
        }
        if (status.equals(RunStatus.STOPPED)) {
            return 4;
        }
        if (!status.isKnown()) {
            return 3;
        }
        if (status.isRunning()) {
            return 2;
        }
        return status.equals(RunStatus.FLAKY) ? 1 : 0;
    }

    /** PASSED, or FLAKY after at least one retry, counts as passed (the SDK's rule). */
    static boolean passed(FlowRunSnapshot flow) {
        RunStatus status = RunStatus.of(flow.status());
        return status.equals(RunStatus.PASSED) || status.equals(RunStatus.FLAKY) && flow.attempts().size() > 1;
    }

    private FlowResult flow(FlowRunSnapshot flow, String suiteRunId, String suiteName, String failureText,
            String evidence) {
        Optional<Instant> start = flow.attempts().isEmpty() ? flow.startTime()
                : flow.attempts().get(0).startTime().or(flow::startTime);
        Optional<Instant> end = flow.attempts().isEmpty() ? flow.endTime()
                : flow.attempts().get(flow.attempts().size() - 1).endTime().or(flow::endTime);
        Duration duration = start.isPresent() && end.isPresent() && !end.get().isBefore(start.get())
                ? Duration.between(start.get(), end.get()) : Duration.ZERO;
        return new FlowResult(flow.id(), flow.name(), suiteName, RunStatus.of(flow.status()), flow.lifecycleStatus(),
                Math.max(0, flow.attempts().size() - 1), start, end, duration, failureText,
                client.webUrls().flowRun(suiteRunId, flow.id()), evidence);
    }

    /** Per failed flow: its failure text and the {@link FailureEvidence} of its failed requests. */
    private Map<String, String[]> fetchFailureTexts(RunSnapshot run) throws InterruptedException {
        Map<String, FlowRunSnapshot> failed = new LinkedHashMap<>();
        Map<String, String> suiteRunOf = new LinkedHashMap<>();
        for (SuiteRunSnapshot suite : run.suites()) {
            for (FlowRunSnapshot flow : suite.flows()) {
                if (!passed(flow) && !flow.id().isBlank()) {
                    failed.put(flow.id(), flow);
                    suiteRunOf.put(flow.id(), suite.id());
                }
            }
        }
        Map<String, String[]> texts = new LinkedHashMap<>();
        if (failed.isEmpty()) {
            return texts;
        }
        listener.info("Fetching failure details of " + failed.size() + " flow" + (failed.size() == 1 ? "" : "s") + ".");
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(detailConcurrency, failed.size()), r -> {
            Thread t = new Thread(r, "loadmill-flow-details-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<String[]>> futures = new LinkedHashMap<>();
            for (FlowRunSnapshot flow : failed.values()) {
                String url = client.webUrls().flowRun(suiteRunOf.get(flow.id()), flow.id());
                futures.put(flow.id(), pool.submit(() -> failureText(flow, url)));
            }
            for (Map.Entry<String, Future<String[]>> entry : futures.entrySet()) {
                texts.put(entry.getKey(), entry.getValue().get());
            }
            return texts;
        } catch (ExecutionException e) {
            // failureText catches everything it expects; anything else is a bug worth seeing.
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private String[] failureText(FlowRunSnapshot flow, String url) throws InterruptedException {
        String text;
        String evidence;
        try {
            com.fasterxml.jackson.databind.JsonNode detail = retry.call("fetching failure details of flow " + flow.name(),
                    () -> client.getFlowRun(flow.id()));
            text = FailureTextRenderer.render(detail);
            evidence = FailureEvidence.render(detail);
        } catch (LoadmillException e) {
            listener.warn("Could not fetch the failure details of flow " + flow.name() + ": " + e.getMessage());
            return new String[] {"Loadmill reports this flow as " + RunStatus.of(flow.status())
                    + "; its failure details could not be fetched (" + e.getMessage() + "). See " + url, ""};
        }
        if (text.isBlank()) {
            boolean ran = flow.startTime().isPresent() || !flow.attempts().isEmpty();
            text = ran ? "Loadmill reports this flow as " + RunStatus.of(flow.status()) + " without failure details."
                    : "The flow did not run (" + RunStatus.of(flow.status()) + ").";
        }
        return new String[] {text.length() <= MAX_FAILURE_TEXT ? text : text.substring(0, MAX_FAILURE_TEXT)
                + "\n… (truncated)", evidence};
    }
}
