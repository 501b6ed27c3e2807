package io.jenkins.plugins.loadmilltestrail.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.job.JobOutcome;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.report.AtomicFiles;
import io.jenkins.plugins.loadmilltestrail.engine.sync.FlowOutcome;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PreflightReport;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishReport;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishedRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The --summary JSON file (format in docs/cli.md): counts, ids, links, unmatched, rejected, calls. */
final class SummaryFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** {@code --summary -}: the summary goes to standard output. */
    static final String STANDARD_OUTPUT = "-";

    private SummaryFile() {}

    /** After a command that produced an outcome; {@code out} receives it for {@code --summary -}. */
    static void write(Path file, PrintWriter out, JobOutcome outcome, int exitCode, Map<String, Path> files) {
        ObjectNode root = JSON.createObjectNode();
        root.put("exitCode", exitCode);
        root.put("dryRun", outcome.report().dryRun());
        root.set("loadmill", loadmill(outcome));
        root.set("testRail", testRail(outcome.report()));
        strings(root.putArray("unmatched"), outcome.report().unmatchedFlows());
        strings(root.putArray("rejected"), outcome.report().rejected());
        root.set("calls", calls(outcome.report()).set("preflight", preflight(outcome.preflight())));
        root.set("files", files(files));
        write(file, out, root);
    }

    /**
     * After a command that failed; says why and where the results are, if they were saved, and the
     * calls of a preflight that stopped the command.
     */
    static void writeFailure(Path file, PrintWriter out, int exitCode, String message,
            Optional<PreflightReport> preflight, Map<String, Path> files) {
        ObjectNode root = JSON.createObjectNode();
        root.put("exitCode", exitCode);
        root.put("error", message);
        preflight.ifPresent(p -> root.putObject("calls").set("preflight", preflight(p)));
        root.set("files", files(files));
        write(file, out, root);
    }

    /** The TestRail calls that checked the settings before Loadmill ran (none for publish). */
    private static ObjectNode preflight(PreflightReport preflight) {
        ObjectNode node = JSON.createObjectNode();
        node.put("total", preflight.totalCalls());
        ObjectNode byMethod = node.putObject("byMethod");
        new TreeMap<>(preflight.callsByMethod()).forEach(byMethod::put);
        return node;
    }

    private static ObjectNode loadmill(JobOutcome outcome) {
        CollectedResults results = outcome.results();
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", results.kind().name());
        node.put("testPlanId", results.testPlanId());
        node.put("runId", results.runId());
        node.put("url", results.runUrl());
        node.put("status", results.status().value());
        ObjectNode flows = node.putObject("flows");
        flows.put("total", outcome.total());
        flows.put("passed", outcome.passed());
        flows.put("flaky", outcome.flaky());
        flows.put("failed", outcome.failed());
        ArrayNode suites = node.putArray("suites");
        results.suites().forEach(s -> suites.addObject().put("name", s.name()).put("suiteRunId", s.suiteRunId())
                .put("status", s.status().value()).put("url", s.url()).put("flows", s.flows().size()));
        return node;
    }

    private static ObjectNode testRail(PublishReport report) {
        ObjectNode node = JSON.createObjectNode();
        node.put("project", report.projectName());
        if (report.planId().isPresent()) {
            node.put("planId", report.planId().getAsLong());
        } else {
            node.putNull("planId");
        }
        node.put("planUrl", report.planUrl());
        ArrayNode runs = node.putArray("runs");
        for (PublishedRun run : report.runs()) {
            runs.addObject().put("runId", run.runId()).put("suiteId", run.suiteId()).put("name", run.name()).put("url", run.url());
        }
        node.put("matched", report.matchedCases());
        node.put("createdSuites", report.createdSuites());
        node.put("createdSections", report.createdSections());
        node.put("createdCases", report.createdCases());
        node.put("postedResults", report.postedResults());
        node.put("alreadyPosted", report.alreadyPosted());
        ArrayNode flows = node.putArray("flows");
        for (FlowOutcome flow : report.flows()) {
            ObjectNode f = flows.addObject().put("suite", flow.suiteName()).put("flow", flow.flowName())
                    .put("loadmillStatus", flow.loadmillStatus());
            if (flow.caseId().isPresent()) {
                f.put("caseId", flow.caseId().getAsLong());
            } else {
                f.putNull("caseId");
            }
            f.put("caseUrl", flow.caseUrl()).put("testRailStatus", flow.testRailStatus()).put("posted", flow.posted())
                    .put("note", flow.note()).put("match", flow.match());
        }
        return node;
    }

    private static ObjectNode calls(PublishReport report) {
        ObjectNode node = JSON.createObjectNode();
        node.put("total", report.totalCalls());
        ObjectNode byMethod = node.putObject("byMethod");
        new TreeMap<>(report.callsByMethod()).forEach(byMethod::put);
        node.put("rateLimitWaitMillis", report.rateLimitWait().toMillis());
        return node;
    }

    private static ObjectNode files(Map<String, Path> files) {
        ObjectNode node = JSON.createObjectNode();
        new TreeMap<>(files).forEach((k, v) -> node.put(k, v.toString()));
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void write(Path file, PrintWriter standardOutput, ObjectNode root) {
        try {
            String json = JSON.writeValueAsString(root);
            if (file.toString().equals(STANDARD_OUTPUT)) {
                standardOutput.println(json);
                standardOutput.flush();
                return;
            }
            // A CI step reading the summary while (or after) this one is cut off sees the previous
            // summary or this whole one, never a truncated file.
            byte[] text = (json + "\n").getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(file, out -> out.write(text));
        } catch (IOException e) {
            throw new InvalidSettingsException("Cannot write the summary file " + file + " (" + e.getMessage()
                    + "); choose a writable location for --summary.");
        }
    }
}
