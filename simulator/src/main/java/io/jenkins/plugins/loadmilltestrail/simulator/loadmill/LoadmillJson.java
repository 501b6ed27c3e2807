package io.jenkins.plugins.loadmilltestrail.simulator.loadmill;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Renders simulator state as the JSON Loadmill answers (shapes from the API reference §14). */
final class LoadmillJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private LoadmillJson() {}

    static ObjectNode planRun(PlanRun run, String origin, boolean allFlows, boolean groupAttempts) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", run.id);
        node.put("description", run.description);
        String status = run.status();
        node.put("status", status);
        node.put("startTime", run.startMillis);
        if (status.equals("RUNNING")) {
            node.putNull("endTime");
        } else {
            node.put("endTime", run.endMillis());
        }
        ArrayNode suites = node.putArray("testSuitesRuns");
        for (SuiteRun suite : run.suites) {
            suites.add(suiteRun(suite, origin, allFlows, groupAttempts));
        }
        return node;
    }

    /**
     * A suite run. Every flow is listed only with {@code fetchAllFlows} (as the SDK's final call
     * asks); otherwise only as many as {@link TestSuiteScenario#pollListsFirstFlows} says (none by
     * default): the reference does not say what Loadmill omits, so clients must not rely on them.
     */
    static ObjectNode suiteRun(SuiteRun suite, String origin, boolean allFlows, boolean groupAttempts) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", suite.id);
        node.put("testSuiteId", suite.scenario.id());
        node.put("description", suite.description);
        node.put("status", suite.status());
        if (!suite.scenario.omitsUrl()) {
            node.put("url", origin + "/app/api-tests/test-suite-runs/" + suite.id);
        }
        node.put("startTime", suite.startMillis);
        if (suite.running()) {
            node.putNull("endTime");
        } else {
            node.put("endTime", suite.endMillis);
        }
        if (!suite.scenario.errorMessage().isEmpty() && !suite.running()) {
            node.putObject("error").put("message", suite.scenario.errorMessage());
        }
        ArrayNode flows = node.putArray("testSuiteFlowRuns");
        int listed = allFlows ? suite.flows.size() : Math.min(suite.scenario.pollFlows(), suite.flows.size());
        for (int i = 0; i < listed; i++) {
            flows.add(flowSummary(suite, i, groupAttempts));
        }
        return node;
    }

    private static ObjectNode flowSummary(SuiteRun suite, int index, boolean groupAttempts) {
        FlowScenario flow = suite.flows.get(index);
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", suite.flowRunIds.get(index));
        node.put("description", flow.name());
        node.put("status", suite.flowStatus(index));
        node.put("testSuiteFlowStatus", flow.lifecycleStatus());
        long[][] attempts = suite.attempts.get(index);
        if (suite.flowRan(index)) {
            node.put("startTime", attempts[0][0]);
            node.put("endTime", attempts[attempts.length - 1][1]);
            if (groupAttempts) {
                ArrayNode runs = node.putArray("runs");
                for (long[] attempt : attempts) {
                    runs.addObject().put("startTime", attempt[0]).put("endTime", attempt[1]);
                }
            }
        }
        return node;
    }

    /** {@code GET /api/test-suites-runs/flows/{id}} for flow {@code index} of {@code suite}. */
    static ObjectNode flowDetail(SuiteRun suite, int index) {
        FlowScenario flow = suite.flows.get(index);
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", suite.flowRunIds.get(index));
        node.put("description", flow.name());
        node.put("status", suite.flowStatus(index));
        long[][] attempts = suite.attempts.get(index);
        if (suite.flowRan(index)) {
            long[] last = attempts[attempts.length - 1];
            node.put("startTime", last[0]);
            node.put("endTime", last[1]);
        }
        node.put("testSuiteFlowId", UUID.nameUUIDFromBytes((suite.scenario.id() + "/" + flow.name())
                .getBytes(StandardCharsets.UTF_8)).toString());
        node.put("testSuiteId", suite.scenario.id());
        node.putObject("conf").put("description", flow.name());
        FlowFailure failure = flow.failure().orElse(FlowFailure.of(
                RequestStep.of(flow.name(), "GET", TestSuiteScenario.EXAMPLE_API + "/health")));
        if (failure.afterEach().isEmpty()) {
            node.set("result", part(failure.steps(), 0, failure.error()));
            node.set("redactableResult", redactable(failure.steps()));
        } else {
            ObjectNode result = node.putObject("result");
            result.set("flow", part(failure.steps(), 0, failure.error()));
            result.set("afterEach", part(failure.afterEach(), failure.steps().size(), ""));
            ObjectNode redactable = node.putObject("redactableResult");
            redactable.set("flow", redactable(failure.steps()));
            redactable.set("afterEach", redactable(failure.afterEach()));
        }
        return node;
    }

    /** One sequence result; failure keys start at {@code offset} (after-each steps follow the flow's). */
    private static ObjectNode part(List<RequestStep> steps, int offset, String error) {
        ObjectNode result = MAPPER.createObjectNode();
        ArrayNode requests = result.putArray("resolvedRequests");
        ObjectNode failures = result.putObject("failures");
        for (int i = 0; i < steps.size(); i++) {
            RequestStep step = steps.get(i);
            ObjectNode request = requests.addObject();
            if (!step.description().isEmpty()) {
                request.put("description", step.description());
            }
            request.put("method", step.method());
            request.put("url", step.url());
            // What was sent, with a secret header a client must not pass on (evidence attachments hide it).
            ArrayNode sent = request.putArray("headers");
            sent.addObject().put("name", "Content-Type").put("value", "application/json");
            sent.addObject().put("name", "Authorization").put("value", "Bearer sim-secret-token");
            if (!step.method().equalsIgnoreCase("GET")) {
                request.putObject("postData").put("mimeType", "application/json").put("text", "{\"step\":" + (offset + i) + "}");
            }
            ArrayNode asserts = request.putArray("assert");
            ObjectNode histogram = MAPPER.createObjectNode();
            int failed = 0;
            for (int a = 0; a < step.assertions().size(); a++) {
                RequestStep.StepAssertion assertion = step.assertions().get(a);
                ObjectNode json = asserts.addObject().put("check", assertion.check());
                if (assertion.operator().equals("falsy")) {
                    json.put("falsy", true);
                } else if (!assertion.operator().isEmpty()) {
                    json.put(assertion.operator(), assertion.expected());
                }
                if (assertion.failed()) {
                    histogram.put(String.valueOf(a), 1);
                    failed++;
                }
            }
            for (String message : step.requestErrors()) {
                histogram.put(message, 1);
                failed++;
            }
            ObjectNode response = request.putObject("response");
            response.put("status", step.responseStatus());
            response.put("statusText", step.responseStatusText());
            response.put("type", "application/json");
            response.put("text", "{}");
            response.putArray("headers").addObject().put("name", "content-type").put("value", "application/json");
            if (failed > 0) {
                ObjectNode entry = failures.putObject(String.valueOf(offset + i));
                entry.put("numFailures", failed);
                entry.set("histogram", histogram);
            }
        }
        if (!error.isEmpty()) {
            result.put("err", error);
        }
        result.put("lastStartedIndex", Math.max(0, steps.size() - 1));
        return result;
    }

    private static ArrayNode redactable(List<RequestStep> steps) {
        ArrayNode out = MAPPER.createArrayNode();
        for (RequestStep step : steps) {
            ArrayNode params = out.addObject().putArray("postParameters");
            for (RequestStep.StepAssertion assertion : step.assertions()) {
                assertion.actual().ifPresent(actual -> params.addObject().put(assertion.check(), actual));
            }
        }
        return out;
    }
}
