package org.xuncha.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The default {@link FileStore}: files under {@code <data-dir>/files}, named by a random 128-bit id in two levels of
 * folders, outside any web root; the id is checked against its pattern before it touches the file system.
 */
@Component
class LocalFileStore implements FileStore {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;

    LocalFileStore(@Value("${xuncha.data-dir}") String dataDir) {
        this.root = Path.of(dataDir).toAbsolutePath().normalize().resolve("files");
    }

    @Override
    public StoredFile store(String fileName, byte[] content, Set<FileType> accepted, long maxBytes) {
        if (content.length == 0) {
            throw new FileRejected("file.rejected.empty", fileName);
        }
        if (content.length > maxBytes) {
            throw new FileRejected("file.rejected.tooLarge", fileName, maxBytes / (1024 * 1024));
        }
        FileType type = FileType.sniff(Arrays.copyOf(content, Math.min(content.length, 16)));
        if (type == null || !accepted.contains(type)) {
            throw new FileRejected("file.rejected.type", fileName);
        }
        byte[] kept = type.image() ? ImageSanitizer.reencode(fileName, content, type) : content;
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String id = HexFormat.of().formatHex(random);
        Path target = path(id);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "upload", ".part");
            Files.write(temp, kept);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep " + fileName, e);
        }
        return new StoredFile(id, sha256(kept), kept.length, type);
    }

    @Override
    public Optional<InputStream> open(String id) {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path file = path(id);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path path(String id) {
        return root.resolve(id.substring(0, 2)).resolve(id);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
