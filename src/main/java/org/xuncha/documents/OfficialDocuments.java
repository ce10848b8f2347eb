package org.xuncha.documents;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Creates the official documents of this installation with its configured typefaces
 * ({@code xuncha.documents.typefaces}: {@code STANDARD} for the GB faces, {@code COMMON} where they are not installed).
 */
@Component
public class OfficialDocuments {

    private final Typefaces typefaces;

    OfficialDocuments(@Value("${xuncha.documents.typefaces:STANDARD}") Typefaces typefaces) {
        this.typefaces = typefaces;
    }

    public OfficialDocument create() {
        return OfficialDocument.create(typefaces);
    }

    public Typefaces typefaces() {
        return typefaces;
    }
}
