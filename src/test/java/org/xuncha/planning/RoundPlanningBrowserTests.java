package org.xuncha.planning;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.BrowserTest;
import org.xuncha.inspectors.Candidate;
import org.xuncha.inspectors.DateRange;
import org.xuncha.inspectors.GroupRole;
import org.xuncha.inspectors.InspectorPool;
import org.xuncha.inspectors.RecusalRules;
import org.xuncha.inspectors.Tier;

/**
 * The office plans a round for 坞墙镇 and 冯桥镇 in the browser, accepts the suggested groups, is refused a member who
 * works in the round's township and replaces them with someone allowed; the director approves it, the office takes it into
 * the field and finishes the fieldwork, and the term dashboard's coverage rises by the round's 村居; the work plan
 * downloads as a .docx naming both townships.
 */
class RoundPlanningBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InspectionRounds rounds;

    @Autowired
    InspectionGroups groups;

    @Autowired
    GroupPlanning groupPlanning;

    @Autowired
    Terms terms;

    @Autowired
    InspectorPool pool;

    @Test
    void officePlansARoundDirectorApprovesAndCoverageRisesWhenTheFieldworkFinishes() throws Exception {
        PlanningPersistenceTests.awaitDemo(jdbc);
        page.onDialog(dialog -> dialog.accept());

        signIn("office");
        page.locator("#nav").getByText("届期规划").click();
        assertThat(page.getByTestId("total")).hasText("349");
        int coveredBefore =
                Integer.parseInt(page.getByTestId("covered").textContent().strip());
        assertThat(coveredBefore).isEqualTo(8);
        assertThat(page.getByTestId("outlook")).containsText("无法实现全覆盖");
        screenshot("term-dashboard");

        page.locator("#nav").getByText("巡察轮次").click();
        page.getByTestId("plan-round").click();
        page.getByTestId("township-坞墙镇").check();
        assertThat(page.locator("#step2 h3")).hasText(new String[] {"坞墙镇"});
        page.getByTestId("township-冯桥镇").check();
        assertThat(page.locator("#step2 h3")).hasText(new String[] {"坞墙镇", "冯桥镇"});
        // the pilot's 村居 are covered already and left out of a regular round
        Locator selected = page.locator("[data-testid=planner-locality]:checked");
        int offered = page.locator("[data-testid=planner-locality]").count();
        assertThat(offered).isEqualTo(26 + 24);
        assertThat(selected).hasCount(offered - 4);
        selected.first().uncheck();
        int planned = offered - 5;
        assertThat(page.getByTestId("planner-summary")).containsText("已选 " + planned + " 个村居");
        assertThat(selected).hasCount(planned);
        LocalDate entry = LocalDate.now().plusDays(3);
        page.fill("#entryDate", entry.toString());
        page.fill("#exitDate", entry.plusDays(20).toString());
        page.fill("#phone", "0370-3216789");
        page.fill("#postBox", "睢阳区委巡察办");
        screenshot("round-planner");
        page.getByTestId("create-round").click();

        assertThat(page.getByTestId("round-state")).hasText("已拟定");
        assertThat(page.getByTestId("round-name")).hasText("五届区委 第一轮");
        String roundUrl = page.url();
        page.locator("details.inline-edit summary").first().click();
        page.selectOption("#meeting-kind", "MOBILIZATION");
        page.fill("#meeting-date", entry.toString());
        page.fill("#meeting-starts", "09:00");
        page.fill("#meeting-place", "坞墙镇政府会议室");
        page.fill("#meeting-attendees", "乡镇党委班子成员，村居“两委”干部，巡察组全体成员");
        page.getByTestId("save-meeting").click();
        assertThat(page.getByTestId("meetings")).containsText("坞墙镇政府会议室");

        // groups: the suggestion with its reasons, accepted; a member replaced, first against the recusal rules
        page.getByTestId("suggest-groups").click();
        assertThat(page.getByTestId("suggestion")).isVisible();
        assertThat(page.getByTestId("suggested-group").first()).containsText("组长");
        page.getByTestId("accept-suggestion").click();
        assertThat(page.getByTestId("group").first()).containsText("第一巡察组");
        long roundId = Long.parseLong(roundUrl.substring(roundUrl.lastIndexOf('/') + 1));
        long replaced = jdbc.sql("""
                        select gm.inspector_id from planning.group_member gm join planning.inspection_group g
                          on g.id = gm.group_id where g.round_id = :round and g.number = 1 and gm.role = 'MEMBER'
                        order by gm.position limit 1""").param("round", roundId).query(Long.class).single();
        Map<String, Object> local =
                jdbc.sql("""
                        select i.id, i.name from inspectors.inspector i where i.work_township_id in (select rl.township_id from planning.group_locality gl
                            join planning.round_locality rl on rl.round_id = gl.round_id and rl.locality_id = gl.locality_id
                            join planning.inspection_group g on g.id = gl.group_id where g.round_id = :round and g.number = 1)
                          and not exists (select 1 from inspectors.recusal_exemption e where e.inspector_id = i.id)
                          and not exists (select 1 from planning.group_member gm where gm.round_id = :round
                            and gm.inspector_id = i.id)
                        order by i.id limit 1""").param("round", roundId).query().singleRow();
        Locator first = page.locator("[data-testid=group][data-group='1']");
        first.getByTestId("replaced").selectOption(String.valueOf(replaced));
        first.getByTestId("replacement").selectOption(String.valueOf(local.get("id")));
        first.getByTestId("replace-member").click();
        assertThat(page.getByTestId("round-error")).containsText("工作地回避");
        assertThat(page.getByTestId("round-error")).containsText((String) local.get("name"));
        screenshot("round-groups-refused");

        InspectionRound round =
                rounds.find(roundId, new ScopePrefixes(List.of("%"))).orElseThrow();
        Term term = terms.get(round.termId());
        List<org.xuncha.inspectors.RoundLocality> ofFirst = groupPlanning.localities(round).stream()
                .filter(l -> groups.ofRound(roundId, new ScopePrefixes(List.of("%")))
                        .group(1)
                        .localityIds()
                        .contains(l.id()))
                .toList();
        RecusalRules rules = pool.rules(
                term.districtId(),
                new DateRange(round.schedule().entryDate(), round.schedule().exitDate()),
                groups.previousRound(round));
        Set<Long> serving = new HashSet<>(jdbc.sql("select inspector_id from planning.group_member where round_id = :r")
                .param("r", roundId)
                .query(Long.class)
                .list());
        Candidate allowed = pool.candidates(term.districtId()).stream()
                .filter(c -> c.tier() == Tier.MEMBER_TIER && !serving.contains(c.id().value()))
                .filter(c -> rules.permitsAll(c, GroupRole.MEMBER, ofFirst))
                .findFirst()
                .orElseThrow();
        first = page.locator("[data-testid=group][data-group='1']");
        first.getByTestId("replaced").selectOption(String.valueOf(replaced));
        first.getByTestId("replacement")
                .selectOption(String.valueOf(allowed.id().value()));
        first.getByTestId("replace-member").click();
        assertThat(page.locator("[data-testid=group][data-group='1'] [data-testid=member-name]"))
                .containsText(new String[] {allowed.name()});
        assertThat(page.getByTestId("round-error")).hasCount(0);
        screenshot("round-groups");
        signOut();

        signIn("director");
        page.navigate(roundUrl);
        page.getByTestId("advance").click();
        assertThat(page.getByTestId("round-state")).hasText("已批准");
        signOut();

        signIn("office");
        page.navigate(roundUrl);
        page.getByTestId("advance").click();
        assertThat(page.getByTestId("round-state")).hasText("进驻中");
        // fieldwork's completion check refuses while special households are neither visited nor excused
        page.getByTestId("advance").click();
        assertThat(page.getByTestId("round-error")).containsText("尚未走访");
        assertThat(page.getByTestId("round-state")).hasText("进驻中");
        jdbc.sql("insert into fieldwork.visit_excuse (round_id, household_id, locality_id, path, reason, note,"
                        + " recorded_by, recorded_at) select l.round_id, h.id, h.locality_id, l.path, 'MOVED_AWAY',"
                        + " null, 'test', now() from organization.household h join planning.round_locality l on"
                        + " l.locality_id = h.locality_id where l.round_id = :r and (h.five_guarantees"
                        + " or h.minimum_living or h.dilapidated_housing)")
                .param("r", roundId)
                .update();
        page.getByTestId("advance").click();
        assertThat(page.getByTestId("round-state")).hasText("进驻结束");
        assertThat(page.getByTestId("history").locator("tbody tr")).hasCount(4);
        screenshot("round-page");

        page.navigate(roundUrl + "/calendar?month=" + entry.toString().substring(0, 7));
        assertThat(page.getByTestId("calendar")).containsText("动员会");
        screenshot("round-calendar");

        page.navigate(url("/terms"));
        assertThat(page.getByTestId("covered")).hasText(String.valueOf(coveredBefore + planned));

        page.navigate(roundUrl);
        Download download = page.waitForDownload(
                () -> page.getByTestId("document-work-plan").click());
        assertThat(download.suggestedFilename()).isEqualTo("五届区委第一轮巡察村居工作方案.docx");
        try (InputStream in = Files.newInputStream(download.path());
                XWPFDocument document = new XWPFDocument(in)) {
            assertThat(document.getParagraphs().get(0).getText()).isEqualTo("五届区委第一轮巡察村居工作方案");
            String text = document.getParagraphs().stream()
                    .map(XWPFParagraph::getText)
                    .reduce("", String::concat);
            assertThat(text).contains("坞墙镇、冯桥镇共2个乡（镇、办事处）的" + planned + "个村居", "举报电话：0370-3216789");
            List<String> leaders = jdbc.sql(
                            "select name from planning.group_member where round_id = :r and role = 'LEADER'")
                    .param("r", roundId)
                    .query(String.class)
                    .list();
            assertThat(leaders).isNotEmpty();
            assertThat(text).contains(leaders).contains("第一巡察组").doesNotContain("巡察组组建后在此列明");
        }
    }

    private void signOut() {
        page.locator("form[action='/logout'] button").click();
        page.waitForURL(Pattern.compile(".*/login.*"));
    }
}
