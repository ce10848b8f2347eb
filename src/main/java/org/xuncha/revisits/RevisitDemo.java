package org.xuncha.revisits;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.Regions;
import org.xuncha.planning.FieldworkFinished;
import org.xuncha.planning.RoundKind;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.Rounds;

/**
 * Demo revisit for the pilot round: the first pilot 村居 of 坞墙镇 revisited by 入户座谈 with twelve paper forms
 * entered, so the satisfaction index and the suggestions have figures.
 */
@Component
class RevisitDemo {

    /** Twelve paper forms, one digit per question (1 满意, 2 基本满意, 3 不满意). */
    static final String PAPER_FORMS = String.join(
            "\n", "1111", "1121", "1211", "2111", "1112", "1111", "1231", "2211", "1111", "1321", "1111", "2122");

    private final Regions regions;
    private final Rounds rounds;
    private final RevisitWork work;
    private final RevisitRecords records;
    private final Clock clock;
    private final boolean demo;

    RevisitDemo(
            Regions regions,
            Rounds rounds,
            RevisitWork work,
            RevisitRecords records,
            Clock clock,
            @Value("${xuncha.demo.enabled:}") String demoFlag,
            @Value("${xuncha.database.url:}") String databaseUrl) {
        this.regions = regions;
        this.rounds = rounds;
        this.work = work;
        this.records = records;
        this.clock = clock;
        this.demo = StringUtils.hasText(demoFlag)
                ? Boolean.parseBoolean(demoFlag.trim())
                : !StringUtils.hasText(databaseUrl);
    }

    @ApplicationModuleListener
    void on(FieldworkFinished event) {
        if (!demo) {
            return;
        }
        RegionSummary district = regions.findByName("睢阳区").orElse(null);
        if (district == null) {
            return;
        }
        RegionScope whole = RegionScope.of(List.of(district.id()));
        boolean pilot = rounds.find(event.roundId(), whole)
                .map(r -> r.kind() == RoundKind.PILOT && r.number() == 1)
                .orElse(false);
        if (!pilot || !records.list(List.of("%")).isEmpty()) {
            return;
        }
        Map<String, RoundLocality> first = new LinkedHashMap<>();
        for (RoundLocality l : rounds.localities(event.roundId(), whole)) {
            first.putIfAbsent(l.townshipName(), l);
        }
        RoundLocality locality = first.get("坞墙镇");
        if (locality == null) {
            return;
        }
        long id = work.record(
                event.roundId().value(),
                locality.localityId(),
                locality.name(),
                locality.townshipId(),
                locality.townshipName(),
                locality.path(),
                LocalDate.now(clock).minusDays(7),
                "区委巡察办 王敏、李强；第一督导组 赵志刚",
                RevisitMethod.HOME_FORUM,
                "村民代表5人、五保户2户、低保户3户",
                "群众反映村务公开栏已按月更新，低保清退后评议更公开；希望集体资产租金收缴情况继续公示。",
                "office");
        work.respondOnPaper(records.find(id, List.of("%")).orElseThrow(), PAPER_FORMS, "office");
    }
}
