package org.xuncha.inspectors;

/** 性别. */
public enum Sex {
    MALE,
    FEMALE
}
