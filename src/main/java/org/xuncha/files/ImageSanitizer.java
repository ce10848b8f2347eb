package org.xuncha.files;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Re-encodes a photo from its pixels only, so EXIF, GPS, comments and anything appended after the image data are
 * dropped. A file that claims to be an image but does not decode is refused.
 */
final class ImageSanitizer {

    private ImageSanitizer() {}

    static byte[] reencode(String fileName, byte[] content, FileType type) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null) {
            throw new FileRejected("file.rejected.unreadableImage", fileName);
        }
        if (type == FileType.JPEG && image.getColorModel().hasAlpha()) {
            BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(image, 0, 0, null);
            image = rgb;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length);
        try {
            if (!ImageIO.write(image, type == FileType.PNG ? "png" : "jpg", out)) {
                throw new FileRejected("file.rejected.unreadableImage", fileName);
            }
        } catch (IOException e) {
            throw new FileRejected("file.rejected.unreadableImage", fileName);
        }
        return out.toByteArray();
    }
}
