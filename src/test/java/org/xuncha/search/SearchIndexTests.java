package org.xuncha.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.DemoLogins;
import org.xuncha.confidential.FieldCipher;
import org.xuncha.inspectors.InspectorId;
import org.xuncha.inspectors.InspectorPool;
import org.xuncha.planning.RoundGroup;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.Rounds;
import org.xuncha.web.Paged;

/**
 * The index against embedded PostgreSQL with the demo's pilot round: a query segmented differently from the text still
 * finds it, a group member never finds another group's entries, a township liaison finds nothing and may not open the
 * page, and markup typed into a record comes back as text with the query's words marked.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SearchIndexTests {

    @Autowired
    SearchIndex index;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Rounds rounds;

    @Autowired
    InspectorPool pool;

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @Autowired
    FieldCipher cipher;

    record PilotLocality(long roundId, long localityId, String name, String path) {}

    PilotLocality own;
    PilotLocality other;

    @BeforeEach
    void indexTwoFindingsOfThePilot() {
        Awaitility.await()
                .until(() -> jdbc.sql("select count(*) from planning.round where kind = 'PILOT'"
                                        + " and state = 'FIELDWORK_FINISHED'")
                                .query(Long.class)
                                .single()
                        == 1);
        List<PilotLocality> pilot = jdbc.sql("""
                        select rl.round_id, rl.locality_id, rl.name, rl.path from planning.round_locality rl
                        join planning.round r on r.id = rl.round_id where r.kind = 'PILOT' order by rl.position""")
                .query((rs, n) -> new PilotLocality(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .list();
        InspectorId member = pool.inspectorOf("groupmember").orElseThrow();
        own = pilot.stream().filter(l -> inGroupOf(l, member)).findFirst().orElseThrow();
        other = pilot.stream().filter(l -> !inGroupOf(l, member)).findFirst().orElseThrow();
        index.put(finding(1_000_001L, own, "村干部挪用集体资金", "经查，该村干部挪用集体资金<script>alert(1)</script>三万元用于个人消费。"));
        index.put(finding(1_000_002L, other, "挪用集体资金问题", "该村会计挪用集体资金五万元。"));
        index.put(finding(1_000_003L, own, "低保评定不公开", "低保户评定未经民主评议。"));
    }

    private boolean inGroupOf(PilotLocality locality, InspectorId inspector) {
        return rounds.groupOf(new RoundId(locality.roundId()), locality.localityId())
                .flatMap((RoundGroup g) -> g.member(inspector))
                .isPresent();
    }

    private static SearchEntry finding(long id, PilotLocality l, String title, String text) {
        return new SearchEntry(
                SearchKind.FINDING,
                id,
                l.roundId(),
                l.localityId(),
                l.path(),
                Visibility.OFFICE_AND_GROUP,
                title,
                text,
                "/findings/" + id);
    }

    @Test
    void aQueryWordedDifferentlyFindsTheTextWithinTheDistrict() {
        String district = jdbc.sql("select path from organization.region where name = '睢阳区'")
                .query(String.class)
                .single();
        SearchScope office = SearchScope.regions(List.of(district + "%"), EnumSet.of(Visibility.OFFICE_AND_GROUP));
        Paged<SearchHit> hits = index.search("村集体资金被挪用", office, List.of(), 0, 20);
        assertThat(hits.items()).extracting(SearchHit::recordId).contains(1_000_001L, 1_000_002L);
        assertThat(hits.items()).extracting(SearchHit::recordId).doesNotContain(1_000_003L);
        assertThat(hits.items().get(0).title()).contains(new SearchHit.Segment("挪用集体资金", true));
        assertThat(index.search("挪用集体资金", office, List.of(SearchKind.PETITION), 0, 20)
                        .items())
                .extracting(SearchHit::recordId)
                .doesNotContain(1_000_001L, 1_000_002L);
    }

    @Test
    void aGroupMemberFindsOnlyTheirGroupsLocalities() {
        SearchScope wide = SearchScope.regions(List.of("/%"), EnumSet.allOf(Visibility.class));
        SearchScope group = wide.limitedTo(Set.of(SearchScope.roundLocality(own.roundId(), own.localityId())));
        assertThat(index.search("挪用集体资金", group, List.of(), 0, 20).items())
                .extracting(SearchHit::recordId)
                .contains(1_000_001L)
                .doesNotContain(1_000_002L);
        assertThat(index.search("挪用", SearchScope.none(), List.of(), 0, 20).total())
                .isZero();
        assertThat(index.search("挪用", wide.limitedTo(Set.of()), List.of(), 0, 20)
                        .total())
                .isZero();
    }

    @Test
    void theDirectorOnlyClassIsHiddenFromOfficeStaff() {
        index.put(new SearchEntry(
                SearchKind.TALK_NOTE,
                1_000_004L,
                own.roundId(),
                own.localityId(),
                own.path(),
                Visibility.DIRECTOR_AND_GROUP,
                "个别谈话记录",
                "反映村干部挪用集体资金。",
                "/talks/1000004"));
        assertThat(index.search(
                                "谈话记录",
                                SearchScope.regions(List.of("/%"), EnumSet.of(Visibility.OFFICE_AND_GROUP)),
                                List.of(),
                                0,
                                100)
                        .items())
                .extracting(SearchHit::recordId)
                .doesNotContain(1_000_004L);
        assertThat(index.search(
                                "谈话记录",
                                SearchScope.regions(List.of("/%"), EnumSet.allOf(Visibility.class)),
                                List.of(),
                                0,
                                100)
                        .items())
                .extracting(SearchHit::recordId)
                .contains(1_000_004L);
        long talkNotes = index.count(SearchKind.TALK_NOTE);
        index.remove(SearchKind.TALK_NOTE, 1_000_004L);
        assertThat(index.count(SearchKind.TALK_NOTE)).isEqualTo(talkNotes - 1);
    }

    @Test
    void thePageShowsTheGroupMemberOnlyTheirHitsWithMarkupAsText() throws Exception {
        Cookie member = DemoLogins.of(environment).signIn(mvc, "groupmember");
        mvc.perform(get("/search").param("q", "村集体资金被挪用").cookie(member))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<mark>挪用集体资金</mark>")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("/findings/1000001")))
                .andExpect(content().string(not(containsString("/findings/1000002"))));
        Cookie office = DemoLogins.of(environment).signIn(mvc, "office");
        mvc.perform(get("/search").param("q", "挪用集体资金").cookie(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/findings/1000001")))
                .andExpect(content().string(containsString("/findings/1000002")));
    }

    @Test
    void theDemoFindingsAreIndexedWhenRecorded() {
        Awaitility.await().until(() -> index.count(SearchKind.FINDING) > 3);
        SearchScope office = SearchScope.regions(List.of("/%"), EnumSet.of(Visibility.OFFICE_AND_GROUP));
        Paged<SearchHit> hits = index.search("低保户认定", office, List.of(SearchKind.FINDING), 0, 20);
        assertThat(hits.items()).isNotEmpty();
        assertThat(hits.items().get(0).link()).startsWith("/findings/");
        assertThat(hits.items().get(0).snippet()).contains(new SearchHit.Segment("低保户认定", true));
    }

    @Test
    void aLiaisonOrLeaderMayNotSearch() throws Exception {
        for (String user : List.of("liaison", "leader", "receiver", "sysadmin")) {
            Cookie session = DemoLogins.of(environment).signIn(mvc, user);
            mvc.perform(get("/search").param("q", "挪用").cookie(session)).andExpect(status().isForbidden());
        }
    }

    /**
     * The demo's petitions and talks are indexed when they are recorded; a talk is found by the words of its notes,
     * while the notes themselves stay encrypted in fieldwork and never appear in clear in the index.
     */
    @Test
    void petitionsAndTalkNotesAreFoundWhileTheNotesStayEncrypted() {
        assertThat(index.count(SearchKind.PETITION)).isPositive();
        byte[] sealed = jdbc.sql("select notes_cipher from fieldwork.talk where notes_cipher is not null limit 1")
                .query(byte[].class)
                .single();
        String notes = cipher.decrypt(sealed);
        String bodies = jdbc.sql(
                        "select string_agg(title || ' ' || body, ' ') from search.entry where kind = 'TALK_NOTE'")
                .query(String.class)
                .single();
        assertThat(bodies).doesNotContain(notes);
        // the index holds none of the notes' own words (only their blind tokens), so reading it gives nothing away
        String words = jdbc.sql("select string_agg(words::text, ' ') from search.entry where kind = 'TALK_NOTE'")
                .query(String.class)
                .single();
        List<String> noteOnly = ChineseSegmenter.words(notes).stream()
                .filter(w -> w.codePointCount(0, w.length()) > 1)
                .filter(w -> !bodies.contains(w))
                .toList();
        assertThat(noteOnly).isNotEmpty();
        noteOnly.forEach(w -> assertThat(words).doesNotContain("'" + w + "'"));
        assertThat(words).contains("'" + cipher.blindIndex(noteOnly.get(0)) + "'");
        SearchScope office = SearchScope.regions(List.of("/%"), EnumSet.of(Visibility.OFFICE_AND_GROUP));
        assertThat(index.search(notes, office, List.of(SearchKind.TALK_NOTE), 0, 10)
                        .total())
                .isPositive();
    }
}
