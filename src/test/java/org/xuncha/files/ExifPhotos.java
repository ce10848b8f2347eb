package org.xuncha.files;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Test photos: a small JPEG carrying an APP1 Exif segment with GPS tag names, as a phone camera would write it. */
public final class ExifPhotos {

    private ExifPhotos() {}

    /** A 40 × 30 JPEG with the Exif segment inserted right after the start marker. */
    public static byte[] jpegWithGps() {
        try {
            BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", plain);
            byte[] jpeg = plain.toByteArray();
            byte[] payload = "Exif\0\0GPSLatitude 34.41N GPSLongitude 115.65E".getBytes(StandardCharsets.ISO_8859_1);
            int length = payload.length + 2;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(jpeg, 0, 2);
            out.write(0xFF);
            out.write(0xE1);
            out.write(length >> 8);
            out.write(length & 0xFF);
            out.write(payload);
            out.write(jpeg, 2, jpeg.length - 2);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
