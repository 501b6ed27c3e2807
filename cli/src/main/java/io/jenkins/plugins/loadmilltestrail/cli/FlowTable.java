package io.jenkins.plugins.loadmilltestrail.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's point in one table, read from the summary file it wrote: each flow, its Loadmill
 * status, and how it found its TestRail case (matched by name, created, ...), flaky flows marked.
 */
final class FlowTable {
    private static final String FLAKY = "FLAKY";

    private FlowTable() {}

    static void print(Path summary, PrintWriter out) {
        JsonNode flows = read(summary).path("testRail").path("flows");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Flow", "Loadmill", "TestRail case"});
        for (JsonNode flow : flows) {
            String status = flow.path("loadmillStatus").asText();
            String caseId = flow.path("caseId").isNumber() ? "C" + flow.path("caseId").asLong() + " " : "";
            rows.add(new String[] {flow.path("suite").asText() + " / " + flow.path("flow").asText(), status,
                caseId + flow.path("match").asText() + (FLAKY.equals(status) ? " (flaky: failed, then passed on a retry)" : "")});
        }
        int flowWidth = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        int statusWidth = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0);
        for (String[] row : rows) {
            out.println(("  %-" + flowWidth + "s  %-" + statusWidth + "s  %s").formatted(row[0], row[1], row[2]).stripTrailing());
        }
        out.flush();
    }

    private static JsonNode read(Path summary) {
        try {
            return new ObjectMapper().readTree(summary.toFile());
        } catch (IOException e) {
            throw new InvalidSettingsException("Cannot read the demo's summary " + summary + " (" + e.getMessage() + ").");
        }
    }
}
