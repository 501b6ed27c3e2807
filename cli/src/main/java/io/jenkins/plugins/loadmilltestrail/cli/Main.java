package io.jenkins.plugins.loadmilltestrail.cli;

import java.io.PrintWriter;

/** Entry point of {@code loadmill-testrail.jar}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        CliContext context = new CliContext(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                System.console() != null);
        // Ctrl-C: interrupt the command so the engine stops the Loadmill run and the simulators shut down,
        // and give it a moment to finish before the JVM halts.
        Thread command = Thread.currentThread();
        Thread onInterrupt = new Thread(() -> {
            command.interrupt();
            try {
                command.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "loadmill-testrail-shutdown");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        int exitCode = Cli.execute(context, args);
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException shuttingDown) {
            return; // the JVM is already exiting because of Ctrl-C; System.exit would block
        }
        System.exit(exitCode);
    }
}
