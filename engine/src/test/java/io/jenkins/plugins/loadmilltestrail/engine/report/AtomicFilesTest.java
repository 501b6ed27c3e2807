package io.jenkins.plugins.loadmilltestrail.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    /** Records what reached the disk, and what the target held at that moment. */
    private final class RecordingDisk implements AtomicFiles.Disk {
        final List<String> events = new ArrayList<>();
        final Path target;

        RecordingDisk(Path target) {
            this.target = target;
        }

        @Override
        public void force(FileChannel file) throws IOException {
            events.add("force file of " + file.size() + " bytes, target " + (Files.exists(target) ? "exists" : "absent"));
        }

        @Override
        public void forceDirectory(Path directory) {
            events.add("force directory " + directory.getFileName() + ", target holds " + read());
        }

        private String read() {
            try {
                return Files.readString(target);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void theContentIsOnTheDiskBeforeTheMoveAndTheMoveBeforeReturning() throws Exception {
        Path target = dir.resolve("results.json");
        RecordingDisk disk = new RecordingDisk(target);

        AtomicFiles.write(target, out -> {
            try (out) { // writers such as Jackson close the stream when done
                out.write("{\"format\":1}".getBytes(StandardCharsets.UTF_8));
            }
        }, disk);

        assertThat(disk.events).containsExactly("force file of 12 bytes, target absent",
                "force directory " + dir.getFileName() + ", target holds {\"format\":1}");
        try (var listing = Files.list(dir)) {
            assertThat(listing.toList()).as("no temporary file left").containsExactly(target);
        }
    }

    @Test
    void aFailedWriteKeepsTheOldContentAndLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("journal.json");
        Files.writeString(target, "old");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(Files.readString(target)).isEqualTo("old");
        try (var listing = Files.list(dir)) {
            assertThat(listing.toList()).containsExactly(target);
        }
    }

    @Test
    void theRealDiskForcesFileAndDirectory() throws Exception {
        Path target = dir.resolve("sub").resolve("report.xml");
        AtomicFiles.write(target, out -> out.write('x'));
        assertThat(Files.readString(target)).isEqualTo("x");
    }
}
