package org.xuncha.fieldwork;

/** 调阅资料 or 实地查看. */
public enum ExaminationKind {
    DOCUMENT_REVIEW,
    SITE_CHECK
}
