package io.jenkins.plugins.loadmilltestrail.simulator.loadmill;

import java.util.Objects;

/**
 * A recorded stop request ({@code PUT /api/test-suites-runs/{id}}).
 *
 * @param suiteRunId the suite run asked to stop
 * @param forceFail whether {@code forceFail=true} was sent
 * @param additionalDescription the body's {@code additionalDescription}, "" if none
 */
public record StopCall(String suiteRunId, boolean forceFail, String additionalDescription) {
    public StopCall {
        Objects.requireNonNull(suiteRunId, "suiteRunId");
        Objects.requireNonNull(additionalDescription, "additionalDescription");
    }
}
