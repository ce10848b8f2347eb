/**
 * Documents kernel: reading and writing .xlsx (streaming, with row and column error reporting and upload checks),
 * and later .docx following GB/T 9704-2012 and QR codes.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.xuncha.documents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
