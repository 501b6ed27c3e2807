package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.LoadmillSimulator;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the CLI's end-to-end tests share: both simulators, seeded with the demo scenario, the
 * environment that points the CLI at them (mutable, for tests that add to it), and a temporary
 * directory with the usual output paths. Subclasses add their own seeding in a {@code @BeforeEach}
 * of another name (JUnit runs this class's first).
 */
abstract class DemoServicesTest {
    @TempDir
    Path dir;

    LoadmillSimulator loadmill;
    TestRailSimulator testRail;
    DemoScenario.Seeded demo;
    Map<String, String> env;
    Path results;
    Path summary;

    @BeforeEach
    void startSimulators() {
        loadmill = LoadmillSimulator.start(DemoScenario.LOADMILL_TOKEN);
        testRail = TestRailSimulator.start();
        demo = DemoScenario.seed(loadmill, testRail);
        env = new LinkedHashMap<>(DemoScenario.environment(loadmill, testRail));
        results = dir.resolve("results.json");
        summary = dir.resolve("summary.json");
    }

    @AfterEach
    void stopSimulators() {
        loadmill.close();
        testRail.close();
    }
}
