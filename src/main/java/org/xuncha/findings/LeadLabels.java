package org.xuncha.findings;

/** Chinese labels of lead states and sensitivity levels for the register export. */
final class LeadLabels {

    private LeadLabels() {}

    static String state(Lead.State state) {
        return switch (state) {
            case RAISED -> "待移交";
            case TRANSFERRED -> "已移交";
            case RECEIVED -> "已签收";
            case CONCLUDED -> "已办结";
        };
    }

    static String sensitivity(Lead.Sensitivity sensitivity) {
        return switch (sensitivity) {
            case ORDINARY -> "一般";
            case SENSITIVE -> "敏感";
            case HIGHLY_SENSITIVE -> "高度敏感";
        };
    }
}
