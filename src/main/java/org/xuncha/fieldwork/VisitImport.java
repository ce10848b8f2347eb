package org.xuncha.fieldwork;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.documents.XlsxError;
import org.xuncha.documents.XlsxErrors;
import org.xuncha.documents.XlsxReader;
import org.xuncha.documents.XlsxRejected;
import org.xuncha.documents.XlsxTable;
import org.xuncha.documents.XlsxTable.Column;
import org.xuncha.documents.XlsxTemplate;
import org.xuncha.fieldwork.FieldworkRecords.Place;
import org.xuncha.fieldwork.Records.HouseholdVisit;
import org.xuncha.organization.HouseholdRoster;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.RosterHousehold;
import org.xuncha.planning.RoundGroup;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundState;
import org.xuncha.planning.RoundSummary;
import org.xuncha.planning.Rounds;

/**
 * Excel import of household visits written on paper (走访记录导入): one row per visit, the household by its roster
 * code. Every row is checked first — a household code that is unknown or of a 村居 that is not the caller's in this
 * round, a date that is no date or lies outside the round's fieldwork, a satisfaction label other than 满意, 基本满意,
 * 不满意, an inspector who is not of the 村居's group — and every problem is reported with row and column; with any
 * problem nothing is written. Otherwise all rows go in by one PostgreSQL COPY, in one transaction, with one audit entry.
 */
@Service
class VisitImport {

    static final int MAX_ROWS = 100_000;
    static final String SHEET = "走访记录";

    private static final Pattern NAMES = Pattern.compile("[、,，;；\\s]+");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu.M.d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu年M月d日").withResolverStyle(ResolverStyle.STRICT));

    static final Column CODE = Column.required("户编码", "农户名册中的户编码，例如 411403100201000");
    static final Column DATE = Column.required("走访日期", "例如 2026-03-05；须在本轮进驻期间");
    static final Column SATISFACTION = Column.required("满意度", "填：满意、基本满意、不满意");
    static final Column INSPECTORS = Column.optional("走访人员", "本村居巡察组成员姓名，多人用顿号分隔");
    static final Column RAISED = Column.optional("反映问题", "最多 500 字");
    static final List<Column> COLUMNS = List.of(CODE, DATE, SATISFACTION, INSPECTORS, RAISED);

    /** What an import did, or the problems that stopped it. */
    record Result(String fileName, List<XlsxError> errors, int errorCount, int imported) {

        public boolean succeeded() {
            return errorCount == 0;
        }
    }

    private final Fieldwork fieldwork;
    private final Rounds rounds;
    private final HouseholdRoster roster;
    private final FieldworkRecords records;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final MessageSource messages;
    private final Clock clock;

    VisitImport(
            Fieldwork fieldwork,
            Rounds rounds,
            HouseholdRoster roster,
            FieldworkRecords records,
            AuditLog audit,
            TransactionTemplate transactions,
            MessageSource messages,
            Clock clock) {
        this.fieldwork = fieldwork;
        this.rounds = rounds;
        this.roster = roster;
        this.records = records;
        this.audit = audit;
        this.transactions = transactions;
        this.messages = messages;
        this.clock = clock;
    }

    /** The template: the visit sheet with an example row, and the notes sheet. */
    void writeTemplate(OutputStream out, RoundSummary round) throws IOException {
        List<@Nullable Object> example =
                Arrays.asList("411403100201000", round.entryDate().toString(), "满意", "张三、李四", "反映村内道路需要维修");
        XlsxTemplate.write(
                out,
                List.of(new XlsxTemplate.Sheet(SHEET, COLUMNS, example)),
                List.of(
                        "一行记录一次入户走访；户编码须是本组所巡察村居农户名册中的户。",
                        "走访日期须在本轮进驻期间（" + round.entryDate() + " 至 " + round.exitDate() + "）。",
                        "文件有任何问题时不导入任何一行。"));
    }

    /**
     * Reads, checks and (when the whole file is sound) writes the upload for the round, as the caller. The sheet is
     * streamed: each row's own cells (date, satisfaction, length of the text) are checked as it is read and only what
     * a visit needs is kept; then the households of all rows come in one query, and the rows are checked against them
     * and the groups; then all visits go in by one COPY, in one transaction, with one audit entry.
     */
    Result run(Path file, String fileName, RoundId roundId, RegionScope scope, Authentication caller) {
        RoundSummary round = fieldwork.round(roundId, scope, caller);
        XlsxErrors errors = new XlsxErrors();
        if (round.state() != RoundState.IN_FIELD && round.state() != RoundState.FIELDWORK_FINISHED) {
            errors.add(XlsxError.ofFile(fileName, "fieldwork.rule.notInField", round.label()));
            return failed(fileName, errors);
        }
        RowReader rowReader = new RowReader(round, satisfactions());
        XlsxTable[] table = {null};
        try (XlsxReader reader = XlsxReader.open(file, fileName)) {
            reader.read(sheet -> {
                if (table[0] != null || sheet.equals(XlsxTemplate.NOTES_SHEET)) {
                    return null;
                }
                table[0] = XlsxTable.of(fileName, sheet, COLUMNS, errors, MAX_ROWS, rowReader::read);
                return table[0];
            });
        } catch (XlsxRejected rejected) {
            errors.add(rejected.error());
            return failed(fileName, errors);
        }
        if (table[0] == null || (errors.isEmpty() && rowReader.rows.isEmpty())) {
            errors.add(XlsxError.ofFile(fileName, "fieldwork.import.empty"));
            return failed(fileName, errors);
        }
        List<Place> places = new ArrayList<>(rowReader.rows.size());
        List<HouseholdVisit> visits = new ArrayList<>(rowReader.rows.size());
        new Resolver(roundId, scope, caller, table[0], rowReader.rows).resolve(places, visits);
        if (!errors.isEmpty()) {
            return failed(fileName, errors);
        }
        transactions.executeWithoutResult(status -> {
            records.copyVisits(places, visits);
            audit.record(
                    AuditAction.IMPORT,
                    "HouseholdVisit",
                    roundId.value(),
                    AuditOutcome.SUCCESS,
                    fileName + ": " + visits.size() + " visits");
        });
        return new Result(fileName, List.of(), 0, visits.size());
    }

    /** The satisfaction labels in the user's language and in Chinese. */
    private Map<String, Satisfaction> satisfactions() {
        Map<String, Satisfaction> satisfactions = new LinkedHashMap<>();
        for (Satisfaction s : Satisfaction.values()) {
            satisfactions.put(
                    messages.getMessage("fieldwork.satisfaction." + s, null, LocaleContextHolder.getLocale()), s);
            satisfactions.put(
                    messages.getMessage("fieldwork.satisfaction." + s, null, java.util.Locale.SIMPLIFIED_CHINESE), s);
        }
        return satisfactions;
    }

    /**
     * A row as read: its number, the household code, and whatever of its own cells could be read (null where a cell
     * was missing or wrong, which is then reported); {@code sound} when none of its own cells was reported.
     */
    private record ReadRow(
            int number,
            @Nullable String code,
            @Nullable LocalDate visitedOn,
            @Nullable Satisfaction satisfaction,
            @Nullable String inspectors,
            @Nullable String raised,
            boolean sound) {}

    /** The checks of one row's own cells, as the sheet streams by; keeps a {@link ReadRow} per data row. */
    private static final class RowReader {

        final List<ReadRow> rows = new ArrayList<>();
        private final RoundSummary round;
        private final Map<String, Satisfaction> satisfactions;
        /** Dates already read from the same text: a file has few distinct dates. */
        private final Map<String, LocalDate> dates = new HashMap<>();

        RowReader(RoundSummary round, Map<String, Satisfaction> satisfactions) {
            this.round = round;
            this.satisfactions = satisfactions;
        }

        void read(XlsxTable.Row row) {
            String code = row.required(CODE);
            LocalDate on = date(row);
            Satisfaction satisfaction = row.choice(SATISFACTION, satisfactions);
            String raised = row.text(RAISED, 500);
            String inspectors = row.text(INSPECTORS);
            rows.add(new ReadRow(row.number(), code, on, satisfaction, inspectors, raised, !row.rejected()));
        }

        private @Nullable LocalDate date(XlsxTable.Row row) {
            String text = row.required(DATE);
            if (text == null) {
                return null;
            }
            LocalDate known = dates.get(text);
            if (known != null) {
                return known;
            }
            LocalDate date = VisitImport.date(text);
            if (date == null) {
                row.reject(DATE, "fieldwork.import.badDate", text);
                return null;
            }
            if (date.isBefore(round.entryDate()) || date.isAfter(round.exitDate())) {
                row.reject(DATE, "fieldwork.import.dateOutside", text, round.entryDate(), round.exitDate());
                return null;
            }
            dates.put(text, date);
            return date;
        }
    }

    /**
     * The checks against the roster and the groups, after reading: each household code known and of a 村居 that is
     * the caller's in this round, each inspector a member of that 村居's group. The households come in one query;
     * the groups once per 村居.
     */
    private final class Resolver {

        private final RoundId roundId;
        private final XlsxTable table;
        private final List<ReadRow> rows;
        private final Map<Long, RoundLocality> mine = new HashMap<>();
        private final Map<String, RosterHousehold> households = new HashMap<>();
        private final Map<Long, Optional<RoundGroup>> groups = new HashMap<>();
        private final String by;
        private final Instant now = Instant.now(clock);
        private boolean inspectorsReported;

        Resolver(RoundId roundId, RegionScope scope, Authentication caller, XlsxTable table, List<ReadRow> rows) {
            this.roundId = roundId;
            this.table = table;
            this.rows = rows;
            this.by = caller.getName();
            fieldwork.localities(roundId, scope, caller).forEach(l -> mine.put(l.localityId(), l));
            Set<String> codes = new HashSet<>();
            for (ReadRow row : rows) {
                if (row.code() != null) {
                    codes.add(row.code());
                }
            }
            roster.byCodes(codes).forEach(h -> households.put(h.code(), h));
        }

        /** Checks every row, adding the sound ones to {@code places} and {@code visits}. */
        void resolve(List<Place> places, List<HouseholdVisit> visits) {
            for (ReadRow row : rows) {
                RosterHousehold household = row.code() == null ? null : households.get(row.code());
                RoundLocality locality = household == null ? null : mine.get(household.localityId());
                if (row.code() != null && household == null) {
                    table.reject(row.number(), CODE, "fieldwork.import.unknownHousehold", row.code());
                } else if (household != null && locality == null) {
                    table.reject(row.number(), CODE, "fieldwork.import.notOurLocality", row.code());
                }
                inspectorsReported = false;
                String inspectors = locality == null ? null : inspectors(row, locality);
                if (!row.sound() || locality == null || inspectorsReported) {
                    continue;
                }
                places.add(new Place(roundId.value(), locality.localityId(), locality.path()));
                visits.add(new HouseholdVisit(
                        0,
                        roundId.value(),
                        locality.localityId(),
                        household.id(),
                        household.code(),
                        row.visitedOn(),
                        inspectors,
                        row.raised(),
                        row.satisfaction(),
                        null,
                        by,
                        now));
            }
        }

        /** The row's inspectors, each once, joined with 、, or null; reports (and notes) names not of the group. */
        private @Nullable String inspectors(ReadRow row, RoundLocality locality) {
            if (row.inspectors() == null) {
                return null;
            }
            RoundGroup group = groups.computeIfAbsent(locality.localityId(), id -> rounds.groupOf(roundId, id))
                    .orElse(null);
            List<String> known = new ArrayList<>();
            for (String name : NAMES.split(row.inspectors())) {
                if (name.isEmpty()) {
                    continue;
                }
                boolean member = group != null
                        && group.members().stream().anyMatch(m -> m.name().equals(name));
                if (!member) {
                    inspectorsReported = true;
                    table.reject(
                            row.number(),
                            INSPECTORS,
                            "fieldwork.import.notMember",
                            name,
                            group == null ? "" : group.name());
                } else if (!known.contains(name)) {
                    known.add(name);
                }
            }
            return known.isEmpty() ? null : String.join("、", known);
        }
    }

    /** The date written in one of the accepted ways, or null. */
    private static @Nullable LocalDate date(String text) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next way of writing a date
            }
        }
        return null;
    }

    private static Result failed(String fileName, XlsxErrors errors) {
        return new Result(fileName, errors.sorted(), errors.count(), 0);
    }
}
