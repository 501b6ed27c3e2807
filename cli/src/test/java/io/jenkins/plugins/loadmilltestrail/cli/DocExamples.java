package io.jenkins.plugins.loadmilltestrail.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fenced code blocks of a Markdown page, by the heading they are under, so that tests run what the docs show. */
final class DocExamples {
    /** One fenced block: its info string ("yaml", "sh", or empty), its text, and the line its fence opens on. */
    record Block(String language, String text, int line) {}

    private record Section(String heading, List<Block> blocks) {}

    private final Path page;
    private final List<Section> sections = new ArrayList<>();

    private DocExamples(Path page) {
        this.page = page;
    }

    static DocExamples of(Path page) {
        DocExamples examples = new DocExamples(page);
        List<String> lines;
        try {
            lines = Files.readAllLines(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Section current = new Section("", new ArrayList<>());
        examples.sections.add(current);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                int opened = i + 1;
                StringBuilder text = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                    text.append(lines.get(i)).append('\n');
                }
                current.blocks().add(new Block(line.substring(3).strip(), text.toString(), opened));
            } else if (line.startsWith("#")) {
                current = new Section(line.replaceFirst("^#+\\s*", "").strip(), new ArrayList<>());
                examples.sections.add(current);
            }
        }
        return examples;
    }

    /** The blocks in the given language directly under the heading with this text (not under its subheadings). */
    List<Block> under(String heading, String language) {
        List<Block> found = sections.stream().filter(s -> s.heading().equals(heading)).findFirst()
                .orElseThrow(() -> new AssertionError(page + " has no heading \"" + heading + "\""))
                .blocks().stream().filter(b -> b.language().equals(language)).toList();
        if (found.isEmpty()) {
            throw new AssertionError(page + " has no " + language + " block under \"" + heading + "\"");
        }
        return found;
    }
}
