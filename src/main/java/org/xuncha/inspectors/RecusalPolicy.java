package org.xuncha.inspectors;

import java.util.EnumSet;
import java.util.Set;

/** The recusal rules a district enforces (回避规则设置); by default all of them. */
public record RecusalPolicy(Set<RecusalRule> enabled) {

    public RecusalPolicy {
        enabled = enabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(enabled));
    }

    public static RecusalPolicy allRules() {
        return new RecusalPolicy(EnumSet.allOf(RecusalRule.class));
    }

    public boolean enforces(RecusalRule rule) {
        return enabled.contains(rule);
    }
}
