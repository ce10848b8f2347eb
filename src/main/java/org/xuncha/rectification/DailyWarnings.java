package org.xuncha.rectification;

import java.lang.management.ManagementFactory;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.notifications.Notice;
import org.xuncha.notifications.Notifications;

/**
 * The daily three-colour warning job (每日预警). It runs once per day across every node: the first node to insert the
 * day's {@code job_run} row (unique per job and day) runs it, the others wait on that row's lock and then find it
 * taken. Each warning (task, colour) is sent once ever ({@code warning_sent}), to the recipients the office set for
 * the colour; an e-mail digest follows when a mail server is configured.
 */
@Component
class DailyWarnings {

    static final String JOB = "rectification-warnings";

    /** A warning sent today, for the digest. */
    record Sent(
            long taskId, String township, String locality, String category, WarningColour colour, LocalDate deadline) {}

    private final JdbcClient jdbc;
    private final Tasks tasks;
    private final Plans plans;
    private final HolidayCalendar calendar;
    private final WarningSettingsStore settings;
    private final SupervisionGroups groups;
    private final Notifications notifications;
    private final ObjectProvider<WarningMail> mail;
    private final Clock clock;

    DailyWarnings(
            JdbcClient jdbc,
            Tasks tasks,
            Plans plans,
            HolidayCalendar calendar,
            WarningSettingsStore settings,
            SupervisionGroups groups,
            Notifications notifications,
            ObjectProvider<WarningMail> mail,
            Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.plans = plans;
        this.calendar = calendar;
        this.settings = settings;
        this.groups = groups;
        this.notifications = notifications;
        this.mail = mail;
        this.clock = clock;
    }

    @Scheduled(cron = "${xuncha.rectification.warning-cron:0 30 7 * * *}")
    void daily() {
        runFor(LocalDate.now(clock));
    }

    /** Runs the day's warnings unless a node already has; answers the warnings this call sent. */
    @Transactional
    List<Sent> runFor(LocalDate day) {
        int claimed = jdbc.sql("""
                        insert into rectification.job_run (job, day, node, started_at) values (:job, :day, :node, :at)
                        on conflict (job, day) do nothing
                        """)
                .param("job", JOB)
                .param("day", Date.valueOf(day))
                .param("node", ManagementFactory.getRuntimeMXBean().getName())
                .param("at", OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC))
                .update();
        if (claimed == 0) {
            return List.of();
        }
        WarningSettings current = settings.current();
        WorkingDays workingDays = calendar.workingDays();
        List<Sent> sent = new ArrayList<>();
        for (RectificationTask task : tasks.unclosed()) {
            WarningColour colour = WarningColour.of(
                    task.state(), day, task.deadline(), workingDays.remaining(day, task.deadline()), current);
            if (colour == WarningColour.NONE) {
                continue;
            }
            boolean first = jdbc.sql("insert into rectification.warning_sent (task_id, colour, sent_at)"
                                    + " values (:task, :colour, :at) on conflict do nothing")
                            .param("task", task.id())
                            .param("colour", colour.name())
                            .param("at", OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC))
                            .update()
                    > 0;
            if (first) {
                notify(task, colour, current, workingDays.remaining(day, task.deadline()));
                sent.add(new Sent(
                        task.id(), task.townshipName(), task.localityName(), task.category(), colour, task.deadline()));
            }
        }
        if (!sent.isEmpty() && !current.mailAddresses().isEmpty()) {
            mail.ifAvailable(m -> m.digest(current.mailAddresses(), day, sent));
        }
        return sent;
    }

    private void notify(RectificationTask task, WarningColour colour, WarningSettings current, int remaining) {
        String kind = "RECTIFICATION_" + colour.name();
        String subject = switch (colour) {
                    case GREEN -> "【绿色预警】";
                    case YELLOW -> "【黄色预警】";
                    case RED -> "【红色预警】";
                    case NONE -> "";
                }
                + task.townshipName() + task.localityName() + "：" + task.category();
        String body = colour == WarningColour.RED
                ? "整改期限 " + task.deadline() + " 已过，任务尚未销号，请立即督促整改。"
                : "距整改期限 " + task.deadline() + " 还有 " + remaining + " 个工作日，请抓紧整改并提交验收。";
        String link = "/rectification/tasks/" + task.id();
        String townshipPath = plans.townshipPath(task.planId());
        for (WarningSettings.Recipient recipient : current.recipients(colour)) {
            if (recipient == WarningSettings.Recipient.SUPERVISION_GROUP) {
                for (String member : groups.membersFor(task.townshipId())) {
                    notifications.send(Notice.toUser(kind, subject, body, link, member));
                }
            } else {
                notifications.send(Notice.toRole(kind, subject, body, link, recipient.name(), townshipPath));
            }
        }
    }
}
