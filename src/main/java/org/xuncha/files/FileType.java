package org.xuncha.files;

/** The kinds of file the application accepts, recognised by their first bytes (magic numbers), not by their names. */
public enum FileType {
    JPEG("image/jpeg", "jpg", true),
    PNG("image/png", "png", true),
    PDF("application/pdf", "pdf", false),
    /** .docx, .xlsx and other OOXML: a ZIP container. */
    OOXML("application/zip", "zip", false);

    private final String mediaType;
    private final String extension;
    private final boolean image;

    FileType(String mediaType, String extension, boolean image) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.image = image;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public boolean image() {
        return image;
    }

    /**
     * The type the bytes are, or {@code null} when they are none of the accepted kinds (an SVG, HTML, a script or an
     * executable renamed .jpg all answer null).
     */
    public static @org.jspecify.annotations.Nullable FileType sniff(byte[] head) {
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(head, '%', 'P', 'D', 'F', '-')) {
            return PDF;
        }
        if (startsWith(head, 'P', 'K', 0x03, 0x04)) {
            return OOXML;
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
