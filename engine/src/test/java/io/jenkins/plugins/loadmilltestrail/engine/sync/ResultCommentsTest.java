package io.jenkins.plugins.loadmilltestrail.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultCommentsTest {

    private static FlowResult failed(String failureText) {
        FlowResult f = SyncFixtures.flow("Checkout", "Pay", RunStatus.FAILED);
        return new FlowResult(f.flowRunId(), f.name(), f.suiteName(), f.status(), f.lifecycleStatus(), f.retries(),
                f.startTime(), f.endTime(), f.duration(), failureText, f.url());
    }

    @Test
    void aCommentCarriesTheFailureAndTheFlowRunLinkWithinItsLimit() {
        String comment = ResultComments.comment(failed("Pay - POST https://x/pay\nExpected: __status Equals 200 / Actual: 500"),
                "");
        assertThat(comment).isEqualTo("Loadmill flow FAILED\n\nPay - POST https://x/pay\n"
                + "Expected: __status Equals 200 / Actual: 500\n\nFlow run: https://app.loadmill.com/app/api-tests/flow-run/x");

        String huge = ResultComments.comment(failed("x".repeat(20_000)), "a note");
        assertThat(huge).hasSizeLessThanOrEqualTo(ResultComments.MAX_COMMENT).startsWith("Loadmill flow FAILED\na note\n\nxxx")
                .contains("… (cut; the whole failure is in the Loadmill flow run)")
                .endsWith("\n\nFlow run: https://app.loadmill.com/app/api-tests/flow-run/x");
    }

    @Test
    void whatCountsAsFailed() {
        assertThat(ResultComments.failed(SyncFixtures.flow("S", "a", RunStatus.FAILED))).isTrue();
        assertThat(ResultComments.failed(SyncFixtures.flow("S", "a", RunStatus.STOPPED))).isTrue();
        assertThat(ResultComments.failed(SyncFixtures.flow("S", "a", RunStatus.PASSED))).isFalse();
        // FLAKY after a retry passed (the fixture gives FLAKY flows two retries).
        assertThat(ResultComments.failed(SyncFixtures.flow("S", "a", RunStatus.FLAKY))).isFalse();
    }

    @Test
    void batchesAreCutByCountAndBySize() {
        List<Integer> small = Collections.nCopies(600, 10);
        assertThat(ResultComments.batches(small, 250, i -> i)).extracting(List::size).containsExactly(250, 250, 100);

        List<Integer> large = Collections.nCopies(300, ResultComments.MAX_COMMENT * 3);
        List<List<Integer>> batches = ResultComments.batches(large, 250, i -> i);
        assertThat(batches).allSatisfy(b -> assertThat(b.stream().mapToLong(i -> i + 300L).sum())
                .isLessThanOrEqualTo(ResultComments.MAX_BATCH_BYTES));
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(300);
        assertThat(ResultComments.batches(List.of(ResultComments.MAX_BATCH_BYTES * 2), 250, i -> i)).hasSize(1);
    }

    @Test
    void refsAreKeptWholeWithinTwoHundredFiftyCharacters() {
        Map<String, String> vars = Map.of("GIT_COMMIT", "abc123");
        assertThat(RunNames.refs(" SHOP-1 , ${GIT_COMMIT},, SHOP-1", vars)).isEqualTo("SHOP-1,abc123");
        assertThat(RunNames.refs("", vars)).isEmpty();
        StringBuilder many = new StringBuilder();
        for (int i = 100; i < 130; i++) {
            many.append("PROJECT-").append(i).append(',');
        }
        // 20 of "PROJECT-1nn" (11 characters) and their commas take 239 characters; "abc123" still fits.
        String kept = RunNames.refs(many + "${GIT_COMMIT}", vars);
        assertThat(kept).hasSizeLessThanOrEqualTo(RunNames.MAX_REFS).startsWith("PROJECT-100,").endsWith(",PROJECT-119,abc123");
        assertThat(RunNames.refsDropped(many + "${GIT_COMMIT}", vars)).startsWith("PROJECT-120, ").endsWith("PROJECT-129");
        assertThat(RunNames.description("", Map.of("LOADMILL_URL", "https://l/run", "BUILD_URL", "https://ci/1")))
                .contains("Loadmill run: https://l/run").contains("Build: https://ci/1");
        assertThat(RunNames.description("Build ${BUILD_URL}\nmore", Map.of("BUILD_URL", "https://ci/1")))
                .isEqualTo("Build https://ci/1\nmore");
    }
}
