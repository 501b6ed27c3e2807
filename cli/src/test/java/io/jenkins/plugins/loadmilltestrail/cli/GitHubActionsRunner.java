package io.jenkins.plugins.loadmilltestrail.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Just enough of a GitHub Actions runner to run the jobs docs/cli.md shows, as written: {@code run}
 * steps in {@code bash -e} with {@code ${{ }}} expressions filled in, job and step {@code env},
 * {@code $GITHUB_PATH}, {@code if: always()}, and the three actions the examples use
 * (checkout copies a prepared repository, setup-java points JAVA_HOME at a local JDK of the asked
 * version, upload-artifact collects the files its path matches). Anything else in an example fails
 * the test, so that the docs cannot drift into something this runner does not check.
 */
final class GitHubActionsRunner {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.+?)\\s*}}");

    /** One step: its name, the exit code of its script (0 for actions, -1 when skipped), and what it printed. */
    record StepRun(String name, int exitCode, String output) {}

    /** A finished job: its steps in order, and the workspace files its upload-artifact steps matched. */
    record JobRun(List<StepRun> steps, List<String> artifacts) {
        StepRun step(String name) {
            return steps.stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no step \"" + name + "\" in " + steps));
        }
    }

    private final Path repository;
    private final Map<String, String> runnerEnvironment;
    private final Map<String, String> contexts;

    /**
     * @param repository what actions/checkout brings into the workspace
     * @param runnerEnvironment the runner machine's environment (PATH, HOME...)
     * @param contexts values of the expressions the jobs use: "secrets.NAME", "github.run_number", "matrix.NAME"...
     */
    GitHubActionsRunner(Path repository, Map<String, String> runnerEnvironment, Map<String, String> contexts) {
        this.repository = repository;
        this.runnerEnvironment = Map.copyOf(runnerEnvironment);
        this.contexts = Map.copyOf(contexts);
    }

    /**
     * Runs one job's steps in a new workspace under {@code root}.
     *
     * @param jobEnvironment the job's {@code env}, with expressions not yet filled in
     */
    JobRun run(String jobId, List<JsonNode> steps, Map<String, String> jobEnvironment, Path root) throws IOException,
            InterruptedException {
        Path workspace = Files.createDirectories(root.resolve("workspace"));
        Path temp = Files.createDirectories(root.resolve("runner-temp"));
        Path githubPath = Files.createFile(temp.resolve("github-path"));
        Map<String, String> env = new LinkedHashMap<>(runnerEnvironment);
        env.put("CI", "true");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_JOB", jobId);
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("RUNNER_TEMP", temp.toString());
        env.put("RUNNER_OS", "Linux");
        env.put("GITHUB_PATH", githubPath.toString());
        env.put("GITHUB_ENV", Files.createFile(temp.resolve("github-env")).toString());
        env.put("GITHUB_RUN_NUMBER", context("github.run_number"));
        jobEnvironment.forEach((name, value) -> env.put(name, fill(value)));

        List<StepRun> runs = new ArrayList<>();
        List<String> artifacts = new ArrayList<>();
        boolean failed = false;
        for (JsonNode step : steps) {
            String name = step.path("name").asText(step.path("uses").asText(step.path("run").asText()));
            String condition = step.path("if").asText("success()");
            if (!condition.equals("success()") && !condition.equals("always()")) {
                throw new AssertionError("this runner knows only if: always(), not " + condition);
            }
            if (failed && condition.equals("success()")) {
                runs.add(new StepRun(name, -1, "skipped"));
                continue;
            }
            Map<String, String> stepEnv = new LinkedHashMap<>(env);
            step.path("env").fields().forEachRemaining(e -> stepEnv.put(e.getKey(), fill(e.getValue().asText())));
            StepRun run;
            if (step.has("uses")) {
                run = new StepRun(name, 0, use(step, env, workspace, artifacts));
            } else {
                Path script = Files.writeString(temp.resolve("step-" + runs.size() + ".sh"), fill(step.path("run").asText()));
                run = shell(name, List.of("bash", "--noprofile", "--norc", "-e", "-o", "pipefail", script.toString()),
                        workspace, stepEnv);
            }
            runs.add(run);
            failed |= run.exitCode() != 0;
            for (String entry : Files.readAllLines(githubPath)) {
                if (!entry.isBlank() && !env.get("PATH").startsWith(entry + ":")) {
                    env.put("PATH", entry + ":" + env.get("PATH"));
                }
            }
        }
        return new JobRun(List.copyOf(runs), List.copyOf(artifacts));
    }

    private String use(JsonNode step, Map<String, String> env, Path workspace, List<String> artifacts) throws IOException {
        String action = step.path("uses").asText();
        JsonNode with = step.path("with");
        if (action.startsWith("actions/checkout@")) {
            try (Stream<Path> files = Files.walk(repository)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path target = workspace.resolve(repository.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
            return "checked out " + repository;
        }
        if (action.startsWith("actions/setup-java@")) {
            String version = fill(with.path("java-version").asText());
            Path javaHome = jdk(version).orElseThrow(() -> new AssertionError("no JDK " + version + " on this machine"));
            env.put("JAVA_HOME", javaHome.toString());
            env.put("PATH", javaHome.resolve("bin") + ":" + env.get("PATH"));
            return "JAVA_HOME=" + javaHome;
        }
        if (action.startsWith("actions/upload-artifact@")) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + fill(with.path("path").asText()));
            try (Stream<Path> files = Files.list(workspace)) {
                files.map(workspace::relativize).filter(matcher::matches).map(Path::toString).sorted().forEach(artifacts::add);
            }
            return "uploaded " + artifacts;
        }
        throw new AssertionError("this runner does not know the action " + action);
    }

    /**
     * A JDK of exactly the asked feature version under /usr/lib/jvm, as setup-java installs one; else
     * the JDK running this test when it is at least that version (the examples ask for the minimum).
     */
    static Optional<Path> jdk(String featureVersion) throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> homes = Files.list(jvms)) {
                for (Path home : homes.sorted().toList()) {
                    Path release = home.resolve("release");
                    if (Files.isRegularFile(release) && Files.isExecutable(home.resolve("bin/java"))
                            && Files.readString(release).contains("JAVA_VERSION=\"" + featureVersion + ".")) {
                        return Optional.of(home);
                    }
                }
            }
        }
        return Runtime.version().feature() >= Integer.parseInt(featureVersion)
                ? Optional.of(Path.of(System.getProperty("java.home"))) : Optional.empty();
    }

    private String fill(String text) {
        Matcher matcher = EXPRESSION.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(filled, Matcher.quoteReplacement(context(matcher.group(1))));
        }
        return matcher.appendTail(filled).toString();
    }

    private String context(String expression) {
        String value = contexts.get(expression);
        if (value == null) {
            throw new AssertionError("the example uses ${{ " + expression + " }}, which this test does not provide");
        }
        return value;
    }

    /** Runs a command with exactly this environment, as a step named {@code name}. */
    static StepRun shell(String name, List<String> command, Path workDir, Map<String, String> env) throws IOException,
            InterruptedException {
        ProcessRun run = ProcessRun.of(command, workDir, env, Duration.ofSeconds(180));
        return new StepRun(name, run.exitCode(), run.output());
    }
}
