/**
 * Files kernel (文件存储): evidence, photos and attachments kept outside the web root under random names and fetched
 * by opaque id only; content type decided by sniffing the bytes, never by the name; photos re-encoded so that EXIF
 * (GPS included) is gone before they are stored. A local-disk store by default; an S3-compatible store can take its
 * place behind {@link org.xuncha.files.FileStore} for several nodes.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.xuncha.files;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
