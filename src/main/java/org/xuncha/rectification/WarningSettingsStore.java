package org.xuncha.rectification;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one row of warning settings. */
@Repository
class WarningSettingsStore {

    private final JdbcClient jdbc;

    WarningSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    WarningSettings current() {
        return jdbc.sql("select * from rectification.warning_settings where id = 1")
                .query((rs, i) -> new WarningSettings(
                        rs.getInt("green_days"),
                        rs.getInt("yellow_days"),
                        parse(rs.getString("green_recipients")),
                        parse(rs.getString("yellow_recipients")),
                        parse(rs.getString("red_recipients")),
                        rs.getString("mail_to"),
                        rs.getInt("version")))
                .single();
    }

    void save(WarningSettings settings) {
        int updated = jdbc.sql("""
                        update rectification.warning_settings set green_days = :green, yellow_days = :yellow,
                            green_recipients = :gr, yellow_recipients = :yr, red_recipients = :rr, mail_to = :mail,
                            version = version + 1
                        where id = 1 and version = :version
                        """)
                .param("green", settings.greenDays())
                .param("yellow", settings.yellowDays())
                .param("gr", join(settings.green()))
                .param("yr", join(settings.yellow()))
                .param("rr", join(settings.red()))
                .param("mail", settings.mailTo())
                .param("version", settings.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("warning settings changed since they were read");
        }
    }

    private static Set<WarningSettings.Recipient> parse(String text) {
        Set<WarningSettings.Recipient> set = EnumSet.noneOf(WarningSettings.Recipient.class);
        Arrays.stream(text.split(","))
                .filter(s -> !s.isBlank())
                .map(String::strip)
                .map(WarningSettings.Recipient::valueOf)
                .forEach(set::add);
        return set;
    }

    private static String join(Set<WarningSettings.Recipient> recipients) {
        return recipients.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
