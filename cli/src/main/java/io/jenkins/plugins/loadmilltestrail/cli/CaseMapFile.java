package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.sync.CasePin;
import io.jenkins.plugins.loadmilltestrail.engine.sync.CasePins;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pins of {@code --case-map-file}: one {@code FLOW=CASE} per line, blank lines and lines
 * starting with "#" ignored. A bad line is named by its number; a file that cannot be read, by why.
 */
final class CaseMapFile {
    private CaseMapFile() {}

    static List<CasePin> read(Path file) {
        List<String> lines = lines(file);
        List<CasePin> pins = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            try {
                pins.add(CasePins.parse(line));
            } catch (InvalidSettingsException e) {
                throw new InvalidSettingsException(file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return pins;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw cannotRead(file, "it does not exist");
        } catch (AccessDeniedException e) {
            throw cannotRead(file, "permission denied");
        } catch (CharacterCodingException e) {
            throw cannotRead(file, "it is not UTF-8 text");
        } catch (IOException e) {
            throw cannotRead(file, Files.isDirectory(file) ? "it is a directory" : String.valueOf(e.getMessage()));
        }
    }

    private static InvalidSettingsException cannotRead(Path file, String why) {
        return new InvalidSettingsException("cannot read " + file + ": " + why + ".");
    }
}
