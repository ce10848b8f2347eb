package org.xuncha.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.DemoLogins;
import org.xuncha.files.FileStore;

/**
 * The public report page (码上巡察) without sign-in: the QR code's URL opens the form; bad inputs get messages that
 * name the field; a repeated submission is stored once; photos lose their EXIF; the per-client limits hold; a receipt
 * code shows the status and the public reply and nothing else.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicReportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Autowired
    FileStore files;

    long pilot;
    long village;
    String villageName;

    @BeforeEach
    void demoIsLoaded() {
        IntakeFixtures.awaitDemo(jdbc);
        pilot = IntakeFixtures.pilot(jdbc);
        village = IntakeFixtures.ofGroupOf(jdbc, "groupleader").get(0);
        villageName = IntakeFixtures.localityName(jdbc, village);
    }

    @Test
    void theQrCodesUrlOpensTheFormWithoutSignInAnonymousByDefault() throws Exception {
        MvcResult result = mvc.perform(get("/report").param("round", "" + pilot).param("locality", "" + village))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(villageName),
                                containsString("默认匿名"),
                                containsString("name=\"submissionKey\""),
                                containsString("三资管理"),
                                containsString("群众身边腐败"),
                                not(containsString("http://")),
                                not(containsString("https://")),
                                not(containsString("class=\"sidenav\"")))))
                .andReturn();
        assertThat(Arrays.stream(result.getResponse().getCookies()).map(Cookie::getName))
                .allMatch("XUNCHA_SESSION"::equals);
        assertThat(result.getResponse().getHeaders("Set-Cookie")).allMatch(c -> c.startsWith("XUNCHA_SESSION="));
    }

    @Test
    void aRoundOrLocalityThatTakesNoReportsIsNotFound() throws Exception {
        long otherTownship = jdbc.sql("""
                        select r.id from organization.region r where r.level = 'LOCALITY'
                        and r.id not in (select locality_id from planning.round_locality) limit 1
                        """).query(Long.class).single();
        mvc.perform(get("/report").param("round", "" + pilot).param("locality", "" + otherTownship))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("没有找到这一轮巡察或这个村居")));
        mvc.perform(get("/report").param("round", "999999").param("locality", "" + village))
                .andExpect(status().isNotFound());
        // the chooser lists only rounds in the field: the demo's pilot has finished its fieldwork (other tests sharing
        // this context may have put a round of their own in the field)
        mvc.perform(get("/report"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("试点"))));
        mvc.perform(get("/report").param("round", "" + pilot)).andExpect(status().isNotFound());
    }

    @Test
    void emptyTextIsRefusedNamingTheField() throws Exception {
        mvc.perform(report(newKey(), "   ").with(IntakeFixtures.newClient()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("请填写“反映的问题”")));
        mvc.perform(report(newKey(), "有问题", "").with(IntakeFixtures.newClient()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("请选择“问题类别”")));
        mvc.perform(report(newKey(), "x".repeat(2001)).with(IntakeFixtures.newClient()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("“反映的问题”不能超过 2000 字")));
        mvc.perform(report(newKey(), "有问题").param("phone", "12345").with(IntakeFixtures.newClient()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("“联系电话”格式不对")));
    }

    @Test
    void sixPhotosAreRefused() throws Exception {
        MockMultipartHttpServletRequestBuilder request = report(newKey(), "六张照片");
        for (int i = 1; i <= 6; i++) {
            request.file(new MockMultipartFile("photos", "p" + i + ".png", "image/png", IntakeFixtures.png()));
        }
        mvc.perform(request.with(IntakeFixtures.newClient()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("“照片”最多 5 张")));
        assertThat(storedWith("六张照片")).isZero();
    }

    @Test
    void aThirtyMegabytePhotoIsRefusedNamingTheFile() throws Exception {
        byte[] big = new byte[30 * 1024 * 1024];
        System.arraycopy(IntakeFixtures.png(), 0, big, 0, 8);
        mvc.perform(report(newKey(), "大照片")
                        .file(new MockMultipartFile("photos", "大照片.png", "image/png", big))
                        .with(IntakeFixtures.newClient()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("照片："), containsString("文件“大照片.png”超过 10 MB"))));
        assertThat(storedWith("大照片")).isZero();
    }

    @Test
    void aScriptRenamedJpgAndAnSvgAreRefusedByTheirContent() throws Exception {
        mvc.perform(report(newKey(), "脚本")
                        .file(new MockMultipartFile(
                                "photos",
                                "evil.jpg",
                                "image/jpeg",
                                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                        .with(IntakeFixtures.newClient()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("文件“evil.jpg”的内容不是允许的类型")));
        mvc.perform(report(newKey(), "矢量图")
                        .file(new MockMultipartFile(
                                "photos",
                                "drawing.svg",
                                "image/svg+xml",
                                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
                                        .getBytes(StandardCharsets.UTF_8)))
                        .with(IntakeFixtures.newClient()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("文件“drawing.svg”的内容不是允许的类型")));
        assertThat(storedWith("脚本") + storedWith("矢量图")).isZero();
    }

    @Test
    void htmlInTheTextIsStoredAsTextAndShownEscaped() throws Exception {
        String html = "<script>alert('x')</script><b>粗体</b>鱼塘承包";
        // on the form shown again after an error
        mvc.perform(report(newKey(), html).param("phone", "bad").with(IntakeFixtures.newClient()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content()
                        .string(allOf(
                                containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;"),
                                not(containsString("<script>alert")))));
        String key = newKey();
        mvc.perform(report(key, html).with(IntakeFixtures.newClient())).andExpect(status().is3xxRedirection());
        long id = idOf(key);
        assertThat(jdbc.sql("select content from intake.petition where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(html);
        Cookie leader = DemoLogins.of(environment).signIn(mvc, "groupleader");
        mvc.perform(get("/petitions/" + id).cookie(leader))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;粗体"),
                                not(containsString("<script>alert")),
                                not(containsString("<b>粗体")))));
    }

    @Test
    void theSameSubmissionSentTwiceIsStoredOnceWithTheSameReceipt() throws Exception {
        String key = newKey();
        RequestPostProcessor client = IntakeFixtures.newClient();
        MvcResult first = mvc.perform(report(key, "重复提交的举报").with(client))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        MvcResult second = mvc.perform(report(key, "重复提交的举报").with(client))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(storedWith("重复提交的举报")).isEqualTo(1);
        String receipt = (String) first.getFlashMap().get("receipt");
        assertThat(receipt).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
        assertThat(second.getFlashMap().get("receipt")).isEqualTo(receipt);
        assertThat(first.getResponse().getRedirectedUrl()).isEqualTo("/report/receipt");
        // the receipt page shows the code once, from the session the submission started
        Cookie session = first.getResponse().getCookie("XUNCHA_SESSION");
        assertThat(session).isNotNull();
        mvc.perform(get("/report/receipt").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(receipt), containsString("请抄下或截图保存"))));
        mvc.perform(get("/report/receipt").cookie(session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void aPhotoIsKeptWithoutItsExifAndGps() throws Exception {
        byte[] withExif = IntakeFixtures.jpegWithExif();
        assertThat(new String(withExif, StandardCharsets.ISO_8859_1)).contains("GPSLatitude");
        String key = newKey();
        mvc.perform(report(key, "带定位的照片")
                        .file(new MockMultipartFile("photos", "门口.jpg", "image/jpeg", withExif))
                        .with(IntakeFixtures.newClient()))
                .andExpect(status().is3xxRedirection());
        String fileId = jdbc.sql("select file_id from intake.petition_photo where petition_id = :id")
                .param("id", idOf(key))
                .query(String.class)
                .single();
        byte[] stored;
        try (InputStream in = files.open(fileId).orElseThrow()) {
            stored = in.readAllBytes();
        }
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .doesNotContain("Exif")
                .doesNotContain("GPSLatitude");
        Cookie leader = DemoLogins.of(environment).signIn(mvc, "groupleader");
        byte[] served = mvc.perform(get("/petitions/" + idOf(key) + "/photos/1").cookie(leader))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(served).isEqualTo(stored);
    }

    @Test
    void theRateLimitHoldsPerClient() throws Exception {
        RequestPostProcessor flood = IntakeFixtures.newClient();
        for (int i = 0; i < 10; i++) {
            mvc.perform(report(newKey(), "").with(flood)).andExpect(status().isUnprocessableEntity());
        }
        mvc.perform(report(newKey(), "第十一次").with(flood))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("提交或查询得太频繁了")));
        assertThat(storedWith("第十一次")).isZero();
        // another client is not held back
        mvc.perform(report(newKey(), "另一台手机").with(IntakeFixtures.newClient())).andExpect(status().is3xxRedirection());

        RequestPostProcessor guesser = IntakeFixtures.newClient();
        for (int i = 0; i < 30; i++) {
            mvc.perform(post("/report/status").with(csrf()).with(guesser).param("code", "AAAA-BBBB-CCCC"))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post("/report/status").with(csrf()).with(guesser).param("code", "AAAA-BBBB-CCCC"))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void aReceiptCodeShowsTheStatusAndThePublicReplyOnly() throws Exception {
        String key = newKey();
        MvcResult result = mvc.perform(report(key, "只给状态的举报内容")
                        .param("name", "回执测试人")
                        .param("phone", "13912340000")
                        .with(IntakeFixtures.newClient()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String receipt = (String) result.getFlashMap().get("receipt");
        RequestPostProcessor reader = IntakeFixtures.newClient();
        mvc.perform(post("/report/status")
                        .with(csrf())
                        .with(reader)
                        .param("code", receipt.toLowerCase().replace("-", " ")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("受理"),
                                containsString("办结后在这里显示答复"),
                                not(containsString("只给状态的举报内容")),
                                not(containsString(villageName)),
                                not(containsString("回执测试人")),
                                not(containsString("13912340000")))));

        long id = idOf(key);
        Cookie leader = DemoLogins.of(environment).signIn(mvc, "groupleader");
        int version = jdbc.sql("select version from intake.petition where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
        mvc.perform(post("/petitions/" + id + "/triage")
                        .with(csrf())
                        .cookie(leader)
                        .param("triage", "NO_ACTION")
                        .param("reason", "经核实，所反映的事项已于上月由镇纪委处理完毕。")
                        .param("publicReply", "经核实，您反映的问题已由镇纪委处理。")
                        .param("version", "" + version))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/report/status").with(csrf()).with(reader).param("code", receipt))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("已办结"),
                                containsString("经核实，您反映的问题已由镇纪委处理。"),
                                not(containsString("镇纪委处理完毕")),
                                not(containsString("NO_ACTION")),
                                not(containsString("不予处理")))));
        mvc.perform(post("/report/status").with(csrf()).with(reader).param("code", "ZZZZ-ZZZZ-ZZZZ"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("没有找到这个回执码")));
    }

    @Test
    void theReportersNameAndPhoneAreEncryptedAtRest() throws Exception {
        String key = newKey();
        mvc.perform(report(key, "实名举报加密")
                        .param("name", "加密测试人")
                        .param("phone", "13712345678")
                        .with(IntakeFixtures.newClient()))
                .andExpect(status().is3xxRedirection());
        List<byte[]> stored = jdbc.sql("select reporter_name, reporter_phone from intake.petition where id = :id")
                .param("id", idOf(key))
                .query((rs, n) -> List.of(rs.getBytes(1), rs.getBytes(2)))
                .single();
        for (byte[] column : stored) {
            assertThat(column).isNotEmpty();
            assertThat(new String(column, StandardCharsets.UTF_8))
                    .doesNotContain("加密测试人")
                    .doesNotContain("13712345678");
        }
    }

    @Test
    void aSubmissionWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(multipart("/report")
                        .param("round", "" + pilot)
                        .param("locality", "" + village)
                        .param("category", "OTHER")
                        .param("content", "没有令牌")
                        .param("submissionKey", newKey())
                        .with(IntakeFixtures.newClient()))
                .andExpect(status().isForbidden());
        assertThat(storedWith("没有令牌")).isZero();
    }

    private MockMultipartHttpServletRequestBuilder report(String key, String text) {
        return report(key, text, "COLLECTIVE_ASSETS");
    }

    private MockMultipartHttpServletRequestBuilder report(String key, String text, String category) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/report")
                .param("round", "" + pilot)
                .param("locality", "" + village)
                .param("category", category)
                .param("content", text)
                .param("place", "村东头")
                .param("occurred", "去年")
                .param("submissionKey", key)
                .with(csrf());
    }

    private String newKey() throws Exception {
        String page = mvc.perform(get("/report").param("round", "" + pilot).param("locality", "" + village))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher key = Pattern.compile("name=\"submissionKey\" value=\"([A-Za-z0-9_-]+)\"")
                .matcher(page);
        assertThat(key.find()).isTrue();
        return key.group(1);
    }

    private long idOf(String key) {
        return jdbc.sql("select id from intake.petition where submission_key = :key")
                .param("key", key)
                .query(Long.class)
                .single();
    }

    private long storedWith(String text) {
        return jdbc.sql("select count(*) from intake.petition where content like :text")
                .param("text", "%" + text + "%")
                .query(Long.class)
                .single();
    }
}
