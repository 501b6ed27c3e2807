package io.jenkins.plugins.loadmilltestrail.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatorServerTest {
    private final FaultPlan faults = new FaultPlan();
    private final SimulatorServer server = new SimulatorServer(0, exchange -> {
        var fault = faults.register("ping");
        if (fault.isPresent() && SimulatorServer.apply(exchange, fault.get())) {
            return;
        }
        SimulatorServer.send(exchange, 200, "application/json", "{\"pong\":true}", Map.of());
    });
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        server.close();
    }

    /** A POST: the JDK client silently repeats a GET whose connection was dropped. */
    private HttpResponse<String> ping() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + "/ping"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesOnLoopbackWithNoDelayAndAppliesScriptedFaults() throws Exception {
        faults.onCall("ping", 2, Fault.status(503, "{}").withHeader("Retry-After", "1"))
                .onCall("ping", 3, Fault.dropped());

        assertThat(server.url()).startsWith("http://127.0.0.1:");
        assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
        assertThat(ping().body()).isEqualTo("{\"pong\":true}");
        HttpResponse<String> refused = ping();
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        assertThatThrownBy(this::ping).isInstanceOf(IOException.class);
        assertThat(ping().statusCode()).isEqualTo(200);
        assertThat(faults.count("ping")).isEqualTo(4);
    }

    @Test
    void anEchoingFaultShowsTheCredentialsFirstThenTheOtherHeaders() throws Exception {
        faults.onCall("ping", 1, Fault.echoingCredentials(200));

        HttpResponse<String> echoed = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/ping"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "ci@example.com:key-123".getBytes(StandardCharsets.UTF_8)))
                .header("X-Trace", "t-1").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(echoed.statusCode()).isEqualTo(200);
        assertThat(echoed.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
        assertThat(echoed.body()).startsWith("Authorization: Basic Y2lAZXhhbXBsZS5jb206a2V5LTEyMw==\n"
                + "Credentials: ci@example.com:key-123\n").contains("\nX-trace: t-1\n");
    }
}
