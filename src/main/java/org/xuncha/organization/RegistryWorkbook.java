package org.xuncha.organization;

import static org.xuncha.organization.RegistrySheets.*;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.xuncha.documents.XlsxError;
import org.xuncha.documents.XlsxErrors;
import org.xuncha.documents.XlsxReader;
import org.xuncha.documents.XlsxRejected;
import org.xuncha.documents.XlsxTable;
import org.xuncha.documents.XlsxTemplate;

/**
 * An uploaded registry workbook (名册工作簿) read and checked row by row: every cell of the 乡镇（街道）, 村居 and 农户
 * sheets parsed into typed rows, and every problem a row shows on its own (an empty required cell, text where a
 * number belongs, an unknown label, a bad ID number, a code given twice) recorded. Rows with problems are left out;
 * their codes still count as present in the file, so references to them do not pile up further errors. Checks that
 * need the database (unknown parents, scope) come after, in {@link RegistryImport}.
 */
final class RegistryWorkbook {

    /** Rows per sheet at most; a 20 MB file holds far fewer households than this. */
    static final int MAX_ROWS = 200_000;

    private static final Pattern REGION_CODE = Pattern.compile("\\d{12}");
    private static final Pattern HOUSEHOLD_CODE = Pattern.compile("[0-9A-Za-z-]{1,32}");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999");

    record TownshipRow(int row, String code, String name, RegionKind kind, String districtCode) {}

    record LocalityRow(int row, String code, String name, String townshipCode, RegionKind kind, Locality.Facts facts) {}

    record HouseholdRow(
            int row,
            String code,
            String localityCode,
            String headName,
            @Nullable String villagerGroup,
            @Nullable String address,
            boolean fiveGuarantees,
            boolean minimumLiving,
            boolean dilapidatedHousing,
            @Nullable String idNumber,
            @Nullable String maskedTail) {

        /** Whether the ID number cell holds a masked number from an export, meaning "keep the stored one". */
        boolean idNumberMasked() {
            return maskedTail != null;
        }
    }

    /** Where a code was first seen, for the duplicate message. */
    private record Seen(String sheet, int row) {}

    /** Told how many rows have been read so far out of about how many, now and then. */
    @FunctionalInterface
    interface Progress {
        void read(int rows, int estimate);
    }

    private final String fileName;
    private final XlsxErrors errors;
    private final Progress progress;
    private final List<TownshipRow> townships = new ArrayList<>();
    private final List<LocalityRow> localities = new ArrayList<>();
    private final List<HouseholdRow> households = new ArrayList<>();
    private final Set<String> townshipCodes = new HashSet<>();
    private final Set<String> localityCodes = new HashSet<>();
    private final Map<String, Seen> regionCodes = new HashMap<>();
    private final Map<String, Seen> householdCodes = new HashMap<>();
    private @Nullable XlsxTable townshipTable;
    private @Nullable XlsxTable localityTable;
    private @Nullable XlsxTable householdTable;
    private int rowsRead;
    private int estimate;

    private RegistryWorkbook(String fileName, XlsxErrors errors, Progress progress) {
        this.fileName = fileName;
        this.errors = errors;
        this.progress = progress;
    }

    /** Reads the file, adding every problem to {@code errors}; a file refused as a whole throws. */
    static RegistryWorkbook read(Path file, String fileName, XlsxErrors errors, Progress progress) throws XlsxRejected {
        RegistryWorkbook workbook = new RegistryWorkbook(fileName, errors, progress);
        try (XlsxReader reader = XlsxReader.open(file, fileName)) {
            Map<String, Integer> lastRows = reader.lastRowNumbers();
            errors.sheetOrder(new ArrayList<>(lastRows.keySet()));
            workbook.estimate = lastRows.entrySet().stream()
                    .filter(e -> workbook.known(e.getKey()))
                    .mapToInt(e -> Math.max(0, e.getValue() - 1))
                    .sum();
            reader.read(workbook::table);
        }
        if (workbook.townshipTable == null && workbook.localityTable == null && workbook.householdTable == null) {
            errors.add(XlsxError.ofFile(fileName, "registry.noSheets", TOWNSHIPS, LOCALITIES, HOUSEHOLDS));
        } else if (errors.isEmpty() && workbook.rowsRead == 0) {
            errors.add(XlsxError.ofFile(fileName, "registry.empty"));
        }
        return workbook;
    }

    private boolean known(String sheet) {
        String name = normalize(sheet);
        return name.equals(normalize(TOWNSHIPS))
                || name.equals(normalize(LOCALITIES))
                || name.equals(normalize(HOUSEHOLDS));
    }

    private XlsxReader.@Nullable Rows table(String sheet) {
        String name = normalize(sheet);
        if (name.equals(normalize(TOWNSHIPS))) {
            if (townshipTable != null) {
                return duplicateSheet(sheet, townshipTable);
            }
            townshipTable = table(sheet, TOWNSHIP_COLUMNS, this::township);
            return townshipTable;
        }
        if (name.equals(normalize(LOCALITIES))) {
            if (localityTable != null) {
                return duplicateSheet(sheet, localityTable);
            }
            localityTable = table(sheet, LOCALITY_COLUMNS, this::locality);
            return localityTable;
        }
        if (name.equals(normalize(HOUSEHOLDS))) {
            if (householdTable != null) {
                return duplicateSheet(sheet, householdTable);
            }
            householdTable = table(sheet, HOUSEHOLD_COLUMNS, this::household);
            return householdTable;
        }
        return null; // the notes sheet of the template, or anything else the user keeps alongside
    }

    private XlsxReader.@Nullable Rows duplicateSheet(String sheet, XlsxTable first) {
        errors.add(new XlsxError(fileName, sheet, null, null, null, "registry.duplicateSheet", List.of(first.sheet())));
        return null;
    }

    private XlsxTable table(String sheet, List<XlsxTable.Column> columns, Consumer<XlsxTable.Row> rows) {
        return XlsxTable.of(fileName, sheet, columns, errors, MAX_ROWS, row -> {
            rows.accept(row);
            if (++rowsRead % 1_000 == 0) {
                progress.read(rowsRead, Math.max(estimate, rowsRead));
            }
        });
    }

    private void township(XlsxTable.Row row) {
        String code = regionCode(row, T_CODE);
        String name = row.text(T_NAME, 50);
        RegionKind kind = row.choice(T_KIND, TOWNSHIP_KINDS);
        String district = regionCode(row, T_DISTRICT);
        if (code != null) {
            townshipCodes.add(code);
            unique(row, T_CODE, code, regionCodes);
        }
        if (!row.rejected() && code != null && name != null && kind != null && district != null) {
            townships.add(new TownshipRow(row.number(), code, name, kind, district));
        }
    }

    private void locality(XlsxTable.Row row) {
        String code = regionCode(row, L_CODE);
        String name = row.text(L_NAME, 50);
        String township = regionCode(row, L_TOWNSHIP);
        RegionKind kind = row.choice(L_KIND, LOCALITY_KINDS);
        Locality.PartyOrgType orgType = row.choice(L_ORG_TYPE, ORG_TYPES);
        String secretary = row.text(L_SECRETARY, 50);
        Integer members = row.integer(L_MEMBERS, 0, 100_000);
        Integer population = row.integer(L_POPULATION, 0, 10_000_000);
        Integer householdCount = row.integer(L_HOUSEHOLD_COUNT, 0, 1_000_000);
        BigDecimal funds = row.decimal(L_FUNDS, 2, BigDecimal.ZERO, MAX_AMOUNT);
        BigDecimal assets = row.decimal(L_ASSETS, 2, BigDecimal.ZERO, MAX_AMOUNT);
        BigDecimal resources = row.decimal(L_RESOURCES, 2, BigDecimal.ZERO, MAX_AMOUNT);
        boolean weak = row.yesNo(L_WEAK);
        boolean large = row.yesNo(L_LARGE);
        boolean conflicts = row.yesNo(L_CONFLICTS);
        if (code != null) {
            localityCodes.add(code);
            unique(row, L_CODE, code, regionCodes);
        }
        if (!row.rejected() && code != null && name != null && township != null && kind != null && orgType != null) {
            Locality.Facts facts = new Locality.Facts(
                    orgType,
                    secretary,
                    orZero(members),
                    orZero(population),
                    orZero(householdCount),
                    new CollectiveEconomy(
                            RegistryLookup.plain(funds), RegistryLookup.plain(assets), RegistryLookup.plain(resources)),
                    weak,
                    large,
                    conflicts);
            localities.add(new LocalityRow(row.number(), code, name, township, kind, facts));
        }
    }

    private void household(XlsxTable.Row row) {
        String code = row.required(H_CODE);
        if (code != null && !HOUSEHOLD_CODE.matcher(code).matches()) {
            row.reject(H_CODE, "registry.badHouseholdCode", code);
            code = null;
        }
        String locality = regionCode(row, H_LOCALITY);
        String head = row.text(H_HEAD, 50);
        String group = row.text(H_GROUP, 50);
        String address = row.text(H_ADDRESS, 200);
        boolean five = row.yesNo(H_FIVE);
        boolean minimum = row.yesNo(H_MINIMUM);
        boolean dilapidated = row.yesNo(H_DILAPIDATED);
        String idNumber = row.text(H_ID_NUMBER);
        boolean masked = false;
        if (idNumber != null) {
            idNumber = idNumber.toUpperCase();
            masked = ResidentIdNumber.isMasked(idNumber);
            if (!masked && !ResidentIdNumber.isValid(idNumber)) {
                // the number itself stays out of the report, which is kept in the database in clear
                row.reject(H_ID_NUMBER, "registry.badIdNumber");
            }
        }
        if (code != null) {
            unique(row, H_CODE, code, householdCodes);
        }
        if (!row.rejected() && code != null && locality != null && head != null) {
            households.add(new HouseholdRow(
                    row.number(),
                    code,
                    locality,
                    head,
                    group,
                    address,
                    five,
                    minimum,
                    dilapidated,
                    masked ? null : idNumber,
                    masked ? ResidentIdNumber.tail(idNumber) : null));
        }
    }

    private static @Nullable String regionCode(XlsxTable.Row row, XlsxTable.Column column) {
        String code = row.required(column);
        if (code != null && !REGION_CODE.matcher(code).matches()) {
            row.reject(column, "registry.badRegionCode", code);
            return null;
        }
        return code;
    }

    private static void unique(XlsxTable.Row row, XlsxTable.Column column, String code, Map<String, Seen> seen) {
        Seen first = seen.putIfAbsent(code, new Seen(row.sheet(), row.number()));
        if (first != null) {
            row.reject(column, "registry.duplicateCode", code, first.sheet(), first.row());
        }
    }

    private static int orZero(@Nullable Integer value) {
        return value == null ? 0 : value;
    }

    List<TownshipRow> townships() {
        return townships;
    }

    List<LocalityRow> localities() {
        return localities;
    }

    List<HouseholdRow> households() {
        return households;
    }

    /** Whether the file's 乡镇（街道） sheet has a row with this code, valid or not. */
    boolean hasTownship(String code) {
        return townshipCodes.contains(code);
    }

    /** Whether the file's 村居 sheet has a row with this code, valid or not. */
    boolean hasLocality(String code) {
        return localityCodes.contains(code);
    }

    int rowsRead() {
        return rowsRead;
    }

    /** The name each sheet has in the file, for the summary; null when the file has no such sheet. */
    @Nullable
    String townshipSheet() {
        return townshipTable == null ? null : townshipTable.sheet();
    }

    @Nullable
    String localitySheet() {
        return localityTable == null ? null : localityTable.sheet();
    }

    @Nullable
    String householdSheet() {
        return householdTable == null ? null : householdTable.sheet();
    }

    void reject(TownshipRow row, XlsxTable.Column column, String messageKey, Object... args) {
        townshipTable.reject(row.row(), column, messageKey, args);
    }

    void reject(LocalityRow row, XlsxTable.Column column, String messageKey, Object... args) {
        localityTable.reject(row.row(), column, messageKey, args);
    }

    void reject(HouseholdRow row, XlsxTable.Column column, String messageKey, Object... args) {
        householdTable.reject(row.row(), column, messageKey, args);
    }

    /** Writes the empty template: the three sheets with an example row each, and the notes. */
    static void writeTemplate(OutputStream out) throws IOException {
        XlsxTemplate.write(
                out,
                templateSheets(),
                List.of(
                        "本模板用于导入乡镇（街道）、村居和农户名册；三张表可只填其中一张或几张，空表或缺表将被跳过。",
                        "按代码（户编号）匹配：已有的更新，没有的新增；所引用的上级须已在系统中或在本文件中，且在您的数据范围内。",
                        "导入前会检查全部内容，只要有一处错误就不导入任何数据，并列出每处错误所在的工作表、行和列。",
                        "代码和身份证号请设为文本格式，以免被 Excel 改写。"));
    }

    /** The example rows the template writes, so that the template and the notes agree with the import. */
    static List<XlsxTemplate.Sheet> templateSheets() {
        return List.of(
                new XlsxTemplate.Sheet(
                        TOWNSHIPS, TOWNSHIP_COLUMNS, List.of("411403199000", "示范镇", "镇", "411403000000")),
                new XlsxTemplate.Sheet(
                        LOCALITIES,
                        LOCALITY_COLUMNS,
                        List.of(
                                "411403199201",
                                "王庄村",
                                "411403199000",
                                "村",
                                "党支部",
                                "王建国",
                                36,
                                2150,
                                520,
                                new BigDecimal("35.5"),
                                120,
                                2600,
                                "否",
                                "否",
                                "否")),
                new XlsxTemplate.Sheet(
                        HOUSEHOLDS,
                        HOUSEHOLD_COLUMNS,
                        List.of(
                                "4114031992010001",
                                "411403199201",
                                "王保全",
                                "第1村民组",
                                "王庄村第1村民组12号",
                                "否",
                                "是",
                                "否",
                                "411403195503120014")));
    }
}
