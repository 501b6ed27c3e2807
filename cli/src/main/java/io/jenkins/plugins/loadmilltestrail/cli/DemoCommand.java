package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishJournal;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.LoadmillSimulator;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Starts a Loadmill and a TestRail simulator on this machine, with a realistic scenario, and runs `run` "
                    + "against them: Loadmill runs a plan of 12 flows, and the results go to TestRail, which lacks "
                    + "some of the suites and cases. Explains each step and leaves its files in --dir."
        })
final class DemoCommand implements Callable<Integer> {
    private static final String RESULTS = "loadmill-results.json";
    private static final String JOURNAL = PublishJournal.besides(Path.of(RESULTS)).toString();
    private static final String JUNIT = "junit.xml";
    private static final String SUMMARY = "summary.json";

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "loadmill-testrail-demo",
            description = "Where the demo writes its files (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = {"-q", "--quiet"}, description = "Skip the explanations; print the flows table, the links and the result.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print every detail of the run.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    private final CliContext context;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = context.out();
        Verbosity verbosity = Verbosity.of(quiet, verbose, spec);
        prepareDirectory();
        try (LoadmillSimulator loadmill = LoadmillSimulator.start(DemoScenario.LOADMILL_TOKEN);
                TestRailSimulator testRail = TestRailSimulator.start()) {
            DemoScenario.Seeded seeded = DemoScenario.seed(loadmill, testRail);
            List<String> args = new ArrayList<>(List.of("run",
                    "--test-plan", seeded.testPlanId(),
                    "--project", DemoScenario.PROJECT,
                    "--auto-create",
                    "--poll-interval", "200ms",
                    "--requests-per-minute", "6000",
                    "--results", dir.resolve(RESULTS).toString(),
                    "--junit", dir.resolve(JUNIT).toString(),
                    "--summary", dir.resolve(SUMMARY).toString()));
            if (verbosity != Verbosity.NORMAL) {
                args.add(verbose ? "--verbose" : "--quiet");
            }
            if (verbosity != Verbosity.QUIET) {
                introduce(out, loadmill, testRail, seeded, args);
            }
            // Progress goes to standard error, as for every command; the explanations and the outcome to standard output.
            // The simulators live only as long as the demo: a case cache of them would be of no use later.
            Map<String, String> environment = new java.util.LinkedHashMap<>(DemoScenario.environment(loadmill, testRail));
            environment.put(Configuration.variable("--no-case-cache"), "true");
            CliContext simulated = new CliContext(environment, out, context.err(), context.interactive());
            int exitCode = Cli.execute(simulated, args.toArray(String[]::new));
            if (exitCode > ExitCodes.FLOWS_FAILED) {
                return exitCode;
            }
            out.println();
            FlowTable.print(dir.resolve(SUMMARY), out);
            if (verbosity != Verbosity.QUIET) {
                conclude(out);
            }
            return ExitCodes.OK;
        }
    }

    /** Removes an earlier demo's files: its journal belongs to simulators that no longer exist. */
    private void prepareDirectory() {
        try {
            Files.createDirectories(dir);
            for (String name : List.of(RESULTS, JOURNAL, JUNIT, SUMMARY)) {
                Files.deleteIfExists(dir.resolve(name));
            }
        } catch (IOException e) {
            throw new InvalidSettingsException("Cannot prepare the demo folder " + dir + " (" + e.getMessage()
                    + "); choose another with --dir.");
        }
    }

    private void introduce(PrintWriter out, LoadmillSimulator loadmill, TestRailSimulator testRail,
            DemoScenario.Seeded seeded, List<String> args) {
        out.println("loadmill-testrail demo");
        out.println();
        out.println("Loadmill runs API tests. A test plan groups test suites; a suite holds flows; a flow is one API");
        out.println("scenario (a few requests with assertions) that passes or fails.");
        out.println("TestRail keeps test cases: a project holds suites, suites hold sections, sections hold cases.");
        out.println("A test run (or a test plan of several runs) records one result per case.");
        out.println("loadmill-testrail runs a Loadmill test plan and records every flow's result in TestRail,");
        out.println("matching Loadmill suites and flows to TestRail suites and cases by name.");
        out.println();
        out.println("This demo starts both services as local simulators (nothing leaves this machine):");
        out.println("  Loadmill  " + loadmill.url() + "  test plan \"" + DemoScenario.PLAN + "\": " + seeded.suites()
                + " suites, " + seeded.flows() + " flows");
        out.println("  TestRail  " + testRail.url() + "  project \"" + DemoScenario.PROJECT + "\": suites Checkout and "
                + "Accounts with " + seeded.existingCases() + " of the " + seeded.flows() + " cases, no suite Search");
        out.println("and runs:");
        out.println("  loadmill-testrail " + String.join(" ", args));
        out.println("--auto-create lets it create what TestRail lacks (the suite Search and the missing cases).");
        out.println();
        out.flush();
    }

    private void conclude(PrintWriter out) {
        out.println();
        out.println("What happened: Loadmill ran the plan; every flow's result was saved, then published to a new");
        out.println("TestRail plan with one run per suite, holding exactly the matched and created cases.");
        out.println("The flows that did not pass are listed above; in a real build they would fail the job (exit code 1).");
        out.println();
        out.println("Files in " + dir + ":");
        out.println("  " + RESULTS + "               every flow's result, saved before publishing");
        out.println("  " + JOURNAL + "  every TestRail write, so a cut-off publish resumes without duplicates");
        out.println("  " + JUNIT + "                           the results as JUnit XML, for CI test reports");
        out.println("  " + SUMMARY + "                        counts, ids and links as JSON");
        out.println();
        out.println("Next: `loadmill-testrail simulate` serves both simulators so you can try the commands, or the");
        out.println("Jenkins plugin, yourself. Documentation: docs/cli.md");
        out.flush();
    }
}
