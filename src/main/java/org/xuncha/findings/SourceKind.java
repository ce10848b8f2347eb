package org.xuncha.findings;

/** Where a finding came from (问题来源): the record of fieldwork or intake it is linked to by kind and id. */
public enum SourceKind {
    /** 谈话. */
    TALK,
    /** 入户走访. */
    VISIT,
    /** 信访举报. */
    PETITION,
    /** 查阅资料. */
    DOCUMENT_REVIEW,
    /** 实地查看. */
    SITE_CHECK,
    /** 其他. */
    OTHER;

    /**
     * The page of the source record, or null for OTHER: a talk and a petition have their own pages; visits, document
     * reviews and site checks are shown on their 村居's fieldwork page.
     */
    @org.jspecify.annotations.Nullable
    String path(long roundId, long localityId, long id) {
        String locality = "/fieldwork/rounds/" + roundId + "/localities/" + localityId;
        return switch (this) {
            case TALK -> "/fieldwork/rounds/" + roundId + "/talks/" + id;
            case PETITION -> "/petitions/" + id;
            case VISIT, DOCUMENT_REVIEW, SITE_CHECK -> locality;
            case OTHER -> null;
        };
    }
}
