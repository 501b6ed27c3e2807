package io.jenkins.plugins.loadmilltestrail.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The build variables run-name, description and references templates may use (JOB_NAME,
 * BUILD_NUMBER, BUILD_URL, GIT_COMMIT), taken from
 * the CI system the CLI runs in: Jenkins-style variables as they are, else GitHub Actions' or
 * GitLab CI's equivalents. Only variables that have a value are supplied.
 */
final class CiVariables {
    private CiVariables() {}

    static Map<String, String> of(CliContext context) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean github = context.variable("GITHUB_ACTIONS").isPresent();
        boolean gitlab = context.variable("GITLAB_CI").isPresent();
        put(values, "JOB_NAME", context.variable("JOB_NAME")
                .or(() -> github ? join(context, "GITHUB_REPOSITORY", "GITHUB_WORKFLOW") : Optional.empty())
                .or(() -> gitlab ? join(context, "CI_PROJECT_PATH", "CI_JOB_NAME") : Optional.empty()));
        put(values, "BUILD_NUMBER", context.variable("BUILD_NUMBER")
                .or(() -> github ? context.variable("GITHUB_RUN_NUMBER") : Optional.empty())
                .or(() -> gitlab ? context.variable("CI_PIPELINE_IID") : Optional.empty()));
        put(values, "BUILD_URL", context.variable("BUILD_URL")
                .or(() -> github ? githubRunUrl(context) : Optional.empty())
                .or(() -> gitlab ? context.variable("CI_JOB_URL") : Optional.empty()));
        put(values, "GIT_COMMIT", context.variable("GIT_COMMIT")
                .or(() -> github ? context.variable("GITHUB_SHA") : Optional.empty())
                .or(() -> gitlab ? context.variable("CI_COMMIT_SHA") : Optional.empty()));
        return values;
    }

    private static Optional<String> githubRunUrl(CliContext context) {
        return context.variable("GITHUB_SERVER_URL").flatMap(server -> context.variable("GITHUB_REPOSITORY")
                .flatMap(repo -> context.variable("GITHUB_RUN_ID").map(id -> server + "/" + repo + "/actions/runs/" + id)));
    }

    private static Optional<String> join(CliContext context, String first, String second) {
        return context.variable(first).flatMap(a -> context.variable(second).map(b -> a + "/" + b));
    }

    private static void put(Map<String, String> values, String name, Optional<String> value) {
        value.ifPresent(v -> values.put(name, v));
    }
}
