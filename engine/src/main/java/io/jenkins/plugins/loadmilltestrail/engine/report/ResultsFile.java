package io.jenkins.plugins.loadmilltestrail.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunKind;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import io.jenkins.plugins.loadmilltestrail.engine.model.SuiteResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The results file: collected Loadmill results as versioned JSON ({@code "format":
 * "loadmill-testrail/results", "version": 1}), written before anything is published so that a
 * later {@code publish} can use it. Layout in {@code docs/results-file.md}. Reading then writing
 * gives back exactly the same values.
 */
public final class ResultsFile {
    public static final String FORMAT = "loadmill-testrail/results";
    /** The major version written; readers accept it and any older one they know (only 1 so far). */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /**
     * Non-ASCII characters as JSON escapes: the file is then plain ASCII and even text that is not valid Unicode
     * (a lone surrogate from a server) survives a round trip exactly.
     */
    private static final ObjectWriter WRITER = MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

    private ResultsFile() {}

    /** Writes the file atomically (a reader never sees half a file). */
    public static void write(CollectedResults results, Path file) throws IOException {
        byte[] bytes = toJson(results).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * Reads a results file.
     *
     * @throws InvalidSettingsException when it is not a results file, is damaged, or has a newer
     *     major version
     * @throws IOException when it cannot be read
     */
    public static CollectedResults read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    public static String toJson(CollectedResults results) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("kind", results.kind().name());
        root.put("loadmillUrl", results.loadmillUrl());
        root.put("testPlanId", results.testPlanId());
        root.put("testPlanName", results.testPlanName());
        root.put("planRunId", results.planRunId());
        root.put("planRunUrl", results.planRunUrl());
        root.put("status", results.status().value());
        putTime(root, "startTime", results.startTime());
        putTime(root, "endTime", results.endTime());
        ArrayNode suites = root.putArray("suites");
        for (SuiteResult suite : results.suites()) {
            ObjectNode s = suites.addObject();
            s.put("suiteId", suite.suiteId());
            s.put("suiteRunId", suite.suiteRunId());
            s.put("name", suite.name());
            s.put("runDescription", suite.runDescription());
            s.put("status", suite.status().value());
            s.put("error", suite.error());
            putTime(s, "startTime", suite.startTime());
            putTime(s, "endTime", suite.endTime());
            s.put("url", suite.url());
            ArrayNode flows = s.putArray("flows");
            for (FlowResult flow : suite.flows()) {
                ObjectNode f = flows.addObject();
                f.put("flowRunId", flow.flowRunId());
                f.put("name", flow.name());
                f.put("suiteName", flow.suiteName());
                f.put("status", flow.status().value());
                f.put("lifecycleStatus", flow.lifecycleStatus());
                f.put("retries", flow.retries());
                putTime(f, "startTime", flow.startTime());
                putTime(f, "endTime", flow.endTime());
                f.put("duration", flow.duration().toString());
                f.put("failureText", flow.failureText());
                f.put("url", flow.url());
                if (!flow.evidence().isEmpty()) {
                    f.put("evidence", flow.evidence());
                }
            }
        }
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: a tree of strings and numbers", e);
        }
    }

    /**
     * Parses the JSON of a results file.
     *
     * @param source names the file in messages
     */
    public static CollectedResults fromJson(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidSettingsException(source + " is not a loadmill-testrail results file: it is not valid JSON ("
                    + e.getOriginalMessage() + ").");
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new InvalidSettingsException(source + " is not a loadmill-testrail results file (its \"format\" is not \""
                    + FORMAT + "\"). Pass the file written by the run command.");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToInt()) {
            throw new InvalidSettingsException(source + " has no valid \"version\"; the file is damaged.");
        }
        if (version.asInt() != VERSION) {
            throw new InvalidSettingsException(source + " has results file version " + version.asText()
                    + ", but this version of loadmill-testrail reads version " + VERSION
                    + ". Use the loadmill-testrail version that wrote it, or run the tests again.");
        }
        Reader reader = new Reader(source);
        List<SuiteResult> suites = new ArrayList<>();
        for (JsonNode s : reader.array(root, "suites")) {
            List<FlowResult> flows = new ArrayList<>();
            for (JsonNode f : reader.array(s, "flows")) {
                flows.add(new FlowResult(reader.text(f, "flowRunId"), reader.text(f, "name"), reader.text(f, "suiteName"),
                        reader.status(f), reader.text(f, "lifecycleStatus"), reader.retries(f), reader.time(f, "startTime"),
                        reader.time(f, "endTime"), reader.duration(f), reader.text(f, "failureText"), reader.text(f, "url"),
                        reader.text(f, "evidence")));
            }
            suites.add(new SuiteResult(reader.text(s, "suiteId"), reader.text(s, "suiteRunId"), reader.text(s, "name"),
                    reader.text(s, "runDescription"), reader.status(s), reader.text(s, "error"), reader.time(s, "startTime"),
                    reader.time(s, "endTime"), reader.text(s, "url"), flows));
        }
        return new CollectedResults(reader.kind(root), reader.text(root, "loadmillUrl"), reader.text(root, "testPlanId"),
                reader.text(root, "testPlanName"), reader.text(root, "planRunId"), reader.text(root, "planRunUrl"),
                reader.status(root), reader.time(root, "startTime"), reader.time(root, "endTime"), suites);
    }

    private static void putTime(ObjectNode node, String field, Optional<Instant> time) {
        if (time.isPresent()) {
            node.put(field, time.get().toString());
        } else {
            node.putNull(field);
        }
    }

    /** Reads fields leniently (absent text = "") but rejects values of the wrong shape, naming them. */
    private record Reader(String source) {
        String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return "";
            }
            if (!value.isValueNode()) {
                throw damaged(field);
            }
            return value.asText();
        }

        RunStatus status(JsonNode node) {
            return RunStatus.of(text(node, "status"));
        }

        RunKind kind(JsonNode node) {
            try {
                return RunKind.valueOf(text(node, "kind").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw damaged("kind");
            }
        }

        int retries(JsonNode node) {
            JsonNode value = node.get("retries");
            if (value == null || value.isNull()) {
                return 0;
            }
            if (!value.canConvertToInt() || value.asInt() < 0) {
                throw damaged("retries");
            }
            return value.asInt();
        }

        Optional<Instant> time(JsonNode node, String field) {
            String text = text(node, field);
            try {
                return text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e) {
                throw damaged(field);
            }
        }

        Duration duration(JsonNode node) {
            String text = text(node, "duration");
            try {
                return text.isEmpty() ? Duration.ZERO : Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw damaged("duration");
            }
        }

        Iterable<JsonNode> array(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (!value.isArray()) {
                throw damaged(field);
            }
            return value;
        }

        private InvalidSettingsException damaged(String field) {
            return new InvalidSettingsException(source + " is damaged: field \"" + field
                    + "\" has an unexpected value. Run the tests again to write a new results file.");
        }
    }
}
