package io.jenkins.plugins.loadmilltestrail.engine.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.report.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The record of every TestRail write a publish made, kept beside the results file
 * ({@code <results>.journal.json}) so that publishing the same results again resumes instead of
 * creating a second run or posting results twice. Saved atomically and durably ({@link AtomicFiles})
 * before each write that creates a run or plan, posts results or closes ({@link Intent}) and after
 * it succeeds, so a killed or interrupted build leaves either the previous or the new journal, never
 * a torn one, and a write whose answer never arrived is checked in TestRail before it is sent again.
 * Holds no secrets: only the TestRail address, ids, names and Loadmill flow run ids.
 * The file format is described in docs/matching.md.
 */
public final class PublishJournal {
    static final int FORMAT = 1;
    static final String RESULTS = "add_results_for_cases";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A run this publish created or added cases to; {@code caseIds} is the selection it holds. */
    public record JournalRun(long suiteId, long runId, String entryId, boolean created, Set<Long> caseIds) {}

    /**
     * A write about to be sent whose success is not journaled yet. Kept until the success is (or
     * TestRail refuses the write), so a publish cut off between TestRail storing the write and its
     * answer arriving leaves it behind, and the next publish looks for its effect first.
     * Suites, sections and cases need none: the next publish reads TestRail and finds them by name.
     *
     * @param write the API method: add_run, add_plan, add_plan_entry, add_results_for_cases, close_run, close_plan
     * @param target what it writes to: the suite id (runs, plan entries), project id (plans), run id
     *     (results, close_run) or plan id (close_plan)
     * @param name the run, plan or entry name sent (names may hold the date, so they are not recomputed)
     * @param flowRunIds the Loadmill flow runs whose results are posted
     */
    public record Intent(String write, long target, String name, List<String> flowRunIds) {
        public Intent {
            flowRunIds = List.copyOf(flowRunIds);
        }
    }

    private final Optional<Path> file;
    private String testRailUrl = "";
    private long projectId;
    private String loadmillRunId = "";
    private final Map<String, Long> createdSuites = new LinkedHashMap<>();
    private final Map<String, Long> createdSections = new LinkedHashMap<>();
    private final Map<String, Long> createdCases = new LinkedHashMap<>();
    private long planId;
    private final Map<Long, JournalRun> runsBySuite = new LinkedHashMap<>();
    private final Map<Long, Set<String>> posted = new LinkedHashMap<>();
    private final Map<Long, Map<String, String>> rejected = new LinkedHashMap<>();
    private boolean closed;
    private final List<Intent> intents = new ArrayList<>();

    private PublishJournal(Optional<Path> file) {
        this.file = file;
    }

    /** The journal file kept beside a results file. */
    public static Path besides(Path resultsFile) {
        return resultsFile.resolveSibling(resultsFile.getFileName() + ".journal.json");
    }

    /** A journal that is never saved (nothing to resume from, e.g. results not kept in a file). */
    public static PublishJournal inMemory() {
        return new PublishJournal(Optional.empty());
    }

    /** Opens the journal at {@code path}, or starts an empty one there when the file does not exist. */
    public static PublishJournal open(Path path) {
        PublishJournal journal = new PublishJournal(Optional.of(path));
        if (Files.exists(path)) {
            try {
                journal.read(JSON.readTree(path.toFile()));
            } catch (IOException | RuntimeException e) {
                throw new InvalidSettingsException("The publish journal " + path + " cannot be read (" + e.getClass()
                        .getSimpleName() + "); it is written by an earlier publish of these results. Delete it to "
                        + "publish from scratch (this may create a second run in TestRail).");
            }
        }
        return journal;
    }

    /** True when an earlier publish wrote to TestRail from these results. */
    public boolean hasHistory() {
        return !testRailUrl.isEmpty();
    }

    /**
     * Binds the journal to one TestRail, project and Loadmill run. A journal of other Loadmill
     * results (an earlier build that wrote its results file at the same path) is started afresh;
     * resuming the same results against another TestRail or project is refused.
     *
     * @return true when an earlier publish of these same results is being resumed
     */
    public boolean bind(String url, long project, String loadmillRun) {
        if (hasHistory() && !loadmillRunId.equals(loadmillRun)) {
            clear();
        }
        if (hasHistory() && (!testRailUrl.equals(url) || projectId != project)) {
            throw new SyncConfigurationException("The publish journal " + file.map(Path::toString).orElse("")
                    + " records a publish of these results to project P" + projectId + " on " + testRailUrl
                    + ", but this publish goes to project P" + project + " on " + url
                    + ". Publish to the same TestRail project to resume, or delete the journal to start over.");
        }
        boolean resuming = hasHistory();
        testRailUrl = url;
        projectId = project;
        loadmillRunId = loadmillRun;
        return resuming;
    }

    private void clear() {
        testRailUrl = "";
        projectId = 0;
        createdSuites.clear();
        createdSections.clear();
        createdCases.clear();
        planId = 0;
        runsBySuite.clear();
        posted.clear();
        rejected.clear();
        closed = false;
        intents.clear();
    }

    /** Records that {@code intent} is about to be sent; call right before sending it. */
    public void intend(Intent intent) {
        intents.remove(intent);
        intents.add(intent);
        save();
    }

    /**
     * The write is known not to be stored (TestRail refused it, or an interrupted publish's write
     * was not found): nothing to look for on resume.
     */
    public void withdraw(Intent intent) {
        intents.remove(intent);
        save();
    }

    /** The earlier, unconfirmed {@code write} to {@code target}, if any (not for result batches). */
    public Optional<Intent> pending(String write, long target) {
        return intents.stream().filter(i -> i.write().equals(write) && i.target() == target).findFirst();
    }

    /** The result batches posted to the run whose success is not journaled. */
    public List<Intent> pendingResults(long runId) {
        return intents.stream().filter(i -> i.write().equals(RESULTS) && i.target() == runId).toList();
    }

    public void suiteCreated(String name, long id) {
        createdSuites.put(name, id);
        save();
    }

    public void sectionCreated(long suiteId, String name, long id) {
        createdSections.put(suiteId + "/" + name, id);
        save();
    }

    public void caseCreated(long sectionId, String title, long id) {
        createdCases.put(sectionId + "/" + title, id);
        save();
    }

    public void planCreated(long id) {
        planId = id;
        intents.removeIf(i -> i.write().equals("add_plan"));
        save();
    }

    /** A run created (or an existing one whose selection was changed) holding {@code caseIds}. */
    public void run(long suiteId, long runId, String entryId, boolean created, Collection<Long> caseIds) {
        runsBySuite.put(suiteId, new JournalRun(suiteId, runId, entryId, created, Set.copyOf(caseIds)));
        intents.removeIf(i -> (i.write().equals("add_run") || i.write().equals("add_plan_entry")) && i.target() == suiteId);
        save();
    }

    public void posted(long runId, Collection<String> flowRunIds) {
        Set<String> done = posted.computeIfAbsent(runId, k -> new LinkedHashSet<>());
        done.addAll(flowRunIds);
        intents.removeIf(i -> i.write().equals(RESULTS) && i.target() == runId && done.containsAll(i.flowRunIds()));
        save();
    }

    public void rejected(long runId, String flowRunId, String reason) {
        rejected.computeIfAbsent(runId, k -> new LinkedHashMap<>()).put(flowRunId, reason);
        save();
    }

    public void closed() {
        closed = true;
        intents.removeIf(i -> i.write().startsWith("close_"));
        save();
    }

    public OptionalLong planId() {
        return planId == 0 ? OptionalLong.empty() : OptionalLong.of(planId);
    }

    public Optional<JournalRun> runFor(long suiteId) {
        return Optional.ofNullable(runsBySuite.get(suiteId));
    }

    public List<JournalRun> runs() {
        return List.copyOf(runsBySuite.values());
    }

    public boolean isPosted(long runId, String flowRunId) {
        return posted.getOrDefault(runId, Set.of()).contains(flowRunId);
    }

    public Optional<String> rejection(long runId, String flowRunId) {
        return Optional.ofNullable(rejected.getOrDefault(runId, Map.of()).get(flowRunId));
    }

    public boolean isClosed() {
        return closed;
    }

    public int createdSuites() {
        return createdSuites.size();
    }

    public int createdSections() {
        return createdSections.size();
    }

    public int createdCases() {
        return createdCases.size();
    }

    public int postedCount() {
        return posted.values().stream().mapToInt(Set::size).sum();
    }

    // ---- file ------------------------------------------------------------------------------

    private void save() {
        if (file.isEmpty()) {
            return;
        }
        Path target = file.get();
        try {
            AtomicFiles.write(target, out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, toJson()));
        } catch (IOException e) {
            throw new InvalidSettingsException("Cannot write the publish journal " + target + ": " + e.getMessage()
                    + ". Make the results directory writable.");
        }
    }

    private ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("testRailUrl", testRailUrl);
        root.put("projectId", projectId);
        root.put("loadmillRunId", loadmillRunId);
        ArrayNode suites = root.putArray("createdSuites");
        createdSuites.forEach((name, id) -> suites.addObject().put("name", name).put("id", id));
        ArrayNode sections = root.putArray("createdSections");
        createdSections.forEach((key, id) -> {
            int slash = key.indexOf('/');
            sections.addObject().put("suiteId", Long.parseLong(key.substring(0, slash))).put("name", key.substring(slash + 1))
                    .put("id", id);
        });
        ArrayNode cases = root.putArray("createdCases");
        createdCases.forEach((key, id) -> {
            int slash = key.indexOf('/');
            cases.addObject().put("sectionId", Long.parseLong(key.substring(0, slash))).put("title", key.substring(slash + 1))
                    .put("id", id);
        });
        root.put("planId", planId);
        ArrayNode runs = root.putArray("runs");
        runsBySuite.values().forEach(r -> {
            ObjectNode run = runs.addObject().put("suiteId", r.suiteId()).put("runId", r.runId())
                    .put("entryId", r.entryId()).put("created", r.created());
            ArrayNode ids = run.putArray("caseIds");
            r.caseIds().stream().sorted().forEach(ids::add);
            ArrayNode done = run.putArray("postedFlowRuns");
            posted.getOrDefault(r.runId(), Set.of()).forEach(done::add);
            ArrayNode refused = run.putArray("rejected");
            rejected.getOrDefault(r.runId(), Map.of()).forEach((flow, reason) ->
                    refused.addObject().put("flowRunId", flow).put("reason", reason));
        });
        root.put("closed", closed);
        ArrayNode sent = root.putArray("unconfirmedWrites");
        intents.forEach(i -> {
            ObjectNode intent = sent.addObject().put("write", i.write()).put("target", i.target()).put("name", i.name());
            ArrayNode flows = intent.putArray("flowRunIds");
            i.flowRunIds().forEach(flows::add);
        });
        return root;
    }

    private void read(JsonNode root) {
        if (root.path("format").asInt() != FORMAT) {
            throw new IllegalArgumentException("unknown format");
        }
        testRailUrl = root.path("testRailUrl").asText("");
        projectId = root.path("projectId").asLong();
        loadmillRunId = root.path("loadmillRunId").asText("");
        root.path("createdSuites").forEach(n -> createdSuites.put(n.path("name").asText(), n.path("id").asLong()));
        root.path("createdSections").forEach(n -> createdSections.put(n.path("suiteId").asLong() + "/"
                + n.path("name").asText(), n.path("id").asLong()));
        root.path("createdCases").forEach(n -> createdCases.put(n.path("sectionId").asLong() + "/"
                + n.path("title").asText(), n.path("id").asLong()));
        planId = root.path("planId").asLong();
        root.path("runs").forEach(n -> {
            long runId = n.path("runId").asLong();
            List<Long> ids = new ArrayList<>();
            n.path("caseIds").forEach(id -> ids.add(id.asLong()));
            runsBySuite.put(n.path("suiteId").asLong(), new JournalRun(n.path("suiteId").asLong(), runId,
                    n.path("entryId").asText(""), n.path("created").asBoolean(), Set.copyOf(ids)));
            Set<String> done = new LinkedHashSet<>();
            n.path("postedFlowRuns").forEach(f -> done.add(f.asText()));
            posted.put(runId, done);
            Map<String, String> refused = new LinkedHashMap<>();
            n.path("rejected").forEach(f -> refused.put(f.path("flowRunId").asText(), f.path("reason").asText()));
            rejected.put(runId, refused);
        });
        closed = root.path("closed").asBoolean();
        root.path("unconfirmedWrites").forEach(n -> {
            List<String> flows = new ArrayList<>();
            n.path("flowRunIds").forEach(f -> flows.add(f.asText()));
            intents.add(new Intent(n.path("write").asText(), n.path("target").asLong(), n.path("name").asText(), flows));
        });
    }
}
