package org.xuncha.inspectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The pool's messages exist in zh-CN, zh-TW and en for every key, and for every enum value and reason the code emits. */
class InspectorMessagesTests {

    @Test
    void theThreeLanguagesHaveTheSameKeys() throws IOException {
        Properties zhCn = load("");
        assertThat(load("_zh_TW").stringPropertyNames()).isEqualTo(zhCn.stringPropertyNames());
        assertThat(load("_en").stringPropertyNames()).isEqualTo(zhCn.stringPropertyNames());
    }

    @Test
    void everyEnumValueAndEveryReasonKeyHasAMessage() throws IOException {
        Properties messages = load("");
        List<String> keys = new ArrayList<>();
        for (RecusalRule rule : RecusalRule.values()) {
            keys.add("recusal.rule." + rule);
            keys.add("recusal.ruleText." + rule);
            keys.add("roster.gap.blocked." + rule);
            if (rule == RecusalRule.ROTATION) {
                for (GroupRole role : GroupRole.values()) {
                    keys.add("recusal.violation.ROTATION." + role);
                }
            } else {
                keys.add("recusal.violation." + rule);
            }
        }
        for (Expertise expertise : Expertise.values()) {
            keys.add("expertise." + expertise);
            keys.add("roster.reason.brings." + expertise);
        }
        for (Tier tier : Tier.values()) {
            keys.add("tier." + tier);
        }
        for (UnitKind kind : UnitKind.values()) {
            keys.add("unitKind." + kind);
        }
        for (PoliticalStatus status : PoliticalStatus.values()) {
            keys.add("political." + status);
        }
        for (Sex sex : Sex.values()) {
            keys.add("sex." + sex);
        }
        for (GroupRole role : GroupRole.values()) {
            keys.add("groupRole." + role);
        }
        keys.addAll(List.of(
                "roster.reason.leaderTier",
                "roster.reason.memberTier",
                "roster.reason.accounts",
                "roster.reason.lowestLoad",
                "roster.reason.load",
                "roster.reason.newPairs",
                "roster.reason.repeatedPairs",
                "roster.reason.noRecusal",
                "roster.reason.exempted",
                "roster.reason.available",
                "roster.gap.noLeader",
                "roster.gap.noDeputy",
                "roster.gap.members",
                "roster.gap.noAccounts",
                "roster.gap.taken"));
        assertThat(messages.stringPropertyNames()).containsAll(keys);
    }

    private static Properties load(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in =
                InspectorMessagesTests.class.getResourceAsStream("/i18n/inspectors" + suffix + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
