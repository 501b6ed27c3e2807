package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.sync.CaseCache.Entry;
import io.jenkins.plugins.loadmilltestrail.engine.sync.CaseCache.Key;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailApi;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailUrls;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestCase;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How one publish (or dry run) reads the cases of a suite, through the {@link CaseCache}: in full
 * when there is no usable entry (none yet, older than the maximum age, unreadable file, cache off,
 * or invalidated in this publish), otherwise only the cases TestRail changed since the entry's
 * high-water mark ({@code updated_after}), merged into the entry. Either way the entry is stored
 * back. Remembers what it did per suite, for the dry run's text and for
 * {@link #servedFromCache()}: cases read incrementally may include some TestRail deleted or moved
 * to another suite, which only TestRail's refusal of their ids shows.
 */
final class CaseReads {
    /**
     * TestRail's 400 naming a case id it does not know in the suite or run: "Field :case_ids contains
     * one or more invalid cases (case C12 unknown or not part of the test suite)", the same for
     * ":results", or "Field :case_id is not a valid test case.".
     */
    private static final Pattern REFUSED_CASE = Pattern.compile("(?i)(\\bcase C?\\d+ unknown|:case_ids?\\b)");

    /** At most this many cached cases in the mark's second: that second is read again (see {@link #cases}). */
    static final int MARK_SECOND_REREAD = 200;

    private final TestRailApi api;
    private final CaseCache cache;
    private final ProgressListener progress;
    private final Clock clock;
    private final Map<Long, String> uses = new LinkedHashMap<>();
    private final Set<Long> incremental = new HashSet<>();
    private String fullReadReason = "";
    private boolean warnedUnreadable;

    CaseReads(TestRailApi api, CaseCache cache, ProgressListener progress, Clock clock) {
        this.api = api;
        this.cache = cache;
        this.progress = progress;
        this.clock = clock;
    }

    /** A refusal that a stale cached case id can cause. */
    static boolean refusesCaseId(TestRailException e) {
        return e.httpStatus() == 400 && REFUSED_CASE.matcher(e.serverError()).find();
    }

    /** The suite's cases, read in full or incrementally. */
    List<TestCase> cases(long projectId, long suiteId) throws InterruptedException {
        if (!cache.enabled()) {
            return full(projectId, suiteId, null, cache.offReason().isEmpty() ? "" : "case cache off (" + cache.offReason()
                    + ")");
        }
        Key key = new Key(TestRailUrls.parseBase(api.baseUrl()), projectId, suiteId);
        if (!fullReadReason.isEmpty()) {
            return full(projectId, suiteId, key, fullReadReason);
        }
        CaseCache.Loaded loaded = cache.load(key);
        if (!loaded.problem().isEmpty()) {
            if (!warnedUnreadable) {
                progress.warn("Ignoring the case cache " + progress.displayPath(cache.file().orElseThrow()) + ": " + loaded.problem()
                        + ". Reading the suite(s) in full; the file will be rewritten.");
                warnedUnreadable = true;
            }
            return full(projectId, suiteId, key, "the cache file could not be read");
        }
        if (loaded.entry().isEmpty()) {
            return full(projectId, suiteId, key, "not in the cache yet");
        }
        Entry entry = loaded.entry().get();
        Duration age = Duration.between(entry.fullReadAt(), clock.instant());
        if (age.compareTo(cache.maxAge()) > 0) {
            return full(projectId, suiteId, key, "last full read " + days(age) + " ago, older than the maximum age "
                    + days(cache.maxAge()));
        }
        if (entry.highWater() <= 0) {
            return full(projectId, suiteId, key, "no updated_on to read changes after (an empty suite, or TestRail gave none)");
        }
        // TestRail's timestamps are whole seconds: a case changed in the mark's second after the
        // last read has updated_on == mark, which updated_after=mark would miss. Reading that second
        // again costs nothing extra while its cases fit in the page an incremental read takes anyway;
        // after a bulk import (thousands in one second) it is left out.
        long inMarkSecond = entry.cases().stream().filter(c -> c.updatedOn() == entry.highWater()).count();
        long after = inMarkSecond <= MARK_SECOND_REREAD ? entry.highWater() - 1 : entry.highWater();
        List<TestCase> read = api.getCasesUpdatedAfter(projectId, suiteId, after);
        Map<Long, TestCase> merged = new LinkedHashMap<>();
        entry.cases().forEach(c -> merged.put(c.id(), c));
        long highWater = entry.highWater();
        int changedCount = 0;
        for (TestCase c : read) {
            if (!c.equals(merged.get(c.id()))) {
                changedCount++;
            }
            if (suiteId == 0 || c.suiteId() == suiteId) {
                merged.put(c.id(), c);
            } else {
                merged.remove(c.id());
            }
            highWater = Math.max(highWater, c.updatedOn());
        }
        int changed = changedCount;
        List<TestCase> cases = List.copyOf(merged.values());
        store(new Entry(key, entry.fullReadAt(), highWater, cases));
        incremental.add(suiteId);
        String use = "incremental: " + changed + " case(s) new or changed since updated_on " + entry.highWater()
                + ", " + cases.size() + " in all (last full read " + days(age) + " ago)";
        uses.put(suiteId, use);
        progress.info("Read " + changed + " new or changed case(s) of suite S" + suiteId + " (case cache: " + cases.size()
                + " case(s))");
        return cases;
    }

    /**
     * After TestRail refused a cached case id: forgets the suites read incrementally and reads every
     * suite in full from now on, saying why.
     */
    void invalidate(String why) {
        fullReadReason = why;
        if (!cache.enabled()) {
            return;
        }
        for (long suiteId : incremental) {
            try {
                cache.remove(new Key(TestRailUrls.parseBase(api.baseUrl()), projectIdOf(suiteId), suiteId));
            } catch (IOException e) {
                progress.warn("Cannot update the case cache " + progress.displayPath(cache.file().orElseThrow()) + " (" + e.getMessage() + ").");
            }
        }
        incremental.clear();
    }

    /**
     * A case this publish deleted in TestRail (its duplicate of one another publish created at the
     * same time): dropped from the suite's cache entry, where another publish sharing the cache file
     * may have put it meanwhile.
     */
    void deleted(long projectId, long suiteId, long caseId) {
        if (!cache.enabled()) {
            return;
        }
        try {
            cache.forget(new Key(TestRailUrls.parseBase(api.baseUrl()), projectId, suiteId), caseId);
        } catch (IOException e) {
            progress.warn("Cannot update the case cache " + progress.displayPath(cache.file().orElseThrow()) + " ("
                    + e.getMessage() + ").");
        }
    }

    /** True when some cases came from the cache, not from a full read in this publish. */
    boolean servedFromCache() {
        return !incremental.isEmpty();
    }

    /** "S31: incremental: ..." per suite read, for the dry run; empty when the cache is off without a reason. */
    List<String> uses() {
        List<String> lines = new ArrayList<>();
        uses.forEach((suite, use) -> lines.add("S" + suite + ": " + use));
        return lines;
    }

    private final Map<Long, Long> projects = new LinkedHashMap<>();

    private long projectIdOf(long suiteId) {
        return projects.getOrDefault(suiteId, 0L);
    }

    private List<TestCase> full(long projectId, long suiteId, Key key, String why) throws InterruptedException {
        projects.put(suiteId, projectId);
        Instant readAt = clock.instant();
        List<TestCase> cases = api.getCases(projectId, suiteId);
        progress.info("Read " + cases.size() + " case(s) of suite S" + suiteId);
        incremental.remove(suiteId);
        if (!why.isEmpty()) {
            uses.put(suiteId, "full read: " + why);
        }
        if (key != null) {
            long highWater = cases.stream().mapToLong(TestCase::updatedOn).max().orElse(0);
            store(new Entry(key, readAt, highWater, cases));
        }
        return cases;
    }

    private void store(Entry entry) {
        projects.put(entry.key().suiteId(), entry.key().projectId());
        try {
            cache.store(entry);
        } catch (IOException e) {
            progress.warn("Cannot update the case cache " + progress.displayPath(cache.file().orElseThrow()) + " (" + e.getMessage()
                    + "); the next publish reads the suite in full.");
        }
    }

    private static String days(Duration d) {
        long days = d.toDays();
        if (days >= 1) {
            return days + (days == 1 ? " day" : " days");
        }
        long hours = d.toHours();
        return hours >= 1 ? hours + " h" : Math.max(0, d.toMinutes()) + " min";
    }
}
