package org.xuncha.organization;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The suggested inspection intensity of a 村居 with the reasons behind it, and the intensity in force when staff
 * overrode the suggestion with a written reason (分类结果).
 */
record IntensityAssessment(
        Intensity suggested,
        List<Reason> reasons,
        @Nullable Intensity override,
        @Nullable String overrideReason) {

    /** A reason as a message key with its arguments, so it reads in the user's language. */
    record Reason(String messageKey, Object... args) {}

    public Intensity effective() {
        return override != null ? override : suggested;
    }

    public boolean overridden() {
        return override != null && override != suggested;
    }
}
