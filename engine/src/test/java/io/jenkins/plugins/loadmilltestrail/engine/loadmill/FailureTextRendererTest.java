package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailureTextRendererTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Builds a one-request detail with these asserts, failures and post parameters. */
    private static String detail(String asserts, String failures, String postParameters) {
        return "{\"result\":{\"resolvedRequests\":[{\"description\":\"Cancel order\",\"method\":\"POST\","
                + "\"url\":\"https://x/orders/42/cancel\",\"assert\":" + asserts + ",\"response\":{\"status\":409}}],"
                + "\"failures\":" + failures + "},\"redactableResult\":[{\"postParameters\":" + postParameters + "}]}";
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("the reference's example (§14.4)",
                        detail("[{\"check\":\"__status\",\"equals\":\"200\"},{\"check\":\"cancelled_at\"}]",
                                "{\"0\":{\"numFailures\":1,\"histogram\":{\"0\":1,\"1\":1}}}",
                                "[{\"__status\":\"409\"}]"),
                        "Cancel order - POST https://x/orders/42/cancel\n"
                                + "Expected: __status Equals 200 / Actual: 409\n"
                                + "Expected: cancelled_at Exists / Actual: null"),
                Arguments.of("every operator's words",
                        detail("[{\"check\":\"a\",\"notEquals\":\"1\"},{\"check\":\"b\",\"contains\":\"x\"},"
                                        + "{\"check\":\"c\",\"notContains\":\"y\"},{\"check\":\"d\",\"matches\":\"^z$\"},"
                                        + "{\"check\":\"e\",\"greater\":5},{\"check\":\"f\",\"lesser\":2},"
                                        + "{\"check\":\"g\",\"falsy\":true},{\"check\":\"h\",\"JSONSchema\":{\"type\":\"object\"}},"
                                        + "{\"check\":\"i\",\"JSONContains\":\"{}\"}]",
                                "{\"0\":{\"numFailures\":9,\"histogram\":{\"8\":1,\"7\":1,\"6\":1,\"5\":1,\"4\":1,\"3\":1,\"2\":1,\"1\":1,\"0\":1}}}",
                                "[{\"a\":\"1\"},{\"e\":3},{\"g\":\"present\"}]"),
                        "Cancel order - POST https://x/orders/42/cancel\n"
                                + "Expected: a Doesn't equal 1 / Actual: 1\n"
                                + "Expected: b Contains x / Actual: null\n"
                                + "Expected: c Doesn't contain y / Actual: null\n"
                                + "Expected: d Matches ^z$ / Actual: null\n"
                                + "Expected: e Greater than 5 / Actual: 3\n"
                                + "Expected: f Less than 2 / Actual: null\n"
                                + "Expected: g Doesn't exist / Actual: present\n"
                                + "Expected: h JSON Schema {\"type\":\"object\"} / Actual: null\n"
                                + "Expected: i JSON Contains {} / Actual: null"),
                Arguments.of("a request-level error",
                        detail("[]", "{\"0\":{\"numFailures\":1,\"histogram\":{\"HTTP status 500 - Internal Server Error\":1}}}", "[]"),
                        "Cancel order - POST https://x/orders/42/cancel => HTTP status 500 - Internal Server Error"),
                Arguments.of("a request-level error and an assertion on the same request",
                        detail("[{\"check\":\"__status\",\"equals\":\"200\"}]",
                                "{\"0\":{\"numFailures\":2,\"histogram\":{\"0\":1,\"Response received after timeout of 30000ms exceeded\":1}}}",
                                "[]"),
                        "Cancel order - POST https://x/orders/42/cancel => Response received after timeout of 30000ms exceeded\n"
                                + "Expected: __status Equals 200 / Actual: 409"),
                Arguments.of("the flow's own error (string)",
                        "{\"result\":{\"err\":\"Flow did not run because a previous flow failed\"}}",
                        "Flow did not run because a previous flow failed"),
                Arguments.of("the flow's own error (object)",
                        "{\"result\":{\"resolvedRequests\":[],\"err\":{\"message\":\"Setup failed\"}}}",
                        "Setup failed"),
                Arguments.of("an unnamed request is numbered from 1",
                        "{\"result\":{\"resolvedRequests\":[{\"method\":\"GET\",\"url\":\"https://x/a\"},"
                                + "{\"method\":\"GET\",\"url\":\"https://x/b\"}],"
                                + "\"failures\":{\"1\":{\"numFailures\":1,\"histogram\":{\"HTTP status 404 - Not Found\":1}}}}}",
                        "Request #2 - GET https://x/b => HTTP status 404 - Not Found"),
                Arguments.of("zero failures are ignored",
                        detail("[]", "{\"0\":{\"numFailures\":0,\"histogram\":{}}}", "[]"),
                        ""),
                Arguments.of("the two-part {flow, afterEach} result, after-each numbered after the flow",
                        "{\"result\":{\"flow\":{\"resolvedRequests\":[{\"description\":\"Login\",\"method\":\"POST\",\"url\":\"https://x/login\","
                                + "\"assert\":[{\"check\":\"token\"}]}],"
                                + "\"failures\":{\"0\":{\"numFailures\":1,\"histogram\":{\"0\":1}}}},"
                                + "\"afterEach\":{\"resolvedRequests\":[{\"method\":\"DELETE\",\"url\":\"https://x/cart\"}],"
                                + "\"failures\":{\"1\":{\"numFailures\":1,\"histogram\":{\"HTTP status 500 - Oops\":1}}}}},"
                                + "\"redactableResult\":{\"flow\":[{\"postParameters\":[]}],\"afterEach\":[{\"postParameters\":[]}]}}",
                        "Login - POST https://x/login\n"
                                + "Expected: token Exists / Actual: null\n"
                                + "Request #2 - DELETE https://x/cart => HTTP status 500 - Oops"),
                Arguments.of("an assertion index the request does not have",
                        detail("[]", "{\"0\":{\"numFailures\":1,\"histogram\":{\"3\":1}}}", "[]"),
                        "Cancel order - POST https://x/orders/42/cancel\nAssertion #4 failed"),
                Arguments.of("an empty detail", "{}", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void renders(String name, String detail, String expected) throws Exception {
        assertThat(FailureTextRenderer.render(JSON.readTree(detail))).isEqualTo(expected);
    }
}
