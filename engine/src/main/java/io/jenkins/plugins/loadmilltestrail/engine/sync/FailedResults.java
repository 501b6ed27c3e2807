package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import io.jenkins.plugins.loadmilltestrail.engine.model.SuiteResult;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.PlannedResult;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailAccessDeniedException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailApi;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailAuthenticationException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailMaintenanceException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailRateLimitedException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailUnavailableException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.PostedResult;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What a publish adds to the results of flows that did not pass ({@link ResultComments#failed}):
 * the assignee ({@code assignedto_id}, from {@link PublishSettings#assignFailed()}, looked up once)
 * and, with {@link PublishSettings#attachFailures()}, an attachment with the flow's
 * {@linkplain FlowResult#evidence() failed requests and responses}, uploaded right after the batch
 * holding the result was posted: one add_attachment_to_result call per failed flow with evidence.
 *
 * <p>An attachment TestRail refuses (too large, not allowed, unknown result) leaves the result as
 * posted, with a warning. When TestRail refuses attachments as such (403: the site settings do not
 * allow editing results, or the user may not) or stops answering, the remaining attachments of the
 * publish are skipped with one warning. A publish that resumes does not upload attachments for
 * results an interrupted publish had posted.
 */
final class FailedResults {
    static final String CONTENT_TYPE = "text/plain; charset=utf-8";

    private final TestRailApi api;
    private final ProgressListener progress;
    private final OptionalLong assignee;
    private final boolean attach;
    private final Map<String, FlowResult> flows = new HashMap<>();
    private int attached;
    private int refused;
    private boolean stopped;

    FailedResults(TestRailApi api, ProgressListener progress, CollectedResults results, OptionalLong assignee,
            boolean attach) {
        this.api = api;
        this.progress = progress;
        this.assignee = assignee;
        this.attach = attach;
        for (SuiteResult suite : results.suites()) {
            for (FlowResult flow : suite.flows()) {
                if (ResultComments.failed(flow)) {
                    flows.put(flow.flowRunId(), flow);
                }
            }
        }
    }

    /** Nothing added to any result. */
    static FailedResults none(TestRailApi api, ProgressListener progress, CollectedResults results) {
        return new FailedResults(api, progress, results, OptionalLong.empty(), false);
    }

    /** The extra result fields of {@code result}: its assignee when its flow failed and one is set. */
    Map<String, Object> fields(PlannedResult result) {
        if (assignee.isPresent() && flows.containsKey(result.key())) {
            return Map.of("assignedto_id", assignee.getAsLong());
        }
        return Map.of();
    }

    /** Uploads the evidence of the failed flows in {@code batch}, which TestRail stored as {@code posted} (same order). */
    void attach(List<PlannedResult> batch, List<PostedResult> posted) throws InterruptedException {
        if (!attach || stopped) {
            return;
        }
        for (int i = 0; i < batch.size() && i < posted.size(); i++) {
            FlowResult flow = flows.get(batch.get(i).key());
            if (flow == null || flow.evidence().isEmpty()) {
                continue;
            }
            long resultId = posted.get(i).id();
            String what = batch.get(i).suiteName() + " / " + batch.get(i).flowName();
            try {
                api.addAttachmentToResult(resultId, fileName(flow), CONTENT_TYPE,
                        flow.evidence().getBytes(StandardCharsets.UTF_8));
                attached++;
            } catch (TestRailAuthenticationException e) {
                throw e;
            } catch (TestRailException e) {
                refused++;
                progress.warn("The result of " + what + " is posted, but TestRail did not take its attachment: "
                        + e.getMessage());
                if (e instanceof TestRailAccessDeniedException || e instanceof TestRailUnavailableException
                        || e instanceof TestRailRateLimitedException || e instanceof TestRailMaintenanceException
                        || e.httpStatus() == 403) {
                    stopped = true;
                    progress.warn("Not uploading the remaining failure attachments of this publish; the results are "
                            + "posted with their comments.");
                    return;
                }
            }
        }
    }

    int attached() {
        return attached;
    }

    int refused() {
        return refused;
    }

    /** "loadmill-<flow name>-<flow run id>.txt", with only safe file-name characters. */
    static String fileName(FlowResult flow) {
        String name = flow.name().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        if (name.length() > 60) {
            name = name.substring(0, 60);
        }
        String id = flow.flowRunId().replaceAll("[^A-Za-z0-9_-]+", "");
        return "loadmill-" + (name.isEmpty() ? "flow" : name) + (id.isEmpty() ? "" : "-" + id) + ".txt";
    }
}
