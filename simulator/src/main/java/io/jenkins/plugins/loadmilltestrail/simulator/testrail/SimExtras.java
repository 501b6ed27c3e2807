package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the simulator keeps beside its entities for run references, result assignees and
 * attachments, with the configurable behaviour of attachments:
 *
 * <ul>
 *   <li>{@code maxAttachmentBytes}: TestRail documents 256 MB per file [API ref: Attachments]; what
 *       it answers above that is not documented. The simulator answers 413 with a JSON error
 *       [guess; trcli handles a 413 for attachments].
 *   <li>{@code attachmentsAllowed}: "The ability to edit test results must be enabled under Site
 *       Settings" for the attachment endpoints [API ref: Attachments]; when it is off the simulator
 *       answers 403 with the text {@link #ATTACHMENTS_DISABLED} [guess: status and wording].
 * </ul>
 */
final class SimExtras {
    static final long DEFAULT_MAX_ATTACHMENT_BYTES = 256L * 1024 * 1024;
    /** [guess] TestRail's wording when editing results is off in the site settings. */
    static final String ATTACHMENTS_DISABLED = "You are not allowed to add attachments: the ability to edit test "
            + "results is disabled under Administration > Site Settings.";

    private final Map<Long, String> runRefs = new LinkedHashMap<>();
    private final Map<Long, Long> resultAssignees = new LinkedHashMap<>();
    private final Map<Long, List<SimAttachment>> attachments = new LinkedHashMap<>();
    private long nextAttachment = 1;
    private volatile long maxAttachmentBytes = DEFAULT_MAX_ATTACHMENT_BYTES;
    private volatile boolean attachmentsAllowed = true;

    synchronized void refs(long runId, String refs) {
        if (!refs.isEmpty()) {
            runRefs.put(runId, refs);
        }
    }

    synchronized String refs(long runId) {
        return runRefs.getOrDefault(runId, "");
    }

    synchronized void assign(long resultId, long userId) {
        resultAssignees.put(resultId, userId);
    }

    /** The user a result assigned its test to, 0 for none. */
    synchronized long assignee(long resultId) {
        return resultAssignees.getOrDefault(resultId, 0L);
    }

    synchronized SimAttachment attach(long resultId, String name, String contentType, byte[] data) {
        SimAttachment attachment = new SimAttachment(String.valueOf(nextAttachment++), resultId, name, contentType, data);
        attachments.computeIfAbsent(resultId, k -> new ArrayList<>()).add(attachment);
        return attachment;
    }

    synchronized List<SimAttachment> attachments(long resultId) {
        return List.copyOf(attachments.getOrDefault(resultId, List.of()));
    }

    synchronized List<SimAttachment> allAttachments() {
        return attachments.values().stream().flatMap(List::stream).toList();
    }

    long maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    void setMaxAttachmentBytes(long bytes) {
        maxAttachmentBytes = bytes;
    }

    boolean attachmentsAllowed() {
        return attachmentsAllowed;
    }

    void setAttachmentsAllowed(boolean value) {
        attachmentsAllowed = value;
    }
}
