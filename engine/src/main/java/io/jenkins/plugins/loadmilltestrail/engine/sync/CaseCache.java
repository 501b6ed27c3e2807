package io.jenkins.plugins.loadmilltestrail.engine.sync;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.report.AtomicFiles;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestCase;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where a publish keeps the cases it read from TestRail, so the next publish reads only what
 * changed ({@code get_cases} with {@code updated_after}). One file holds entries keyed by TestRail
 * URL, project id and suite id: case ids, sections, titles, display orders and {@code updated_on},
 * plus the high-water mark (the newest {@code updated_on} seen, TestRail's clock) and when the suite
 * was last read in full (this machine's clock, for the maximum age). Never a credential.
 *
 * <p>Several publishes, in this JVM or other processes, may share the file: every read and write
 * of it holds an operating-system lock on {@code <file>.lock}, and writes replace the file
 * atomically ({@link AtomicFiles}). When two publishes store the same suite, the entry from the
 * later full read wins, then the one with the higher mark. A file that cannot be read is ignored
 * with a warning (the suites are read in full) and replaced on the next store.
 *
 * <p>Front ends pass one to {@code TestRailSync#withCaseCache} (or
 * {@code LoadmillTestRailJob#withCaseCache}): {@link #at(Path, Duration)}, or {@link #off()}.
 */
public final class CaseCache {
    /** A suite is read in full again when its last full read is older than this. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);
    static final int FORMAT = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();
    private static final CaseCache OFF = new CaseCache(Optional.empty(), DEFAULT_MAX_AGE, "");

    private final Optional<Path> file;
    private final Duration maxAge;
    private final String offReason;

    private CaseCache(Optional<Path> file, Duration maxAge, String offReason) {
        this.file = file.map(p -> p.toAbsolutePath().normalize());
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.offReason = offReason;
        if (maxAge.isNegative()) {
            throw new InvalidSettingsException("The case cache's maximum age must not be negative.");
        }
    }

    /** No cache: every publish reads its suites in full, and says nothing about a cache. */
    public static CaseCache off() {
        return OFF;
    }

    /** No cache, and the dry run says why (e.g. "--no-case-cache"). */
    public static CaseCache off(String reason) {
        return new CaseCache(Optional.empty(), DEFAULT_MAX_AGE, reason);
    }

    /** The cache in {@code file}, suites read in full again after {@link #DEFAULT_MAX_AGE}. */
    public static CaseCache at(Path file) {
        return at(file, DEFAULT_MAX_AGE);
    }

    /** @param maxAge a suite whose last full read is older is read in full again (0: always) */
    public static CaseCache at(Path file, Duration maxAge) {
        return new CaseCache(Optional.of(file), maxAge, "");
    }

    public Optional<Path> file() {
        return file;
    }

    public Duration maxAge() {
        return maxAge;
    }

    public boolean enabled() {
        return file.isPresent();
    }

    /** Why the cache is off, "" when it is on or off without a reason to report. */
    public String offReason() {
        return offReason;
    }

    @Override
    public String toString() {
        return file.map(f -> "case cache " + f + " (max age " + maxAge + ")").orElse("no case cache");
    }

    // ---- entries -------------------------------------------------------------------------

    /** An entry's key: TestRail base URL (as {@code TestRailUrls.parseBase} gives it), project, suite. */
    record Key(String testRail, long projectId, long suiteId) {}

    /**
     * One suite's cases. {@code highWater}: the newest {@code updated_on} among them (TestRail's
     * clock); {@code fullReadAt}: when the suite was last read in full (this machine's clock).
     */
    record Entry(Key key, Instant fullReadAt, long highWater, List<TestCase> cases) {
        Entry {
            cases = List.copyOf(cases);
        }

        /** True when this entry should replace {@code other} of the same key. */
        boolean newerThan(Entry other) {
            int byFullRead = fullReadAt.compareTo(other.fullReadAt);
            return byFullRead != 0 ? byFullRead > 0 : highWater >= other.highWater;
        }
    }

    /** What {@link #load} found: the entry, or why the file was ignored ({@code problem}, "" if none). */
    record Loaded(Optional<Entry> entry, String problem) {}

    Loaded load(Key key) {
        Path path = file.orElseThrow();
        try {
            return locked(path, () -> {
                Map<Key, Entry> entries = read(path);
                return new Loaded(Optional.ofNullable(entries.get(key)), "");
            });
        } catch (CorruptCacheException e) {
            return new Loaded(Optional.empty(), e.getMessage());
        } catch (IOException e) {
            return new Loaded(Optional.empty(), "cannot read it (" + e.getMessage() + ")");
        }
    }

    /** Stores the entry unless the file holds a newer one for its key; a corrupt file is replaced. */
    void store(Entry entry) throws IOException {
        update(entries -> {
            Entry current = entries.get(entry.key());
            if (current == null || entry.newerThan(current)) {
                entries.put(entry.key(), entry);
            }
        });
    }

    /** Forgets a suite (its cached case ids were refused by TestRail). */
    void remove(Key key) throws IOException {
        update(entries -> entries.remove(key));
    }

    /**
     * Forgets a case TestRail no longer has (one a publish deleted): incremental reads never list
     * deleted cases, so only this or a full read drops it from the suite's entry.
     */
    void forget(Key key, long caseId) throws IOException {
        update(entries -> entries.computeIfPresent(key, (k, entry) -> new Entry(k, entry.fullReadAt(),
                entry.highWater(), entry.cases().stream().filter(c -> c.id() != caseId).toList())));
    }

    private interface Change {
        void apply(Map<Key, Entry> entries);
    }

    private void update(Change change) throws IOException {
        Path path = file.orElseThrow();
        locked(path, () -> {
            Map<Key, Entry> entries;
            try {
                entries = read(path);
            } catch (CorruptCacheException e) {
                entries = new LinkedHashMap<>();
            }
            change.apply(entries);
            Map<Key, Entry> toWrite = entries;
            AtomicFiles.write(path, out -> write(toWrite, out));
            return null;
        });
    }

    // ---- locking ---------------------------------------------------------------------------

    private interface Locked<T> {
        T run() throws IOException;
    }

    /** Runs under the in-JVM lock of the file and the operating-system lock on {@code <file>.lock}. */
    private static <T> T locked(Path path, Locked<T> body) throws IOException {
        ReentrantLock jvmLock = IN_THIS_JVM.computeIfAbsent(path, p -> new ReentrantLock());
        jvmLock.lock();
        try {
            Files.createDirectories(path.getParent());
            Path lockFile = path.resolveSibling(path.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                return body.run();
            }
        } finally {
            jvmLock.unlock();
        }
    }

    // ---- file format -----------------------------------------------------------------------

    /** The file is not a case cache this version can read. */
    private static final class CorruptCacheException extends IOException {
        CorruptCacheException(String message) {
            super(message);
        }
    }

    private static Map<Key, Entry> read(Path path) throws IOException {
        Map<Key, Entry> entries = new LinkedHashMap<>();
        JsonNode root;
        try {
            root = MAPPER.readTree(path.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return entries;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new CorruptCacheException("it is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            if (Files.size(path) == 0) {
                return entries;
            }
            throw new CorruptCacheException("it is not a JSON object");
        }
        if (root.path("format").asInt() != FORMAT) {
            throw new CorruptCacheException("its format is not " + FORMAT + " (written by another version?)");
        }
        try {
            for (JsonNode suite : root.path("suites")) {
                Key key = new Key(text(suite, "testrail"), number(suite, "project"), number(suite, "suite"));
                List<TestCase> cases = new ArrayList<>();
                for (JsonNode c : suite.path("cases")) {
                    if (!c.isArray() || c.size() != 5 || !c.get(4).isTextual()) {
                        throw new CorruptCacheException("a case of suite S" + key.suiteId() + " is malformed");
                    }
                    cases.add(new TestCase(c.get(0).asLong(), key.suiteId(), c.get(1).asLong(), c.get(4).asText(),
                            c.get(2).asInt(), c.get(3).asLong()));
                }
                entries.put(key, new Entry(key, Instant.parse(text(suite, "fullReadAt")), number(suite, "updatedOn"),
                        cases));
            }
        } catch (DateTimeParseException e) {
            throw new CorruptCacheException("a date in it is malformed (" + e.getMessage() + ")");
        }
        return entries;
    }

    private static String text(JsonNode node, String field) throws CorruptCacheException {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new CorruptCacheException("an entry lacks '" + field + "'");
        }
        return value.asText();
    }

    private static long number(JsonNode node, String field) throws CorruptCacheException {
        JsonNode value = node.path(field);
        if (!value.canConvertToLong()) {
            throw new CorruptCacheException("an entry lacks '" + field + "'");
        }
        return value.asLong();
    }

    private static void write(Map<Key, Entry> entries, java.io.OutputStream out) throws IOException {
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("format", FORMAT);
            json.writeStringField("about", "Loadmill -> TestRail case cache: the cases of TestRail suites (ids, sections,"
                    + " titles, updated_on), no credentials. Deleting this file only makes the next publish read its"
                    + " suites in full.");
            json.writeArrayFieldStart("suites");
            for (Entry entry : entries.values()) {
                json.writeRaw('\n');
                json.writeStartObject();
                json.writeStringField("testrail", entry.key().testRail());
                json.writeNumberField("project", entry.key().projectId());
                json.writeNumberField("suite", entry.key().suiteId());
                json.writeStringField("fullReadAt", entry.fullReadAt().toString());
                json.writeNumberField("updatedOn", entry.highWater());
                json.writeArrayFieldStart("cases");
                for (TestCase c : entry.cases()) {
                    json.writeRaw('\n');
                    json.writeStartArray();
                    json.writeNumber(c.id());
                    json.writeNumber(c.sectionId());
                    json.writeNumber(c.displayOrder());
                    json.writeNumber(c.updatedOn());
                    json.writeString(c.title());
                    json.writeEndArray();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
