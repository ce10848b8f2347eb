package org.xuncha.planning;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * 巡察会议: a meeting of a round (动员会, 巡前促进会, 巡中调度会, 巡后协商会 or one the office adds with its own title),
 * with its time, place, attendees and minutes.
 */
class Meeting {

    /** What the office writes about a meeting. */
    record Details(
            MeetingKind kind,
            @Nullable String title,
            LocalDateTime startsAt,
            @Nullable LocalDateTime endsAt,
            String place,
            @Nullable String attendees,
            @Nullable String minutes) {

        Details {
            if (kind == MeetingKind.OTHER && (title == null || title.isBlank())) {
                throw new RoundRuleViolation("meeting.rule.titleRequired");
            }
            if (endsAt != null && endsAt.isBefore(startsAt)) {
                throw new RoundRuleViolation("meeting.rule.endsBeforeStart");
            }
        }
    }

    private final long id;
    private final long roundId;
    private Details details;
    private final int version;

    Meeting(long id, long roundId, Details details, int version) {
        this.id = id;
        this.roundId = roundId;
        this.details = details;
        this.version = version;
    }

    void revise(Details details) {
        this.details = details;
    }

    public LocalDate day() {
        return details.startsAt().toLocalDate();
    }

    public long id() {
        return id;
    }

    public long roundId() {
        return roundId;
    }

    public Details details() {
        return details;
    }

    public MeetingKind kind() {
        return details.kind();
    }

    public @Nullable String title() {
        return details.title();
    }

    public LocalDateTime startsAt() {
        return details.startsAt();
    }

    public @Nullable LocalDateTime endsAt() {
        return details.endsAt();
    }

    public String place() {
        return details.place();
    }

    public @Nullable String attendees() {
        return details.attendees();
    }

    public @Nullable String minutes() {
        return details.minutes();
    }

    public int version() {
        return version;
    }
}
