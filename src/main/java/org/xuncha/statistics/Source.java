package org.xuncha.statistics;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A kind of record as the reporting contract publishes it (统计口径的数据来源): its view in schema
 * {@code statistics}, the columns a drill-down list shows and their order.
 */
public enum Source {
    ROUND(
            "statistics.round_record",
            "v.counted_on, v.number",
            List.of(
                    new Column("v.number", "col.roundNumber"),
                    new Column("v.kind", "col.roundKind"),
                    new Column("v.state", "col.roundState"),
                    new Column("v.entry_date", "col.entryDate"),
                    new Column("v.exit_date", "col.exitDate"))),
    ROUND_LOCALITY(
            "statistics.round_locality_record",
            "v.township_name, v.locality_name, v.counted_on",
            List.of(
                    new Column("v.round_number", "col.roundNumber"),
                    new Column("v.township_name", "col.township"),
                    new Column("v.locality_name", "col.locality"),
                    new Column("v.intensity", "col.intensity"),
                    new Column("v.counted_on", "col.entryDate"))),
    LOCALITY(
            "statistics.locality_record",
            "v.township_name, v.locality_name",
            List.of(
                    new Column("v.township_name", "col.township"),
                    new Column("v.locality_name", "col.locality"),
                    new Column("v.kind", "col.localityKind"))),
    FINDING(
            "statistics.finding_record",
            "v.counted_on, v.township_name, v.locality_name, v.id",
            List.of(
                    new Column("v.id", "col.id"),
                    new Column("v.round_number", "col.roundNumber"),
                    new Column("v.township_name", "col.township"),
                    new Column("v.locality_name", "col.locality"),
                    new Column("v.category", "col.category"),
                    new Column("v.severity", "col.severity"),
                    new Column("v.fixed_on_the_spot", "col.fixedOnTheSpot"),
                    new Column("v.state", "col.state"))),
    LEAD(
            "statistics.lead_record",
            "v.counted_on, v.register_number, v.id",
            List.of(
                    new Column("v.register_number", "col.registerNumber"),
                    new Column("v.round_number", "col.roundNumber"),
                    new Column("v.township_name", "col.township"),
                    new Column("v.locality_name", "col.locality"),
                    new Column("v.receiver_name", "col.receiver"),
                    new Column("v.transferred_on", "col.transferredOn"),
                    new Column("v.state", "col.state"),
                    new Column("v.disposition", "col.disposition"))),
    TALK(
            "statistics.talk_record",
            "v.counted_on, v.township_name, v.locality_name, v.held_on, v.id",
            List.of(
                    new Column("v.round_number", "col.roundNumber"),
                    new Column("v.township_name", "col.township"),
                    new Column("v.locality_name", "col.locality"),
                    new Column("v.kind", "col.talkKind"),
                    new Column("v.held_on", "col.date"),
                    new Column("v.person_times", "col.personTimes"))),
    VISIT(
            "statistics.household_visit_record",
            "v.counted_on, v.township_name, v.locality_name, v.household_code",
            List.of(
                    new Column("v.round_number", "col.roundNumber"),
                    new Column("v.township_name", "col.township"),
                    new Column("v.locality_name", "col.locality"),
                    new Column("v.household_code", "col.household"),
                    new Column("v.special", "col.special"),
                    new Column("v.visited_on", "col.date"),
                    new Column("v.satisfaction", "col.satisfaction"))),
    NOTICE(
            "statistics.notice_posting_record",
            "v.counted_on, v.township_name, v.locality_name, v.id",
            List.of(
                    new Column("v.round_number", "col.roundNumber"),
                    new Column("v.township_name", "col.township"),
                    new Column("v.locality_name", "col.locality"),
                    new Column("v.posted_on", "col.date"),
                    new Column("v.copies", "col.copies"))),
    PETITION(
            "statistics.petition_record",
            "v.counted_on, v.received_on, v.id",
            List.of(
                    new Column("v.id", "col.id"),
                    new Column("v.round_number", "col.roundNumber"),
                    new Column("v.township_name", "col.township"),
                    new Column("v.locality_name", "col.locality"),
                    new Column("v.channel", "col.channel"),
                    new Column("v.received_on", "col.date"),
                    new Column("v.status", "col.state"),
                    new Column("v.triage", "col.triage"))),
    TASK(
            "statistics.task_record",
            "v.deadline, v.township_name, v.locality_name, v.id",
            List.of(
                    new Column("v.id", "col.id"),
                    new Column("v.round_number", "col.roundNumber"),
                    new Column("v.township_name", "col.township"),
                    new Column("v.locality_name", "col.locality"),
                    new Column("v.category", "col.category"),
                    new Column("v.state", "col.state"),
                    new Column("v.deadline", "col.deadline"),
                    new Column("v.closed_on", "col.closedOn"))),
    REVISIT(
            "statistics.revisit_record",
            "v.visited_on, v.township_name, v.locality_name, v.id",
            List.of(
                    new Column("v.township_name", "col.township"),
                    new Column("v.locality_name", "col.locality"),
                    new Column("v.visited_on", "col.date"),
                    new Column("v.method", "col.method"))),
    SURVEY_ANSWER(
            "statistics.survey_answer_record",
            "v.counted_on, v.township_name, v.locality_name, v.response_id, v.question",
            List.of(
                    new Column("v.township_name", "col.township"),
                    new Column("v.locality_name", "col.locality"),
                    new Column("v.counted_on", "col.date"),
                    new Column("v.response_id", "col.response"),
                    new Column("v.question", "col.question"),
                    new Column("v.answer", "col.answer")));

    /** One column of a drill-down list: its SQL expression over the view aliased {@code v} and its header key. */
    public record Column(String expression, String header) {}

    private final String view;
    private final String order;
    private final List<Column> columns;

    Source(String view, String order, List<Column> columns) {
        this.view = view;
        this.order = order;
        this.columns = columns;
    }

    public String view() {
        return view;
    }

    /**
     * The source's tally (统计读模型, migration V16_4): its view's rows counted per round, township and the columns
     * the figures' conditions and breakdowns use, kept in step by triggers; null for the small sources read live.
     */
    public @Nullable String tally() {
        switch (this) {
            case FINDING:
                return "statistics.finding_tally";
            case LEAD:
                return "statistics.lead_tally";
            case TALK:
                return "statistics.talk_tally";
            case VISIT:
                return "statistics.visit_tally";
            case NOTICE:
                return "statistics.notice_tally";
            case PETITION:
                return "statistics.petition_tally";
            case TASK:
                return "statistics.task_tally";
            default:
                return null;
        }
    }

    /** The kind name of the source's tally in {@code statistics.tally_kind}, or null. */
    public @Nullable String tallyKind() {
        String tally = tally();
        return tally == null ? null : tally.substring("statistics.".length(), tally.length() - "_tally".length());
    }

    public String order() {
        return order;
    }

    public List<Column> columns() {
        return columns;
    }
}
