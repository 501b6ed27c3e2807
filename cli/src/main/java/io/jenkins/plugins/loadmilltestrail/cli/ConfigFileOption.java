package io.jenkins.plugins.loadmilltestrail.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE}: a YAML file of option values (keys: the long options without {@code --}).
 * {@link Configuration} reads it before parsing; this declaration makes picocli accept and document it.
 */
final class ConfigFileOption {
    @Option(names = Configuration.CONFIG_OPTION, paramLabel = "FILE", order = 90,
            description = "Read option values from this YAML file, e.g. 'project: Shop'. Flags win over environment "
                    + "variables (LOADMILL_TESTRAIL_<OPTION>), which win over the file. No file is read unless named.")
    Path file;
}
