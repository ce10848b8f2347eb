package org.xuncha.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The e-mail digest of the day's warnings, through a fake mail sender (no mail server here). */
class WarningMailTests {

    @Test
    void theDigestListsEachWarningWithItsColourAndDeadline() {
        List<SimpleMailMessage> sent = new ArrayList<>();
        JavaMailSenderImpl fake = new JavaMailSenderImpl() {
            @Override
            public void send(SimpleMailMessage... messages) {
                sent.addAll(List.of(messages));
            }
        };
        new WarningMail(fake)
                .digest(
                        List.of("xcb@example.gov.cn"),
                        LocalDate.of(2026, 11, 30),
                        List.of(
                                new DailyWarnings.Sent(
                                        1, "冯桥镇", "何园村", "三资管理", WarningColour.YELLOW, LocalDate.of(2026, 12, 11)),
                                new DailyWarnings.Sent(
                                        2, "闫集镇", "魏桥村", "党的建设", WarningColour.RED, LocalDate.of(2026, 11, 26))));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getTo()).containsExactly("xcb@example.gov.cn");
        assertThat(sent.get(0).getSubject()).isEqualTo("整改预警汇总 2026-11-30");
        assertThat(sent.get(0).getText())
                .contains("共 2 项")
                .contains("黄色  冯桥镇何园村  三资管理  期限 2026-12-11")
                .contains("红色  闫集镇魏桥村");
    }

    @Test
    void addressesAreSplitOnCommasAndSpaces() {
        WarningSettings settings = new WarningSettings(
                20, 10, java.util.Set.of(), java.util.Set.of(), java.util.Set.of(), "a@x.cn， b@x.cn;c@x.cn", 0);
        assertThat(settings.mailAddresses()).containsExactly("a@x.cn", "b@x.cn", "c@x.cn");
    }
}
