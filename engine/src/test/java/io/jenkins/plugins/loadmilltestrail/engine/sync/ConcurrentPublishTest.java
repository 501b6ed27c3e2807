package io.jenkins.plugins.loadmilltestrail.engine.sync;

import static io.jenkins.plugins.loadmilltestrail.engine.sync.SyncFixtures.plan;
import static io.jenkins.plugins.loadmilltestrail.engine.sync.SyncFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.loadmilltestrail.engine.RecordingListener;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two publishes of one results file at once (a CI retry overlapping the first attempt). */
class ConcurrentPublishTest {
    private static final CollectedResults RESULTS = plan(suite("Checkout API", "Add item", "Pay"));

    @TempDir
    Path dir;

    private static TestRailSimulator seeded() {
        TestRailSimulator sim = SyncHttpTesting.simulator();
        sim.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES).addSuite("Checkout API").addSection("Cart")
                .addCase("Add item");
        return sim;
    }

    private static TestRailSync sync(TestRailSimulator sim, Duration lockWait) {
        return new TestRailSync(SyncHttpTesting.client(sim), new RecordingListener(),
                Clock.fixed(SyncFixtures.NOW, ZoneOffset.UTC), lockWait);
    }

    private static PublishSettings settings() {
        return PublishSettings.builder().project("Checkout").autoCreate(true).build();
    }

    @Test
    void theSecondPublishWaitsAndResumesInsteadOfCreatingASecondRun() throws Exception {
        try (TestRailSimulator sim = seeded()) {
            // Slow answers keep the first publish busy while the second starts.
            sim.faultsAfterCommit().always("add_run", Fault.slow(Duration.ofMillis(400)));
            Path file = dir.resolve("results.json");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Callable<PublishReport> publish = () -> sync(sim, Duration.ofSeconds(20)).publish(RESULTS, settings(), file);
                List<Future<PublishReport>> both = pool.invokeAll(List.of(publish, publish));
                for (Future<PublishReport> each : both) {
                    assertThat(each.get().postedResults()).isEqualTo(2);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(sim.runs()).as("one run for one results file").hasSize(1);
            assertThat(sim.results(sim.runs().get(0).id())).as("one result per case").hasSize(2);
            assertThat(sim.faults().count("add_case")).as("the missing case is created once").isEqualTo(1);
        }
    }

    @Test
    void aPublishThatCannotGetTheLockStopsWithoutWriting() throws Exception {
        try (TestRailSimulator sim = seeded();
                FileChannel held = FileChannel.open(PublishLock.besides(dir.resolve("results.json")),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                var lock = held.lock()) {
            assertThatThrownBy(() -> sync(sim, Duration.ofMillis(200)).publish(RESULTS, settings(), dir.resolve("results.json")))
                    .isInstanceOf(SyncConfigurationException.class)
                    .hasMessageContaining("Another publish of the results file " + dir.resolve("results.json"))
                    .hasMessageContaining("wrote nothing to TestRail");
            assertThat(sim.faults().totalCount()).as("no TestRail call").isZero();
        }
    }
}
