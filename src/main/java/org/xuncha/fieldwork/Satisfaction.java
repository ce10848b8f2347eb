package org.xuncha.fieldwork;

/** 满意度 of a visited household: 满意, 基本满意, 不满意. */
public enum Satisfaction {
    SATISFIED,
    BASICALLY_SATISFIED,
    DISSATISFIED
}
