package org.xuncha.rectification;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** The e-mail digest of the day's warnings (预警邮件汇总), only when a mail server is configured. */
@Component
@ConditionalOnProperty("spring.mail.host")
class WarningMail {

    private final JavaMailSender sender;

    WarningMail(JavaMailSender sender) {
        this.sender = sender;
    }

    void digest(List<String> to, LocalDate day, List<DailyWarnings.Sent> sent) {
        StringBuilder text = new StringBuilder(day + " 整改三色预警汇总（共 " + sent.size() + " 项）\n\n");
        for (DailyWarnings.Sent s : sent) {
            text.append(
                            switch (s.colour()) {
                                case GREEN -> "绿色";
                                case YELLOW -> "黄色";
                                case RED -> "红色";
                                case NONE -> "";
                            })
                    .append("  ")
                    .append(s.township())
                    .append(s.locality())
                    .append("  ")
                    .append(s.category())
                    .append("  期限 ")
                    .append(s.deadline())
                    .append('\n');
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setTo(to.toArray(String[]::new));
        message.setSubject("整改预警汇总 " + day);
        message.setText(text.toString());
        sender.send(message);
    }
}
