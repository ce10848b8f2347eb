package org.xuncha.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileStoreTests {

    @TempDir
    Path dataDir;

    @Test
    void aPhotoLosesItsExifAndGpsAndKeepsItsPixels() throws IOException {
        byte[] withExif = ExifPhotos.jpegWithGps();
        assertThat(new String(withExif, StandardCharsets.ISO_8859_1))
                .contains("Exif")
                .contains("GPSLatitude");
        LocalFileStore store = new LocalFileStore(dataDir.toString());

        StoredFile kept = store.store("门口.jpg", withExif, Set.of(FileType.JPEG, FileType.PNG), 10 << 20);

        byte[] stored;
        try (InputStream in = store.open(kept.id()).orElseThrow()) {
            stored = in.readAllBytes();
        }
        String text = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("Exif").doesNotContain("GPSLatitude");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(stored)).getWidth())
                .isEqualTo(40);
        assertThat(kept.type()).isEqualTo(FileType.JPEG);
        assertThat(kept.sha256()).hasSize(64).isEqualTo(LocalFileStore.sha256(stored));
    }

    @Test
    void theContentDecidesNotTheName() {
        LocalFileStore store = new LocalFileStore(dataDir.toString());
        Set<FileType> photos = Set.of(FileType.JPEG, FileType.PNG);
        byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> store.store("photo.jpg", script, photos, 1 << 20))
                .isInstanceOfSatisfying(
                        FileRejected.class, r -> assertThat(r.messageKey()).isEqualTo("file.rejected.type"));
        assertThatThrownBy(() -> store.store("a.svg", svg, photos, 1 << 20)).isInstanceOf(FileRejected.class);
        assertThatThrownBy(() -> store.store("big.jpg", new byte[2 << 20], photos, 1 << 20))
                .isInstanceOfSatisfying(
                        FileRejected.class, r -> assertThat(r.args()).containsExactly("big.jpg", 1L));
        assertThatThrownBy(() -> store.store(
                        "broken.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}, photos, 1 << 20))
                .isInstanceOfSatisfying(
                        FileRejected.class, r -> assertThat(r.messageKey()).isEqualTo("file.rejected.unreadableImage"));
    }

    @Test
    void onlyWellFormedIdsReachTheDisk() {
        LocalFileStore store = new LocalFileStore(dataDir.toString());
        assertThat(store.open("../../etc/passwd")).isEmpty();
        assertThat(store.open("0123456789abcdef0123456789abcdef")).isEmpty();
    }
}
