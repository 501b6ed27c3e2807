package io.jenkins.plugins.loadmilltestrail.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.SimulatorServer;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Whether a failed request was sent, over real HTTP to the shared simulator server. */
class HttpTransportTest {
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger dropFrom = new AtomicInteger(Integer.MAX_VALUE);
    private final SimulatorServer server = new SimulatorServer(0, exchange -> {
        SimulatorServer.body(exchange);
        if (requests.incrementAndGet() >= dropFrom.get()) {
            SimulatorServer.apply(exchange, Fault.dropped());
            return;
        }
        SimulatorServer.send(exchange, 200, "application/json", "{}", Map.of());
    });
    private final AtomicInteger callerEvents = new AtomicInteger();
    private final OkHttpClient http = new OkHttpClient.Builder()
            .readTimeout(10, TimeUnit.SECONDS)
            .eventListener(new EventListener() {
                @Override
                public void callStart(Call call) {
                    callerEvents.incrementAndGet();
                }
            })
            .build();
    private final HttpTransport transport = new HttpTransport(http, HttpLimits.DEFAULTS, 4, new CallStats());

    @AfterEach
    void stop() {
        server.close();
        http.connectionPool().evictAll();
    }

    private Request post() {
        return new Request.Builder().url(server.url() + "/start")
                .post(RequestBody.create("{}", MediaType.get("application/json"))).build();
    }

    @Test
    void aRefusedConnectionIsNotSent() {
        String url = server.url();
        server.close();

        assertThatThrownBy(() -> transport.execute(new Request.Builder().url(url + "/start").build(), "start"))
                .isInstanceOfSatisfying(RequestNotSentException.class,
                        e -> assertThat(e.failure()).isInstanceOf(ConnectException.class));
    }

    @Test
    void aPostDroppedOnAReusedConnectionIsSentAndNotRepeated() throws Exception {
        assertThat(transport.execute(post(), "start").status()).isEqualTo(200);
        dropFrom.set(2);

        assertThatThrownBy(() -> transport.execute(post(), "start"))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(RequestNotSentException.class);
        assertThat(requests).hasValue(2); // OkHttp's silent retry would have made it 3
        assertThat(transport.stats().totalCalls()).isEqualTo(2);
    }

    @Test
    void theCallersEventListenerStillHearsEveryCall() throws Exception {
        transport.execute(post(), "start");
        transport.execute(post(), "start");

        assertThat(callerEvents).hasValue(2);
    }

    @Test
    void describeNamesTheFailureNotTheWrapper() {
        IOException refused = new ConnectException("Failed to connect to /127.0.0.1:9");

        assertThat(HttpTransport.describe(new RequestNotSentException(refused)))
                .isEqualTo("ConnectException: Failed to connect to /127.0.0.1:9");
        assertThat(HttpTransport.describe(new IOException(""))).isEqualTo("IOException");
    }

    @Test
    @Timeout(20)
    void anErrorWhileReadingTheAnswerStillEndsTheCall() {
        // An Error thrown while the answer is read, where an OutOfMemoryError would strike: OkHttp
        // tells the caller nothing about it, so the transport must.
        OkHttpClient failing = http.newBuilder().eventListener(new EventListener() {
            @Override
            public void responseBodyEnd(Call call, long byteCount) {
                throw new OutOfMemoryError("simulated");
            }
        }).build();
        HttpTransport failingTransport = new HttpTransport(failing, HttpLimits.DEFAULTS, 4, new CallStats());

        assertThatThrownBy(() -> failingTransport.execute(post(), "start"))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(RequestNotSentException.class)
                .hasMessageContaining("the answer could not be read (java.lang.OutOfMemoryError: simulated)");
    }
}
