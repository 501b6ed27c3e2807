package io.jenkins.plugins.loadmilltestrail.simulator.loadmill;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the flow-run detail of a failed flow shows: its executed requests (with failed assertions
 * or request-level errors), optional after-each steps (which make Loadmill answer the two-part
 * {@code {flow, afterEach}} result) and an optional flow error ({@code result.err}).
 *
 * @param steps the flow's executed requests
 * @param afterEach after-each steps; empty for a one-part result
 * @param error the flow's own error message, "" for none
 */
public record FlowFailure(List<RequestStep> steps, List<RequestStep> afterEach, String error) {

    public FlowFailure {
        steps = List.copyOf(steps);
        afterEach = List.copyOf(afterEach);
        Objects.requireNonNull(error, "error");
    }

    /** A failure made of these executed requests. */
    public static FlowFailure of(RequestStep... steps) {
        return new FlowFailure(Arrays.asList(steps), List.of(), "");
    }

    /** A flow that failed outside any request (no executed requests, only {@code err}). */
    public static FlowFailure error(String message) {
        return new FlowFailure(List.of(), List.of(), message);
    }

    /** The same failure with after-each steps (two-part result). */
    public FlowFailure withAfterEach(RequestStep... afterEachSteps) {
        return new FlowFailure(steps, Arrays.asList(afterEachSteps), error);
    }

    /** The same failure with a flow error as well. */
    public FlowFailure withError(String message) {
        return new FlowFailure(steps, afterEach, message);
    }
}
