package io.jenkins.plugins.loadmilltestrail.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "loadmill-testrail", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = {
            "Runs Loadmill API tests and publishes every flow's result to TestRail.",
            "Credentials come from LOADMILL_API_TOKEN, TESTRAIL_URL, TESTRAIL_USER and TESTRAIL_API_KEY.",
            "Try `loadmill-testrail demo` to see it work against local simulators."
        },
        subcommands = {RunCommand.class, PublishCommand.class, PlanCommand.class, DemoCommand.class, SimulateCommand.class,
            HelpCommand.class},
        footer = {"", "Exit codes: 0 all flows passed and were published; 1 some flow did not pass; 2 bad usage or "
                + "configuration; 3 Loadmill error or timeout; 4 TestRail error (results kept for `publish`).",
            "Documentation: docs/cli.md"})
final class RootCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: give run, publish, plan, demo or simulate.");
    }

    /** The version Maven wrote into version.properties. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream in = RootCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"loadmill-testrail " + properties.getProperty("version", "(unknown version)")};
        }
    }
}
