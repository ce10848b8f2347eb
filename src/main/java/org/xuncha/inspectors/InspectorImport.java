package org.xuncha.inspectors;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.confidential.FieldCipher;
import org.xuncha.documents.XlsxError;
import org.xuncha.documents.XlsxErrors;
import org.xuncha.documents.XlsxReader;
import org.xuncha.documents.XlsxRejected;
import org.xuncha.documents.XlsxTable;
import org.xuncha.documents.XlsxTable.Column;
import org.xuncha.documents.XlsxTemplate;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.ResidentIdNumber;

/**
 * Excel import of the pool (人才库导入): the export's own layout read back, rows keyed by 编号 (the inspector's id; blank
 * for a new person). Every row is checked first and every problem collected with sheet, row and column; with any
 * problem nothing is written. Otherwise all rows are upserted in one transaction with one audit entry. Relatives,
 * trainings and the linked account are exported for reading only and are not changed by an import.
 */
@Service
class InspectorImport {

    static final int MAX_ROWS = 20_000;

    private static final Pattern PHONE = Pattern.compile("1\\d{10}|0\\d{2,3}-?\\d{7,8}");
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]");

    /** What an import did, or the problems that stopped it. */
    public record Result(
            String fileName, List<XlsxError> errors, int errorCount, int added, int updated, int unchanged) {

        public boolean succeeded() {
            return errorCount == 0;
        }
    }

    /** The export's columns, by position in its header list. */
    private record Columns(
            Column id,
            Column name,
            Column sex,
            Column unit,
            Column unitKind,
            Column post,
            Column political,
            Column tier,
            Column expertise,
            Column work,
            Column home,
            Column phone,
            Column idNumber,
            Column relatives,
            Column trainings,
            Column account) {

        static Columns of(Map<String, String> labels) {
            String[] h = labels.get("headers").split(",");
            return new Columns(
                    Column.optional(h[0], "留空表示新增人员；导出文件中的编号用于更新该人员"),
                    Column.required(h[1], "最多 40 字"),
                    Column.required(
                            h[2],
                            "填："
                                    + String.join(
                                            "、",
                                            choices(labels, "sex.", Sex.values())
                                                    .keySet())),
                    Column.required(h[3], "最多 80 字"),
                    Column.required(
                            h[4],
                            "填："
                                    + String.join(
                                            "、",
                                            choices(labels, "unitKind.", UnitKind.values())
                                                    .keySet())),
                    Column.optional(h[5], "最多 60 字"),
                    Column.required(
                            h[6],
                            "填："
                                    + String.join(
                                            "、",
                                            choices(labels, "political.", PoliticalStatus.values())
                                                    .keySet())),
                    Column.required(
                            h[7],
                            "填："
                                    + String.join(
                                            "、",
                                            choices(labels, "tier.", Tier.values())
                                                    .keySet())),
                    Column.optional(
                            h[8],
                            "可多项，用顿号分隔："
                                    + String.join(
                                            "、",
                                            choices(labels, "expertise.", Expertise.values())
                                                    .keySet())),
                    Column.optional(h[9], "乡镇（街道）名称或 12 位代码"),
                    Column.optional(h[10], "乡镇（街道）名称或 12 位代码"),
                    Column.optional(h[11], "手机 11 位或固定电话"),
                    Column.optional(h[12], "18 位公民身份号码"),
                    Column.optional(h[13], "仅供查看，导入时不修改"),
                    Column.optional(h[14], "仅供查看，导入时不修改"),
                    Column.optional(h[15], "仅供查看，导入时不修改"));
        }

        List<Column> all() {
            return List.of(
                    id, name, sex, unit, unitKind, post, political, tier, expertise, work, home, phone, idNumber,
                    relatives, trainings, account);
        }
    }

    /** One row to write: a new person (existing null) or a changed one. */
    private record Pending(
            @Nullable Inspector existing,
            long districtId,
            Inspector.Profile profile,
            @Nullable String idNumber) {}

    private final InspectorRecords records;
    private final Inspectors inspectors;
    private final FieldCipher cipher;
    private final AuditLog auditLog;
    private final TransactionTemplate transactions;

    InspectorImport(
            InspectorRecords records,
            Inspectors inspectors,
            FieldCipher cipher,
            AuditLog auditLog,
            TransactionTemplate transactions) {
        this.records = records;
        this.inspectors = inspectors;
        this.cipher = cipher;
        this.auditLog = auditLog;
        this.transactions = transactions;
    }

    /** The import template: the export's sheet and headers with an example row, and the notes sheet. */
    void writeTemplate(OutputStream out, Map<String, String> labels) throws IOException {
        Columns c = Columns.of(labels);
        List<@Nullable Object> example = new ArrayList<>(Arrays.asList(
                "",
                "张三",
                labels.get("sex." + Sex.MALE),
                "区审计局",
                labels.get("unitKind." + UnitKind.AUDIT),
                "科长",
                labels.get("political." + PoliticalStatus.CPC_MEMBER),
                labels.get("tier." + Tier.MEMBER_TIER),
                labels.get("expertise." + Expertise.AUDIT) + "、" + labels.get("expertise." + Expertise.FINANCE),
                null,
                null,
                "13800000000",
                null,
                null,
                null,
                null));
        XlsxTemplate.write(
                out,
                List.of(new XlsxTemplate.Sheet(labels.get("sheet"), c.all(), example)),
                List.of("编号留空的行新增人员；编号为导出文件中的编号的行更新该人员。", "文件有任何问题时不导入任何一行。"));
    }

    /** Reads, checks and (when the whole file is sound) writes the upload. */
    Result run(Path file, String fileName, RegionScope scope, Map<String, String> labels) {
        XlsxErrors errors = new XlsxErrors();
        Columns c = Columns.of(labels);
        List<XlsxTable.Row> rows = new ArrayList<>();
        XlsxTable[] table = {null};
        try (XlsxReader reader = XlsxReader.open(file, fileName)) {
            reader.read(sheet -> {
                if (table[0] != null || sheet.equals(XlsxTemplate.NOTES_SHEET)) {
                    return null;
                }
                table[0] = XlsxTable.of(fileName, sheet, c.all(), errors, MAX_ROWS, rows::add);
                return table[0];
            });
        } catch (XlsxRejected rejected) {
            errors.add(rejected.error());
            return failed(fileName, errors);
        }
        if (table[0] == null || (errors.isEmpty() && rows.isEmpty())) {
            errors.add(XlsxError.ofFile(fileName, "inspectors.import.empty"));
            return failed(fileName, errors);
        }
        try {
            Result result = transactions.execute(status -> {
                Result done = checkAndWrite(fileName, c, rows, errors, scope, labels);
                if (!done.succeeded()) {
                    status.setRollbackOnly();
                }
                return done;
            });
            return Objects.requireNonNull(result);
        } catch (OptimisticLockingFailureException e) {
            errors.add(XlsxError.ofFile(fileName, "inspectors.import.concurrentChange"));
            return failed(fileName, errors);
        }
    }

    private Result checkAndWrite(
            String fileName,
            Columns c,
            List<XlsxTable.Row> rows,
            XlsxErrors errors,
            RegionScope scope,
            Map<String, String> labels) {
        PoolScope pool = records.scope(scope);
        Map<Long, Inspector> existing = new HashMap<>();
        try (Stream<Inspector> all = inspectors.stream(new Inspectors.Filter(null, null, null, null, null), pool)) {
            all.forEach(i -> existing.put(i.id(), i));
        }
        List<RegionSummary> districts = records.districts(scope);
        Map<Long, String> districtPaths = new HashMap<>();
        districts.forEach(d -> districtPaths.put(d.id(), d.path()));
        Map<String, RegionSummary> townships = new HashMap<>();
        for (RegionSummary t : records.townships(scope)) {
            townships.putIfAbsent(t.name(), t);
            townships.put(t.code(), t);
        }
        Map<String, Sex> sexes = choices(labels, "sex.", Sex.values());
        Map<String, UnitKind> unitKinds = choices(labels, "unitKind.", UnitKind.values());
        Map<String, PoliticalStatus> politicals = choices(labels, "political.", PoliticalStatus.values());
        Map<String, Tier> tiers = choices(labels, "tier.", Tier.values());
        Map<String, Expertise> expertises = choices(labels, "expertise.", Expertise.values());

        Map<Long, Integer> seen = new HashMap<>();
        List<Pending> pending = new ArrayList<>();
        int unchanged = 0;
        for (XlsxTable.Row row : rows) {
            Inspector current = null;
            String idText = row.text(c.id());
            if (idText != null) {
                Long id = parseId(idText);
                if (id == null) {
                    row.reject(c.id(), "inspectors.import.unknownId", idText);
                } else if (seen.containsKey(id)) {
                    row.reject(c.id(), "inspectors.import.duplicateId", idText, seen.get(id));
                } else {
                    seen.put(id, row.number());
                    current = existing.get(id);
                    if (current == null) {
                        row.reject(c.id(), "inspectors.import.unknownId", idText);
                    }
                }
            }
            String name = row.text(c.name(), 40);
            Sex sex = row.choice(c.sex(), sexes);
            String unit = row.text(c.unit(), 80);
            UnitKind unitKind = row.choice(c.unitKind(), unitKinds);
            String post = row.text(c.post(), 60);
            PoliticalStatus political = row.choice(c.political(), politicals);
            Tier tier = row.choice(c.tier(), tiers);
            Set<Expertise> expertise = EnumSet.noneOf(Expertise.class);
            String expertiseText = row.text(c.expertise());
            if (expertiseText != null) {
                for (String part : expertiseText.split("[、,，;；\\s]+")) {
                    if (part.isEmpty()) {
                        continue;
                    }
                    Expertise e = expertises.get(part);
                    if (e == null) {
                        row.reject(c.expertise(), "xlsx.notAllowed", part, String.join("、", expertises.keySet()));
                    } else {
                        expertise.add(e);
                    }
                }
            }
            RegionSummary work = township(row, c.work(), townships);
            RegionSummary home = township(row, c.home(), townships);
            String phone = row.text(c.phone());
            if (phone != null && !PHONE.matcher(phone).matches()) {
                row.reject(c.phone(), "inspectors.import.badPhone", phone);
            }
            String idNumber = row.text(c.idNumber());
            if (idNumber != null) {
                idNumber = idNumber.toUpperCase(java.util.Locale.ROOT);
                if (!ID_NUMBER.matcher(idNumber).matches() || !ResidentIdNumber.isValid(idNumber)) {
                    row.reject(c.idNumber(), "inspectors.import.badIdNumber", idNumber);
                }
            }
            Long districtId = current != null ? Long.valueOf(current.districtId()) : null;
            if (districtId == null) {
                if (work != null && work.parentId() != null) {
                    districtId = work.parentId();
                } else if (home != null && home.parentId() != null) {
                    districtId = home.parentId();
                } else if (districts.size() == 1) {
                    districtId = districts.get(0).id();
                } else if (!row.rejected()) {
                    row.reject(c.work(), "inspectors.import.noDistrict");
                }
            }
            otherDistrict(row, c.work(), work, districtId);
            otherDistrict(row, c.home(), home, districtId);
            if (row.rejected() || errors.count() > 0) {
                continue;
            }
            Inspector.Profile profile = new Inspector.Profile(
                    Objects.requireNonNull(name),
                    Objects.requireNonNull(sex),
                    Objects.requireNonNull(unit),
                    Objects.requireNonNull(unitKind),
                    post,
                    Objects.requireNonNull(political),
                    Objects.requireNonNull(tier),
                    expertise,
                    work == null ? null : work.id(),
                    home == null ? null : home.id(),
                    current == null ? null : current.profile().linkedUsername(),
                    phone);
            if (current == null) {
                pending.add(new Pending(null, Objects.requireNonNull(districtId), profile, idNumber));
            } else {
                byte[] stored = current.idNumberCipher();
                String storedId = stored == null ? null : cipher.decrypt(stored);
                boolean idChanged = idNumber != null && !idNumber.equals(storedId);
                if (profile.equals(current.profile()) && !idChanged) {
                    unchanged++;
                } else {
                    pending.add(new Pending(current, current.districtId(), profile, idChanged ? idNumber : null));
                }
            }
        }
        if (!errors.isEmpty()) {
            return failed(fileName, errors);
        }
        int added = 0;
        int updated = 0;
        for (Pending p : pending) {
            Inspector inspector;
            if (p.existing() == null) {
                inspector = Inspector.enrol(p.districtId(), districtPaths.get(p.districtId()), p.profile());
                added++;
            } else {
                inspector = p.existing();
                inspector.revise(p.profile());
                updated++;
            }
            if (p.idNumber() != null) {
                inspector.recordIdNumber(cipher.encrypt(p.idNumber()), p.idNumber());
            }
            inspectors.save(inspector);
        }
        auditLog.record(
                AuditAction.IMPORT,
                "InspectorPool",
                null,
                AuditOutcome.SUCCESS,
                "导入人才库 " + fileName + "：新增 " + added + " 人，更新 " + updated + " 人，未变 " + unchanged + " 人");
        return new Result(fileName, List.of(), 0, added, updated, unchanged);
    }

    private static @Nullable RegionSummary township(
            XlsxTable.Row row, Column column, Map<String, RegionSummary> townships) {
        String text = row.text(column);
        if (text == null) {
            return null;
        }
        RegionSummary township = townships.get(text);
        if (township == null) {
            row.reject(column, "inspectors.import.unknownTownship", text);
        }
        return township;
    }

    private static void otherDistrict(
            XlsxTable.Row row, Column column, @Nullable RegionSummary township, @Nullable Long districtId) {
        if (township != null && districtId != null && !Objects.equals(township.parentId(), districtId)) {
            row.reject(column, "inspectors.import.otherDistrict", township.name());
        }
    }

    private static @Nullable Long parseId(String text) {
        try {
            long id = new java.math.BigDecimal(text).longValueExact();
            return id > 0 ? id : null;
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> Map<String, E> choices(Map<String, String> labels, String prefix, E[] values) {
        Map<String, E> choices = new LinkedHashMap<>();
        for (E value : values) {
            choices.put(labels.get(prefix + value), value);
        }
        return choices;
    }

    private static Result failed(String fileName, XlsxErrors errors) {
        return new Result(fileName, errors.sorted(), errors.count(), 0, 0, 0);
    }
}
