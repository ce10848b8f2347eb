package org.xuncha.files;

/**
 * A file as kept by the {@link FileStore}: its opaque id (the only way to fetch it), the SHA-256 of its bytes in hex,
 * its size and its sniffed content type.
 */
public record StoredFile(String id, String sha256, long size, FileType type) {}
