package org.duhbalkana.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.duhbalkana.platform.config.ClusterSettings;

/**
 * Where attachments' files live: {@code ATTACHMENTS_DIR} (by default {@code DATA_DIR/attachments/}),
 * by their random stored names. With several instances it is a directory they all share (issue 13).
 */
@ApplicationScoped
public class AttachmentStore {

    @Inject
    ClusterSettings cluster;

    protected AttachmentStore() {
    }

    public AttachmentStore(ClusterSettings cluster) {
        this.cluster = cluster;
    }

    /** Writes the file whole (to a temporary name first), so that a reader never sees half of it. */
    void write(String storedName, byte[] content) {
        try {
            Path folder = Files.createDirectories(folder());
            Path temporary = Files.createTempFile(folder, "upload-", ".part");
            Files.write(temporary, content);
            Files.move(temporary, folder.resolve(storedName + ".pdf"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String storedName) {
        try {
            Files.deleteIfExists(path(storedName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path(String storedName) {
        if (!storedName.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("not a stored name");
        }
        return folder().resolve(storedName + ".pdf");
    }

    private Path folder() {
        return cluster.attachmentsDir();
    }
}
