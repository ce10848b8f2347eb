package org.xuncha.files;

import java.io.InputStream;
import java.util.Optional;
import java.util.Set;

/**
 * Where evidence, photos and attachments are kept (文件存储). Callers keep the returned {@link StoredFile#id()} in their
 * own tables with their own access rules; the store itself checks nothing but the bytes.
 */
public interface FileStore {

    /**
     * Checks and keeps a file: at most {@code maxBytes}, of one of the {@code accepted} types by content; images are
     * re-encoded so no EXIF or GPS data survives. Refuses with {@link FileRejected} naming {@code fileName}.
     */
    StoredFile store(String fileName, byte[] content, Set<FileType> accepted, long maxBytes);

    /** The bytes of a kept file, when the id is one of the store's. */
    Optional<InputStream> open(String id);
}
