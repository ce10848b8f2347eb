package org.xuncha.organization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xuncha.documents.XlsxTable.Column;

/**
 * The layout of the registry workbook (名册工作簿) shared by the template, the import and the export: three sheets
 * with Chinese headers, and the Chinese labels of the enumerated values.
 */
final class RegistrySheets {

    static final String TOWNSHIPS = "乡镇（街道）";
    static final String LOCALITIES = "村居";
    static final String HOUSEHOLDS = "农户";

    /** 乡镇（街道）. */
    static final Column T_CODE = Column.required("代码", "12 位统计用区划代码，例如 411403100000。已有代码则更新，新代码则新增。");

    static final Column T_NAME = Column.required("名称", "乡镇或街道的名称，最多 50 字。");
    static final Column T_KIND = Column.required("类型", "填“街道”“镇”或“乡”。");
    static final Column T_DISTRICT = Column.required("所属区县代码", "上级区（县）的 12 位代码，须已在系统中且在您的数据范围内。");
    static final List<Column> TOWNSHIP_COLUMNS = List.of(T_CODE, T_NAME, T_KIND, T_DISTRICT);

    /** 村居. */
    static final Column L_CODE = Column.required("代码", "12 位统计用区划代码，例如 411403100201。已有代码则更新，新代码则新增。");

    static final Column L_NAME = Column.required("名称", "村或社区的名称，最多 50 字。");
    static final Column L_TOWNSHIP = Column.required("所属乡镇代码", "上级乡镇（街道）的 12 位代码，须已在系统中或在本文件“乡镇（街道）”表中。");
    static final Column L_KIND = Column.required("类型", "填“村”或“社区”。");
    static final Column L_ORG_TYPE = Column.required("党组织类型", "填“党委”“党总支”或“党支部”。");
    static final Column L_SECRETARY = Column.optional("党组织书记", "姓名，最多 50 字。");
    static final Column L_MEMBERS = Column.optional("党员数", "整数，空白按 0 计。");
    static final Column L_POPULATION = Column.optional("人口", "整数，空白按 0 计。");
    static final Column L_HOUSEHOLD_COUNT = Column.optional("户籍户数", "整数，空白按 0 计。");
    static final Column L_FUNDS = Column.optional("集体资金（万元）", "数字，最多两位小数，空白按 0 计。");
    static final Column L_ASSETS = Column.optional("集体资产（万元）", "数字，最多两位小数，空白按 0 计。");
    static final Column L_RESOURCES = Column.optional("集体资源（亩）", "数字，最多两位小数，空白按 0 计。");
    static final Column L_WEAK = Column.optional("党建工作薄弱", "填“是”或“否”，空白按“否”计。");
    static final Column L_LARGE = Column.optional("经济实体量较大", "填“是”或“否”，空白按“否”计。");
    static final Column L_CONFLICTS = Column.optional("矛盾问题较多", "填“是”或“否”，空白按“否”计。");
    static final List<Column> LOCALITY_COLUMNS = List.of(
            L_CODE,
            L_NAME,
            L_TOWNSHIP,
            L_KIND,
            L_ORG_TYPE,
            L_SECRETARY,
            L_MEMBERS,
            L_POPULATION,
            L_HOUSEHOLD_COUNT,
            L_FUNDS,
            L_ASSETS,
            L_RESOURCES,
            L_WEAK,
            L_LARGE,
            L_CONFLICTS);

    /** 农户. */
    static final Column H_CODE = Column.required("户编号", "最多 32 位数字或字母，通常为村居代码加 4 位序号。已有户编号则更新，新户编号则新增。");

    static final Column H_LOCALITY = Column.required("所属村居代码", "村居的 12 位代码，须已在系统中或在本文件“村居”表中。");
    static final Column H_HEAD = Column.required("户主姓名", "最多 50 字。");
    static final Column H_GROUP = Column.optional("村民组", "例如“第3村民组”，最多 50 字。");
    static final Column H_ADDRESS = Column.optional("住址", "最多 200 字。");
    static final Column H_FIVE = Column.optional("五保户", "填“是”或“否”，空白按“否”计。");
    static final Column H_MINIMUM = Column.optional("低保户", "填“是”或“否”，空白按“否”计。");
    static final Column H_DILAPIDATED = Column.optional("危房改造户", "填“是”或“否”，空白按“否”计。");
    static final Column H_ID_NUMBER =
            Column.optional("身份证号", "户主 18 位公民身份号码（GB 11643，末位可为 X），请设为文本格式；加密保存。空白或导出的脱敏号码表示保留原号码。");
    static final List<Column> HOUSEHOLD_COLUMNS =
            List.of(H_CODE, H_LOCALITY, H_HEAD, H_GROUP, H_ADDRESS, H_FIVE, H_MINIMUM, H_DILAPIDATED, H_ID_NUMBER);

    static final Map<String, RegionKind> TOWNSHIP_KINDS =
            labels("街道", RegionKind.SUBDISTRICT, "镇", RegionKind.TOWN, "乡", RegionKind.XIANG);
    static final Map<String, RegionKind> LOCALITY_KINDS = labels("村", RegionKind.VILLAGE, "社区", RegionKind.COMMUNITY);
    static final Map<String, Locality.PartyOrgType> ORG_TYPES = labels(
            "党委",
            Locality.PartyOrgType.PARTY_COMMITTEE,
            "党总支",
            Locality.PartyOrgType.GENERAL_BRANCH,
            "党支部",
            Locality.PartyOrgType.BRANCH);

    private RegistrySheets() {}

    /** The Chinese label of a value, as the template and the export write it. */
    static <T> String label(Map<String, T> labels, T value) {
        return labels.entrySet().stream()
                .filter(e -> e.getValue().equals(value))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    /** Sheet names compare like headers: full-width and half-width brackets alike, spaces ignored. */
    static String normalize(String sheetName) {
        return sheetName.replace('（', '(').replace('）', ')').replaceAll("\\s+", "");
    }

    private static <T> Map<String, T> labels(Object... pairs) {
        Map<String, T> labels = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            T value = (T) pairs[i + 1];
            labels.put((String) pairs[i], value);
        }
        return labels;
    }
}
