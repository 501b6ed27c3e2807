package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class FailureEvidenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode detail(String responseBody) {
        ObjectNode detail = JSON.createObjectNode();
        ObjectNode result = detail.putObject("result");
        ArrayNode requests = result.putArray("resolvedRequests");
        requests.addObject().put("description", "Log in").put("method", "POST").put("url", "https://x/login");
        ObjectNode failed = requests.addObject().put("description", "Cancel order").put("method", "POST")
                .put("url", "https://x/orders/42/cancel?api_key=s3cr3t&lang=en");
        ArrayNode headers = failed.putArray("headers");
        headers.addObject().put("name", "Authorization").put("value", "Bearer s3cr3t");
        headers.addObject().put("name", "X-Session-Id").put("value", "s3cr3t");
        headers.addObject().put("name", "Accept").put("value", "application/json");
        failed.putObject("postData").put("mimeType", "application/json").put("text", "{\"reason\":\"late\"}");
        ObjectNode response = failed.putObject("response").put("status", 409).put("statusText", "Conflict")
                .put("text", responseBody);
        response.putObject("headers").put("Set-Cookie", "sid=s3cr3t").put("Content-Type", "application/json");
        result.putObject("failures").putObject("1").put("numFailures", 1);
        return detail;
    }

    @Test
    void showsTheFailedRequestAndItsResponseWithoutSecrets() {
        String text = FailureEvidence.render(detail("{\"error\":\"already shipped\"}"));

        assertThat(text).contains("=== Request #2: Cancel order ===\nPOST https://x/orders/42/cancel?api_key=[hidden]&lang=en\n")
                .contains("Authorization: [hidden]\n").contains("X-Session-Id: [hidden]\n")
                .contains("Accept: application/json\n").contains("{\"reason\":\"late\"}")
                .contains("--- Response: 409 Conflict ---\n").contains("Set-Cookie: [hidden]\n")
                .contains("Content-Type: application/json\n").contains("{\"error\":\"already shipped\"}")
                .doesNotContain("s3cr3t").doesNotContain("Log in");
    }

    @Test
    void cutsLongBodiesAndTheWholeText() {
        String text = FailureEvidence.render(detail("y".repeat(FailureEvidence.MAX_BODY + 5)));
        assertThat(text).contains("… (body cut at " + FailureEvidence.MAX_BODY + " of " + (FailureEvidence.MAX_BODY + 5)
                + " characters)");
        assertThat(text.length()).isLessThan(FailureEvidence.MAX_BODY + 2_000);

        ObjectNode many = detail("z".repeat(FailureEvidence.MAX_BODY));
        ObjectNode failures = (ObjectNode) many.path("result").path("failures");
        ArrayNode requests = (ArrayNode) many.path("result").path("resolvedRequests");
        for (int i = 2; i < 10; i++) {
            requests.add(requests.get(1).deepCopy());
            failures.putObject(String.valueOf(i)).put("numFailures", 1);
        }
        assertThat(FailureEvidence.render(many)).hasSizeLessThanOrEqualTo(FailureEvidence.MAX_TOTAL)
                .endsWith("… (cut at " + FailureEvidence.MAX_TOTAL + " characters)\n");
    }

    @Test
    void nothingWhenNoRequestFailed() {
        assertThat(FailureEvidence.render(JSON.createObjectNode().put("result", "x"))).isEmpty();
        ObjectNode noFailures = detail("{}");
        ((ObjectNode) noFailures.path("result")).putObject("failures");
        assertThat(FailureEvidence.render(noFailures)).isEmpty();
    }
}
