package io.jenkins.plugins.loadmilltestrail.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.FilePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The small pieces of the adapter that need no Jenkins instance. */
class AdapterUnitTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "JAVASCRIPT:alert(1)",
                "data:text/html,<script>alert(1)</script>",
                "//evil.example/x",
                "/relative/path",
                "https://",
                "not a url",
                ""
            })
    void onlyHttpUrlsBecomeLinks(String url) {
        assertEquals("", LoadmillTestRailAction.webUrlOrEmpty(url));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://app.loadmill.com/app/api-tests/test-plan-runs/1",
                "http://127.0.0.1:8080/index.php?/runs/view/3"
            })
    void httpUrlsStayLinks(String url) {
        assertEquals(url, LoadmillTestRailAction.webUrlOrEmpty(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "loadmill.json", "reports/loadmill.json", "a/b/c.xml", "a..b.json"})
    void workspacePathsInsideTheWorkspace(String path) {
        assertNull(WorkspaceFiles.problemWith(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "\\\\server\\share\\x", "C:\\x.xml", "../x.json", "a/../../x", "a\\..\\x"})
    void workspacePathsOutsideTheWorkspace(String path) {
        assertNotNull(WorkspaceFiles.problemWith(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"autoCreate", "closeRun"})
    void blankTriStatesAreDroppedSoTheyStayUnset(String key) {
        JSONObject form = new JSONObject();
        form.put(key, "");
        form.put("project", "Payments");
        JSONObject cleaned = JobFields.dropBlankTriStates(form);
        assertEquals(List.of("project"), List.copyOf(cleaned.keySet()));
        JSONObject set = new JSONObject();
        set.put(key, "true");
        assertEquals("true", JobFields.dropBlankTriStates(set).getString(key));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS) // creating symbolic links needs a privilege there
    void copiesStayInsideTheWorkspaceAlsoThroughSymbolicLinks(@TempDir Path tmp) throws Exception {
        Path workspace = Files.createDirectories(tmp.resolve("workspace"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createDirectories(workspace.resolve("real"));
        Files.createSymbolicLink(workspace.resolve("escape"), outside);
        Files.createSymbolicLink(workspace.resolve("inside"), workspace.resolve("real"));
        Path local = Files.writeString(tmp.resolve("results.json"), "{}");
        FilePath ws = new FilePath(workspace.toFile());

        IOException e = assertThrows(
                IOException.class, () -> WorkspaceFiles.copyIntoWorkspace(local.toFile(), ws, "escape/loadmill.json"));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertFalse(Files.exists(outside.resolve("loadmill.json")));

        WorkspaceFiles.copyIntoWorkspace(local.toFile(), ws, "inside/loadmill.json");
        assertTrue(Files.isRegularFile(workspace.resolve("real/loadmill.json")));
        WorkspaceFiles.copyIntoWorkspace(local.toFile(), ws, "reports/new/loadmill.json");
        assertTrue(Files.isRegularFile(workspace.resolve("reports/new/loadmill.json")));
    }

    @Test
    void everyCallGetsItsOwnDirectoryEvenWhenCallsRunAtOnce(@TempDir Path buildDir) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Path>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> JobRunner.callDirectory(buildDir.toFile(), null)));
            }
            Set<Path> dirs = new HashSet<>();
            for (Future<Path> call : calls) {
                dirs.add(call.get());
            }
            assertEquals(8, dirs.size());
            assertTrue(dirs.contains(buildDir.resolve(JobRunner.BUILD_DIR_NAME).resolve("call-8")));
        } finally {
            pool.shutdownNow();
        }
        Path node = JobRunner.callDirectory(buildDir.toFile(), "node-12");
        assertEquals(buildDir.resolve(JobRunner.BUILD_DIR_NAME).resolve("node-12"), node);
        assertTrue(Files.isDirectory(node));
        assertEquals(node, JobRunner.callDirectory(buildDir.toFile(), "node-12"));
    }

    @Test
    void eachCallsActionHasItsOwnUrl() {
        assertEquals(LoadmillTestRailAction.URL_NAME, LoadmillTestRailAction.urlName(0)); // saved by older versions
        assertEquals(LoadmillTestRailAction.URL_NAME, LoadmillTestRailAction.urlName(1));
        assertEquals(LoadmillTestRailAction.URL_NAME + "-2", LoadmillTestRailAction.urlName(2));
    }

    @Test
    void textThatLooksLikeJsonIsKeptAsTyped() {
        // Parsed from JSON text, as Stapler builds the submitted form; edited in place, never re-parsed.
        JSONObject form = JSONObject.fromObject("{\"autoCreate\": \"\", \"labels\": \"[a]\", \"project\": \"P\"}");
        JSONObject cleaned = JobFields.dropBlankTriStates(form);
        assertSame(form, cleaned);
        assertFalse(cleaned.has("autoCreate"));
        assertEquals("[a]", cleaned.get("labels"));
        assertEquals("P", cleaned.get("project"));
    }

    @ParameterizedTest
    @CsvSource({"FAILURE,FAILURE", "failure,FAILURE", "'',UNSTABLE", "UNCHANGED,UNCHANGED"})
    void failedFlowsResultIsNormalized(String given, String expected) {
        JobFields fields = new JobFields();
        fields.setFailedFlowsResult(given);
        assertEquals(expected, fields.getFailedFlowsResult());
    }
}
