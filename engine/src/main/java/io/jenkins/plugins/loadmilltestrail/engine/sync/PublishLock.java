package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Keeps two publishes of one results file apart (a CI retry overlapping the first attempt, two
 * steps given the same file): each holds an operating-system lock on {@code <results>.lock} for the
 * whole publish, so the second reads the journal only once the first has recorded everything it
 * wrote, and resumes instead of creating a second run. The lock dies with the process, so a killed
 * publish never leaves it held. The file itself stays: deleting it on release would let a waiting
 * publish lock the deleted file while a third one creates and locks a new one.
 */
final class PublishLock implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(50);

    private final FileChannel channel;
    private final FileLock lock;

    private PublishLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file kept beside a results file. */
    static Path besides(Path resultsFile) {
        return resultsFile.resolveSibling(resultsFile.getFileName() + ".lock");
    }

    /**
     * Locks the results file's publishes, waiting at most {@code wait} for another publish to end.
     *
     * @throws SyncConfigurationException when another publish still holds it after {@code wait}
     */
    static PublishLock acquire(Path resultsFile, Duration wait, ProgressListener progress) throws InterruptedException {
        Path file = besides(resultsFile);
        FileChannel channel;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new InvalidSettingsException("Cannot create the lock file " + file + " for publishing " + resultsFile
                    + " (" + e.getMessage() + "); make the results directory writable.");
        }
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        try {
            while (true) {
                FileLock lock = tryLock(channel, file);
                if (lock != null) {
                    return new PublishLock(channel, lock);
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new SyncConfigurationException("Another publish of the results file " + resultsFile
                            + " is still running (it holds " + file + "; waited " + wait.toSeconds() + "s). This one"
                            + " wrote nothing to TestRail. Let the other publish finish; if it fails, publish the"
                            + " same results file again: it resumes from the journal without duplicates.");
                }
                if (!told) {
                    progress.info("Waiting up to " + wait.toSeconds() + "s for another publish of " + resultsFile
                            + " to finish");
                    told = true;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (RuntimeException | InterruptedException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** The lock, or null while another publish holds it (in another process or in this JVM). */
    private static FileLock tryLock(FileChannel channel, Path file) {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        } catch (IOException e) {
            throw new InvalidSettingsException("Cannot lock " + file + " (" + e.getMessage() + "); the file system of"
                    + " the results file must support file locks.");
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases it too.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing was written through it; the lock is gone with the channel.
        }
    }
}
