package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.LoadmillSimulator;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "simulate", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Serves the Loadmill and TestRail simulators, seeded with the demo scenario, until Ctrl-C. Prints their "
                    + "addresses and the credentials to use, to try the CLI or the Jenkins plugin (./mvnw -pl plugin hpi:run) "
                    + "against them."
        })
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--loadmill-port", paramLabel = "PORT", defaultValue = "8610",
            description = "Loopback port of the Loadmill simulator (default ${DEFAULT-VALUE}; 0 = any free port).")
    int loadmillPort;

    @Option(names = "--testrail-port", paramLabel = "PORT", defaultValue = "8620",
            description = "Loopback port of the TestRail simulator (default ${DEFAULT-VALUE}; 0 = any free port).")
    int testRailPort;

    private final CliContext context;

    SimulateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (LoadmillSimulator loadmill = start(() -> LoadmillSimulator.start(loadmillPort, DemoScenario.LOADMILL_TOKEN),
                        "--loadmill-port", loadmillPort);
                TestRailSimulator testRail = start(() -> TestRailSimulator.start(testRailPort), "--testrail-port", testRailPort)) {
            DemoScenario.Seeded seeded = DemoScenario.seed(loadmill, testRail);
            describe(context.out(), loadmill, testRail, seeded);
            new CountDownLatch(1).await();
            return ExitCodes.OK;
        } catch (InterruptedException e) {
            context.err().println("Simulators stopped.");
            return ExitCodes.OK;
        }
    }

    private static <T> T start(Supplier<T> starter, String option, int port) {
        try {
            return starter.get();
        } catch (UncheckedIOException e) {
            throw new InvalidSettingsException("Cannot listen on 127.0.0.1 port " + port + " (" + e.getCause().getMessage()
                    + "); choose another port with " + option + " (0 = any free port).");
        }
    }

    private static void describe(PrintWriter out, LoadmillSimulator loadmill, TestRailSimulator testRail,
            DemoScenario.Seeded seeded) {
        out.println("Serving the simulators, seeded with the demo scenario, until Ctrl-C:");
        out.println("  Loadmill  " + loadmill.url() + "   test plan \"" + DemoScenario.PLAN + "\" id " + seeded.testPlanId());
        seeded.suiteIds().forEach((name, id) -> out.println("            test suite \"" + name + "\" id " + id));
        out.println("  TestRail  " + testRail.url() + "  project \"" + DemoScenario.PROJECT + "\"");
        out.println();
        out.println("Environment for the CLI (paste into a shell):");
        DemoScenario.environment(loadmill, testRail).forEach((name, value) -> out.println("export " + name + "=" + value));
        out.println();
        out.println("Then, for example:");
        out.println("  loadmill-testrail run --test-plan " + seeded.testPlanId() + " --project "
                + DemoScenario.PROJECT + " --auto-create --poll-interval 1s");
        out.println("  loadmill-testrail run --suite " + String.join(" --suite ", seeded.suiteIds().values())
                + " --project " + DemoScenario.PROJECT + " --auto-create --poll-interval 1s");
        out.println();
        out.println("For the Jenkins plugin (./mvnw -pl plugin hpi:run), in Manage Jenkins > System:");
        out.println("  Loadmill URL " + loadmill.url() + ", token credential (Secret text): " + DemoScenario.LOADMILL_TOKEN);
        out.println("  TestRail URL " + testRail.url() + ", credential (Username with password): "
                + DemoScenario.TESTRAIL_USER + " / " + DemoScenario.TESTRAIL_KEY);
        out.flush();
    }
}
