package org.xuncha.organization;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Generates registry workbooks for the import benchmark (not a test): one new township unit under 睢阳区, 20 村居 and
 * the requested number of households, every one with a valid ID number, written by POI's XSSFWorkbook with shared
 * strings as Excel writes them. {@code main} writes one file for trying the import page by hand:
 * {@code benchmark/generate.sh 10000 /tmp/10k.xlsx}.
 */
public final class BenchmarkWorkbooks {

    static final String DISTRICT = "411403000000";
    static final int LOCALITIES = 20;

    private static final String SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡";
    private static final String GIVEN = "国建华明文军平志伟红秀英兰芳玉梅海强永春金德福贵忠新立学保全振东庆峰丽霞云凤";

    private BenchmarkWorkbooks() {}

    public static void main(String[] args) throws IOException {
        int households = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path file = Path.of(args.length > 1 ? args[1] : "registry-" + households + ".xlsx");
        write(file, 900, households);
        System.out.println("Wrote " + file.toAbsolutePath() + ": 1 township unit, " + LOCALITIES + " 村居, " + households
                + " households");
    }

    /** The township code of run {@code run}: 411403 + 3-digit number + 000, clear of the demo district's codes. */
    static String townshipCode(int number) {
        return "411403" + String.format("%03d", number) + "000";
    }

    static void write(Path file, int townshipNumber, int households) throws IOException {
        Random random = new Random(townshipNumber);
        String township = townshipCode(townshipNumber);
        String prefix = township.substring(0, 9);
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet townships =
                    sheet(workbook, RegistrySheets.TOWNSHIPS, TestWorkbooks.headers(RegistrySheets.TOWNSHIP_COLUMNS));
            values(townships.createRow(1), List.of(township, "基准测试" + townshipNumber + "镇", "镇", DISTRICT));
            Sheet localities =
                    sheet(workbook, RegistrySheets.LOCALITIES, TestWorkbooks.headers(RegistrySheets.LOCALITY_COLUMNS));
            for (int l = 1; l <= LOCALITIES; l++) {
                values(
                        localities.createRow(l),
                        TestWorkbooks.locality(
                                prefix + String.format("%03d", 200 + l), SURNAMES.charAt(l) + "庄村", township));
            }
            Sheet roster =
                    sheet(workbook, RegistrySheets.HOUSEHOLDS, TestWorkbooks.headers(RegistrySheets.HOUSEHOLD_COLUMNS));
            for (int h = 0; h < households; h++) {
                String locality = prefix + String.format("%03d", 201 + h % LOCALITIES);
                int group = 1 + random.nextInt(8);
                int roll = random.nextInt(100);
                values(
                        roster.createRow(h + 1),
                        List.of(
                                locality + String.format("%04d", 1 + h / LOCALITIES),
                                locality,
                                person(random),
                                "第" + group + "村民组",
                                "第" + group + "村民组" + (1 + random.nextInt(120)) + "号",
                                roll < 3 ? "是" : "否",
                                roll >= 3 && roll < 10 ? "是" : "否",
                                roll >= 10 && roll < 12 ? "是" : "否",
                                DemoDistrict.idNumber(random)));
            }
            workbook.write(out);
        }
    }

    private static Sheet sheet(XSSFWorkbook workbook, String name, List<String> headers) {
        Sheet sheet = workbook.createSheet(name);
        values(sheet.createRow(0), headers);
        return sheet;
    }

    private static void values(Row row, List<?> values) {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value instanceof Number number) {
                row.createCell(c).setCellValue(number.doubleValue());
            } else if (value != null && !value.toString().isEmpty()) {
                row.createCell(c).setCellValue(value.toString());
            }
        }
    }

    private static String person(Random random) {
        return "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
                + GIVEN.charAt(random.nextInt(GIVEN.length()));
    }
}
