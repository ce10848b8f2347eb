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

    /** The page of the source record once fieldwork and intake are wired in, or null for OTHER. */
    @org.jspecify.annotations.Nullable
    String path(long id) {
        return switch (this) {
            case TALK -> "/fieldwork/talks/" + id;
            case VISIT -> "/fieldwork/visits/" + id;
            case PETITION -> "/intake/petitions/" + id;
            case DOCUMENT_REVIEW -> "/fieldwork/reviews/" + id;
            case SITE_CHECK -> "/fieldwork/site-checks/" + id;
            case OTHER -> null;
        };
    }
}
