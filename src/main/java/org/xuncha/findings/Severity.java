package org.xuncha.findings;

/** How serious a finding is (问题性质). */
public enum Severity {
    /** 一般. */
    GENERAL,
    /** 较重. */
    SERIOUS,
    /** 严重. */
    GRAVE
}
