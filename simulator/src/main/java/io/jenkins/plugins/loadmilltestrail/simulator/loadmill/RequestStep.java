package io.jenkins.plugins.loadmilltestrail.simulator.loadmill;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One executed request of a flow run as the flow-run detail reports it: what was sent, the
 * response status, its assertions and any request-level error messages (e.g. {@code HTTP status 500
 * - Internal Server Error}). Immutable; the {@code with...} style methods return copies.
 *
 * @param description the step's name, "" for none (Loadmill then says "Request #n")
 * @param method HTTP method, e.g. POST
 * @param url the resolved URL
 * @param responseStatus the response's status code
 * @param responseStatusText the response's reason phrase
 * @param assertions the step's assertions, failed and passed
 * @param requestErrors request-level failure messages (histogram keys that are not assertion indexes)
 */
public record RequestStep(String description, String method, String url, int responseStatus,
        String responseStatusText, List<StepAssertion> assertions, List<String> requestErrors) {

    public RequestStep {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(responseStatusText, "responseStatusText");
        assertions = List.copyOf(assertions);
        requestErrors = List.copyOf(requestErrors);
    }

    /** A step answered 200 OK, with no assertions yet. */
    public static RequestStep of(String description, String method, String url) {
        return new RequestStep(description, method, url, 200, "OK", List.of(), List.of());
    }

    /** The same step with another response status. */
    public RequestStep respond(int status, String statusText) {
        return new RequestStep(description, method, url, status, statusText, assertions, requestErrors);
    }

    /**
     * Adds a failed assertion.
     *
     * @param operator Loadmill's operator key (equals, notEquals, contains, ..., falsy) or "" for "exists"
     * @param expected the expected value ("" for operators without one)
     * @param actual the extracted value, or null when the parameter was not extracted at all
     */
    public RequestStep failing(String check, String operator, String expected, String actual) {
        return with(new StepAssertion(check, operator, expected, Optional.ofNullable(actual), true));
    }

    /** Adds an assertion that held. */
    public RequestStep passing(String check, String operator, String expected, String actual) {
        return with(new StepAssertion(check, operator, expected, Optional.ofNullable(actual), false));
    }

    /** Adds a request-level failure message, e.g. {@code HTTP status 500 - Internal Server Error}. */
    public RequestStep requestError(String message) {
        List<String> errors = new ArrayList<>(requestErrors);
        errors.add(message);
        return new RequestStep(description, method, url, responseStatus, responseStatusText, assertions, errors);
    }

    /** True when the step has a failed assertion or a request-level error. */
    public boolean failed() {
        return !requestErrors.isEmpty() || assertions.stream().anyMatch(StepAssertion::failed);
    }

    private RequestStep with(StepAssertion assertion) {
        List<StepAssertion> list = new ArrayList<>(assertions);
        list.add(assertion);
        return new RequestStep(description, method, url, responseStatus, responseStatusText, list, requestErrors);
    }

    /**
     * One assertion of a step.
     *
     * @param operator Loadmill operator key, "" for "exists"
     * @param actual the extracted value; empty when not extracted (Loadmill then reports null)
     */
    public record StepAssertion(String check, String operator, String expected, Optional<String> actual,
            boolean failed) {
        public StepAssertion {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(actual, "actual");
        }
    }
}
