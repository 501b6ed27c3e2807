package io.jenkins.plugins.loadmilltestrail.engine.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see the old content or the whole new one, never half, even after
 * a power loss: write a temporary file beside it, force it to the disk, move it over the target,
 * then force the directory so that the move itself is on the disk. Without the forces, a crash
 * soon after the move can leave the new name pointing at an empty file: the journal would be lost
 * and the results file empty.
 */
public final class AtomicFiles {
    /** Writes the content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Puts written data on the disk; {@link #SYSTEM} in production, a recording one in tests. */
    interface Disk {
        Disk SYSTEM = new Disk() {
            @Override
            public void force(FileChannel file) throws IOException {
                file.force(true);
            }

            @Override
            public void forceDirectory(Path dir) {
                // Best effort: Windows cannot open a directory as a channel, and some file systems
                // refuse to sync one; the file itself is already on the disk.
                try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
                    channel.force(true);
                } catch (IOException | UnsupportedOperationException refused) {
                    // nothing more can be done for the rename
                }
            }
        };

        void force(FileChannel file) throws IOException;

        void forceDirectory(Path dir);
    }

    private AtomicFiles() {}

    public static void write(Path target, Content content) throws IOException {
        write(target, content, Disk.SYSTEM);
    }

    static void write(Path target, Content content, Disk disk) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                // Writers such as Jackson close the stream they are given; the channel must stay
                // open until it is forced, so closing the stream only flushes it.
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel)) {
                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                };
                content.writeTo(out);
                out.flush();
                disk.force(channel);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            disk.forceDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
