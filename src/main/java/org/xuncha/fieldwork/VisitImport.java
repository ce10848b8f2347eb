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
 * problem nothing is written. Otherwise all rows go in one JDBC batch, in one transaction, with one audit entry.
 */
@Service
class VisitImport {

    static final int MAX_ROWS = 20_000;
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

    /** Reads, checks and (when the whole file is sound) writes the upload for the round, as the caller. */
    Result run(Path file, String fileName, RoundId roundId, RegionScope scope, Authentication caller) {
        RoundSummary round = fieldwork.round(roundId, scope, caller);
        XlsxErrors errors = new XlsxErrors();
        if (round.state() != RoundState.IN_FIELD && round.state() != RoundState.FIELDWORK_FINISHED) {
            errors.add(XlsxError.ofFile(fileName, "fieldwork.rule.notInField", round.label()));
            return failed(fileName, errors);
        }
        List<XlsxTable.Row> rows = new ArrayList<>();
        XlsxTable[] table = {null};
        try (XlsxReader reader = XlsxReader.open(file, fileName)) {
            reader.read(sheet -> {
                if (table[0] != null || sheet.equals(XlsxTemplate.NOTES_SHEET)) {
                    return null;
                }
                table[0] = XlsxTable.of(fileName, sheet, COLUMNS, errors, MAX_ROWS, rows::add);
                return table[0];
            });
        } catch (XlsxRejected rejected) {
            errors.add(rejected.error());
            return failed(fileName, errors);
        }
        if (table[0] == null || (errors.isEmpty() && rows.isEmpty())) {
            errors.add(XlsxError.ofFile(fileName, "fieldwork.import.empty"));
            return failed(fileName, errors);
        }

        Map<Long, RoundLocality> mine = new HashMap<>();
        fieldwork.localities(roundId, scope, caller).forEach(l -> mine.put(l.localityId(), l));
        Set<String> codes = new HashSet<>();
        for (XlsxTable.Row row : rows) {
            String code = row.text(CODE);
            if (code != null) {
                codes.add(code);
            }
        }
        Map<String, RosterHousehold> households = new HashMap<>();
        roster.byCodes(codes).forEach(h -> households.put(h.code(), h));
        Map<Long, Optional<RoundGroup>> groups = new HashMap<>();
        Map<String, Satisfaction> satisfactions = new LinkedHashMap<>();
        for (Satisfaction s : Satisfaction.values()) {
            satisfactions.put(
                    messages.getMessage("fieldwork.satisfaction." + s, null, LocaleContextHolder.getLocale()), s);
            satisfactions.put(
                    messages.getMessage("fieldwork.satisfaction." + s, null, java.util.Locale.SIMPLIFIED_CHINESE), s);
        }

        String by = caller.getName();
        Instant now = Instant.now(clock);
        List<Place> places = new ArrayList<>(rows.size());
        List<HouseholdVisit> visits = new ArrayList<>(rows.size());
        for (XlsxTable.Row row : rows) {
            RosterHousehold household = null;
            RoundLocality locality = null;
            String code = row.required(CODE);
            if (code != null) {
                household = households.get(code);
                if (household == null) {
                    row.reject(CODE, "fieldwork.import.unknownHousehold", code);
                } else {
                    locality = mine.get(household.localityId());
                    if (locality == null) {
                        row.reject(CODE, "fieldwork.import.notOurLocality", code);
                    }
                }
            }
            LocalDate on = date(row, round);
            Satisfaction satisfaction = row.choice(SATISFACTION, satisfactions);
            String raised = row.text(RAISED, 500);
            String inspectors = null;
            String names = row.text(INSPECTORS);
            if (names != null && locality != null) {
                RoundGroup group = groups.computeIfAbsent(locality.localityId(), id -> rounds.groupOf(roundId, id))
                        .orElse(null);
                List<String> known = new ArrayList<>();
                for (String name : NAMES.split(names)) {
                    if (name.isEmpty()) {
                        continue;
                    }
                    boolean member = group != null
                            && group.members().stream().anyMatch(m -> m.name().equals(name));
                    if (!member) {
                        row.reject(INSPECTORS, "fieldwork.import.notMember", name, group == null ? "" : group.name());
                    } else if (!known.contains(name)) {
                        known.add(name);
                    }
                }
                inspectors = known.isEmpty() ? null : String.join("、", known);
            }
            if (row.rejected() || household == null || locality == null || on == null || satisfaction == null) {
                continue;
            }
            places.add(new Place(roundId.value(), locality.localityId(), locality.path()));
            visits.add(new HouseholdVisit(
                    0,
                    roundId.value(),
                    locality.localityId(),
                    household.id(),
                    household.code(),
                    on,
                    inspectors,
                    raised,
                    satisfaction,
                    null,
                    by,
                    now));
        }
        if (!errors.isEmpty()) {
            return failed(fileName, errors);
        }
        transactions.executeWithoutResult(status -> {
            records.insertVisits(places, visits);
            audit.record(
                    AuditAction.IMPORT,
                    "HouseholdVisit",
                    roundId.value(),
                    AuditOutcome.SUCCESS,
                    fileName + ": " + visits.size() + " visits");
        });
        return new Result(fileName, List.of(), 0, visits.size());
    }

    private static @Nullable LocalDate date(XlsxTable.Row row, RoundSummary round) {
        String text = row.required(DATE);
        if (text == null) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                LocalDate date = LocalDate.parse(text, format);
                if (date.isBefore(round.entryDate()) || date.isAfter(round.exitDate())) {
                    row.reject(DATE, "fieldwork.import.dateOutside", text, round.entryDate(), round.exitDate());
                    return null;
                }
                return date;
            } catch (DateTimeParseException e) {
                // try the next way of writing a date
            }
        }
        row.reject(DATE, "fieldwork.import.badDate", text);
        return null;
    }

    private static Result failed(String fileName, XlsxErrors errors) {
        return new Result(fileName, errors.sorted(), errors.count(), 0);
    }
}
