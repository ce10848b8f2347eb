package org.xuncha.documents;

import java.io.Serial;

/** An uploaded file refused as a whole before any row is read: too large, not really .xlsx, a zip bomb, damaged. */
public class XlsxRejected extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient XlsxError error;

    XlsxRejected(XlsxError error, Throwable cause) {
        super(error.messageKey() + " " + error.file(), cause);
        this.error = error;
    }

    XlsxRejected(XlsxError error) {
        super(error.messageKey() + " " + error.file());
        this.error = error;
    }

    public XlsxError error() {
        return error;
    }
}
