package org.xuncha.fieldwork;

/** 谈话方式: 个别谈话 (at least two inspectors present) or 座谈会. */
public enum TalkKind {
    INDIVIDUAL,
    FORUM
}
