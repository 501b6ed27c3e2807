package io.jenkins.plugins.loadmilltestrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CiVariablesTest {

    private static Map<String, String> of(Map<String, String> env) {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return CiVariables.of(new CliContext(env, sink, sink, false));
    }

    @Test
    void jenkinsStyleVariablesAreTakenAsTheyAre() {
        assertThat(of(Map.of("JOB_NAME", "nightly", "BUILD_NUMBER", "42", "BUILD_URL", "https://ci/job/nightly/42/")))
                .containsExactly(Map.entry("JOB_NAME", "nightly"), Map.entry("BUILD_NUMBER", "42"),
                        Map.entry("BUILD_URL", "https://ci/job/nightly/42/"));
    }

    @Test
    void gitHubActionsVariablesAreTranslated() {
        assertThat(of(Map.of("GITHUB_ACTIONS", "true", "GITHUB_REPOSITORY", "acme/shop", "GITHUB_WORKFLOW", "api-tests",
                "GITHUB_RUN_NUMBER", "7", "GITHUB_RUN_ID", "123456", "GITHUB_SERVER_URL", "https://github.com")))
                .containsEntry("JOB_NAME", "acme/shop/api-tests")
                .containsEntry("BUILD_NUMBER", "7")
                .containsEntry("BUILD_URL", "https://github.com/acme/shop/actions/runs/123456");
    }

    @Test
    void gitLabVariablesAreTranslated() {
        assertThat(of(Map.of("GITLAB_CI", "true", "CI_PROJECT_PATH", "acme/shop", "CI_JOB_NAME", "api",
                "CI_PIPELINE_IID", "9", "CI_JOB_URL", "https://gitlab.com/acme/shop/-/jobs/1")))
                .containsEntry("JOB_NAME", "acme/shop/api")
                .containsEntry("BUILD_NUMBER", "9")
                .containsEntry("BUILD_URL", "https://gitlab.com/acme/shop/-/jobs/1");
    }

    @Test
    void explicitVariablesWinAndNothingIsInvented() {
        assertThat(of(Map.of("GITHUB_ACTIONS", "true", "GITHUB_RUN_NUMBER", "7", "BUILD_NUMBER", "99")))
                .containsExactly(Map.entry("BUILD_NUMBER", "99"));
        assertThat(of(Map.of())).isEmpty();
    }
}
