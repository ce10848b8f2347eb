package org.xuncha.organization;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.xuncha.organization.TestWorkbooks.household;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.BrowserTest;

/**
 * Office staff import new households for a 坞墙镇 村居 through the page and see the township's household count grow;
 * a bad file ends in the error table; an oversized file is refused with a message, in the browser and on the server.
 */
class RegistryImportBrowserTests extends BrowserTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void importedHouseholdsShowInTheTownshipCount() {
        signIn("office");
        page.getByTestId("children")
                .getByText("坞墙镇", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))
                .click();
        assertThat(page.getByTestId("region-name")).hasText("坞墙镇");
        String townshipPage = page.url();
        long before = Long.parseLong(
                page.getByTestId("count-households").textContent().strip());
        String locality = jdbc.sql("""
                        select r.code from organization.region r join organization.region t on t.id = r.parent_id
                        where t.name = '坞墙镇' and r.kind = 'VILLAGE' order by r.code desc limit 1
                        """).query(String.class).single();
        List<List<?>> rows = new ArrayList<>();
        String[] heads = {"王建设", "李秀英", "张保国", "刘桂兰", "陈福生", "杨玉梅", "赵永春"};
        for (int i = 0; i < heads.length; i++) {
            rows.add(household(locality + String.format("%04d", 9901 + i), locality, heads[i]));
        }
        Path file = TestWorkbooks.create().households(rows).write(dir, "坞墙镇新增农户.xlsx");

        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.LINK,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("名册导入导出"))
                .click();
        assertThat(page.locator("h1")).hasText("名册导入导出");
        page.setInputFiles("#file", file);
        page.getByText("上传并导入").click();
        assertThat(page.getByTestId("import-summary")).isVisible();
        assertThat(page.locator("[data-sheet='农户'] [data-testid=added]")).hasText(String.valueOf(heads.length));
        screenshot("registry-import");

        page.navigate(townshipPage);
        assertThat(page.getByTestId("count-households")).hasText(String.valueOf(before + heads.length));
    }

    @Test
    void aBadFileEndsInTheErrorTable() {
        String locality = jdbc.sql("""
                        select r.code from organization.region r join organization.region t on t.id = r.parent_id
                        where t.name = '坞墙镇' and r.kind = 'VILLAGE' order by r.code limit 1
                        """).query(String.class).single();
        List<Object> noHead = new ArrayList<>(household(locality + "9801", locality, ""));
        List<Object> badId = new ArrayList<>(household(locality + "9802", locality, "周建国"));
        badId.set(8, "411403198802150023");
        List<Object> unknown = new ArrayList<>(household(locality + "9803", "411403199999", "吴秀兰"));
        List<Object> flag = new ArrayList<>(household(locality + "9804", locality, "郑国强"));
        flag.set(5, "有");
        Path file = TestWorkbooks.create()
                .localities(
                        List.of(new ArrayList<>(List.of("411403100298", "新村", "411403100000", "村", "党支部", "", "三十"))))
                .households(List.of(noHead, badId, unknown, flag, household(locality + "9801", locality, "重复户")))
                .write(dir, "有错误的名册.xlsx");
        signIn("office");
        page.navigate(url("/registry/import"));

        page.setInputFiles("#file", file);
        page.getByText("上传并导入").click();

        assertThat(page.getByTestId("import-errors")).isVisible();
        assertThat(page.getByTestId("import-errors")).containsText("发现 6 处问题，未导入任何数据");
        assertThat(page.locator("table.errors tbody tr")).hasCount(6);
        assertThat(page.locator("table.errors")).containsText("户主姓名（C 列）");
        assertThat(page.locator("table.errors")).containsText("党员数（G 列）");
        screenshot("registry-import-errors");
    }

    @Test
    void anOversizedFileIsRefusedWithAMessage() throws Exception {
        signIn("office");
        page.navigate(url("/registry/import"));
        byte[] big = new byte[21 * 1024 * 1024];
        big[0] = 'P';
        big[1] = 'K';
        Path file = Files.write(dir.resolve("big.xlsx"), big);

        page.setInputFiles("#file", file);
        page.getByText("上传并导入").click();
        assertThat(page.getByTestId("upload-too-large")).containsText("文件超过 20 MB，未上传");

        // the same upload sent past the page's check, as the browser would send it: the server refuses it politely
        String token = page.locator("meta[name=_csrf]").getAttribute("content");
        String header = page.locator("meta[name=_csrf_header]").getAttribute("content");
        String session = context.cookies().stream()
                .filter(c -> c.name.equals("XUNCHA_SESSION"))
                .findFirst()
                .orElseThrow()
                .value;
        String boundary = "----xuncha" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
                                + "Content-Type: " + XLSX + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(big);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/registry/import")))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .header("Cookie", "XUNCHA_SESSION=" + session)
                                .header(header, token)
                                .header("HX-Request", "true")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("上传的文件超过 20 MB，未被接收");
    }
}
