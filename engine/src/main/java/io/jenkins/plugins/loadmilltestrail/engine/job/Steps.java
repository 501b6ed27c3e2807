package io.jenkins.plugins.loadmilltestrail.engine.job;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillSettings;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishReport;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishSettings;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailSettings;
import java.nio.file.Path;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * TEMPORARY: the calls into the Loadmill runner, report writers, TestRail client and publisher,
 * replaced by the real calls when those packages land on main.
 */
final class Steps {
    private final OkHttpClient http;

    Steps(OkHttpClient http) {
        this.http = http;
    }

    CollectedResults runLoadmill(LoadmillSettings settings, ProgressListener progress) throws InterruptedException {
        throw notYet();
    }

    void save(CollectedResults results, Path resultsFile, Optional<Path> junitFile, ProgressListener progress) {
        throw notYet();
    }

    CollectedResults load(Path resultsFile) {
        throw notYet();
    }

    PublishReport publish(CollectedResults results, Path resultsFile, TestRailSettings testRail, PublishSettings publish,
            ProgressListener progress) throws InterruptedException {
        throw notYet();
    }

    JobOutcome plan(CollectedResults results, Path resultsFile, TestRailSettings testRail, PublishSettings publish,
            ProgressListener progress) throws InterruptedException {
        throw notYet();
    }

    String checkTestRail(TestRailSettings testRail) throws InterruptedException {
        throw notYet();
    }

    String checkLoadmill(String baseUrl, String apiToken) throws InterruptedException {
        throw notYet();
    }

    private UnsupportedOperationException notYet() {
        return new UnsupportedOperationException("not wired yet (" + http + ")");
    }
}
