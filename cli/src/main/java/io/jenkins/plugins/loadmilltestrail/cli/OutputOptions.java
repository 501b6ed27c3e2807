package io.jenkins.plugins.loadmilltestrail.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** How much to print, and where to write the machine-readable summary. */
final class OutputOptions {

    @Option(names = "--summary", paramLabel = "FILE", order = 60,
            description = "Write a JSON summary (counts, ids, links, unmatched and rejected flows, API calls); "
                    + "- writes it to standard output, and the human summary to standard error.")
    Path summary;

    @Option(names = {"-q", "--quiet"}, order = 61, description = "Print only warnings, errors, the links, the results TestRail rejected, the flows that did not "
                    + "pass and the result line (plan: also the plan).")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, order = 62, description = "Print details, and the causes of errors.")
    boolean verbose;

    Verbosity verbosity(CommandSpec spec) {
        return Verbosity.of(quiet, verbose, spec);
    }

    Optional<Path> summaryFile() {
        return Optional.ofNullable(summary);
    }

    /** True for {@code --summary -}: standard output carries the JSON summary, and nothing else. */
    boolean summaryToStandardOutput() {
        return summary != null && summary.toString().equals(SummaryFile.STANDARD_OUTPUT);
    }
}
