package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The comment of a result and the size of what is posted. A comment carries the flow's status, any
 * note, the failure text (each failed request line with its Expected / Actual lines) and the link to
 * the Loadmill flow run; it is kept to {@value #MAX_COMMENT} characters, the link always included,
 * and an add_results_for_cases body to about {@value #MAX_BATCH_BYTES} bytes (a batch is cut earlier
 * when its comments are long), under the 1 MiB a web server such as nginx accepts by default, so a
 * large batch does not get HTTP 413.
 */
public final class ResultComments {
    /** Characters of one result comment at most. */
    public static final int MAX_COMMENT = 4_000;
    /** Bytes of one add_results_for_cases body at most (estimated from the comments). */
    public static final int MAX_BATCH_BYTES = 512 * 1024;
    /** What one result entry costs besides its comment (ids, status, elapsed, version, field names). */
    private static final int ENTRY_OVERHEAD = 300;
    private static final String CUT = "\n… (cut; the whole failure is in the Loadmill flow run)";

    private ResultComments() {}

    /** The comment of {@code flow}'s result, at most {@link #MAX_COMMENT} characters. */
    public static String comment(FlowResult flow, String note) {
        StringBuilder head = new StringBuilder("Loadmill flow ").append(flow.status().value());
        if (!note.isEmpty()) {
            head.append("\n").append(note);
        }
        String link = flow.url().isBlank() ? "" : "\n\nFlow run: " + flow.url();
        String failure = flow.failureText().isBlank() ? "" : "\n\n" + flow.failureText().strip();
        int room = MAX_COMMENT - head.length() - link.length();
        if (failure.length() > room) {
            failure = room > CUT.length() + 2 ? failure.substring(0, room - CUT.length()) + CUT : "";
        }
        String text = head + failure + link;
        return text.length() <= MAX_COMMENT ? text : text.substring(0, MAX_COMMENT);
    }

    /** True for a flow that did not pass: not PASSED, and not FLAKY after a retry (Loadmill's rule). */
    public static boolean failed(FlowResult flow) {
        return !flow.status().equals(RunStatus.PASSED) && !(flow.status().equals(RunStatus.FLAKY) && flow.retries() > 0);
    }

    /**
     * {@code items} in batches of at most {@code batchSize}, each also within {@link #MAX_BATCH_BYTES}
     * by {@code comment}'s UTF-8 size (a single larger item still gets a batch of its own).
     */
    static <T> List<List<T>> batches(List<T> items, int batchSize, ToIntFunction<T> commentBytes) {
        List<List<T>> batches = new ArrayList<>();
        List<T> current = new ArrayList<>();
        long bytes = 0;
        for (T item : items) {
            int size = commentBytes.applyAsInt(item) + ENTRY_OVERHEAD;
            if (!current.isEmpty() && (current.size() == batchSize || bytes + size > MAX_BATCH_BYTES)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(item);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
