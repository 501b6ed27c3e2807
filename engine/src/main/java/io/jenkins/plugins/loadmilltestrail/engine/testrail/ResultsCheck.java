package io.jenkins.plugins.loadmilltestrail.engine.testrail;

import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.PostedResult;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.ResultEntry;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Test;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * After an add_results_for_cases whose outcome is unknown: was the batch stored? TestRail stores a
 * batch completely or not at all, so the run's results are read (get_tests, get_results_for_run)
 * and each entry is looked for (same test, status and comment, newest first, each stored result
 * used once). All found: the batch was stored, and those results are the answer. None found: it
 * was not, and posting again is safe. Some found: the run holds part of it from elsewhere, which
 * cannot be told apart, so the outcome is reported as unknown rather than risk duplicates.
 */
final class ResultsCheck {
    /** A result stored in the run, with the comment it is matched by. */
    private record Stored(PostedResult result, String comment) {}

    private final TestRailClient client;
    private final TestRailHttp http;
    private final long runId;
    private final List<ResultEntry> entries;
    private final String target;

    ResultsCheck(TestRailClient client, TestRailHttp http, long runId, List<ResultEntry> entries, String target) {
        this.client = client;
        this.http = http;
        this.runId = runId;
        this.entries = entries;
        this.target = target;
    }

    Optional<List<PostedResult>> stored() throws InterruptedException {
        Map<Long, Long> testByCase = new HashMap<>();
        for (Test test : client.getTests(runId)) {
            testByCase.put(test.caseId(), test.id());
        }
        List<Stored> pool = new ArrayList<>(http.getAll("get_results_for_run", "get_results_for_run/" + runId,
                "results", r -> new Stored(TestRailJson.postedResult(r), TestRailJson.text(r, "comment"))));
        pool.sort(Comparator.comparingLong((Stored s) -> s.result().id()).reversed());
        List<PostedResult> found = new ArrayList<>();
        for (ResultEntry entry : entries) {
            long testId = testByCase.getOrDefault(entry.caseId(), -1L);
            pool.stream()
                    .filter(s -> s.result().testId() == testId && s.result().statusId() == entry.statusId()
                            && normalize(s.comment()).equals(normalize(entry.comment())))
                    .findFirst()
                    .ifPresent(s -> {
                        pool.remove(s);
                        found.add(s.result());
                    });
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.size() == entries.size()) {
            return Optional.of(found);
        }
        throw http.errors().partlyFound("add_results_for_cases", target,
                "checking found " + found.size() + " of " + entries.size() + " results in the run");
    }

    /**
     * Comments as TestRail may hand them back (wrapped in {@code <p>}, HTML-escaped) compared
     * with what was sent: unwrapped, unescaped, whitespace collapsed.
     */
    static String normalize(String comment) {
        String text = comment.strip();
        if (text.startsWith("<p>") && text.endsWith("</p>")) {
            text = text.substring(3, text.length() - 4);
        }
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#039;", "'").replace("&amp;", "&");
        return text.replaceAll("\\s+", " ").strip();
    }
}
