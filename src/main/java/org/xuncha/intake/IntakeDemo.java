package org.xuncha.intake;

import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.xuncha.inspectors.InspectorId;
import org.xuncha.inspectors.InspectorPool;
import org.xuncha.organization.RegionScope;
import org.xuncha.planning.FieldworkFinished;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundSummary;
import org.xuncha.planning.Rounds;

/**
 * Demo petitions for the pilot round, made through the module's own services when the demo's first round finishes
 * its fieldwork: reports from the QR page (anonymous and named), a call and a letter registered by the group the
 * demo accounts serve in (it takes 坞墙镇), some triaged by its leader, and one untriaged report to another group for
 * the office's list.
 */
@Component
class IntakeDemo {

    private final PetitionIntake intake;
    private final PetitionRecords records;
    private final Rounds rounds;
    private final InspectorPool pool;
    private final boolean demo;

    IntakeDemo(
            PetitionIntake intake,
            PetitionRecords records,
            Rounds rounds,
            InspectorPool pool,
            @Value("${xuncha.demo.enabled}") String demoFlag,
            @Value("${xuncha.database.url}") String databaseUrl) {
        this.intake = intake;
        this.records = records;
        this.rounds = rounds;
        this.pool = pool;
        this.demo = StringUtils.hasText(demoFlag)
                ? Boolean.parseBoolean(demoFlag.trim())
                : !StringUtils.hasText(databaseUrl);
    }

    @ApplicationModuleListener
    void on(FieldworkFinished event) {
        if (!demo || records.count() > 0) {
            return;
        }
        RegionScope pilot = RegionScope.of(event.localityIds());
        RoundSummary round = rounds.find(event.roundId(), pilot).orElseThrow();
        List<RoundLocality> localities = rounds.localities(event.roundId(), pilot);
        InspectorId leader = pool.inspectorOf("groupleader").orElse(null);
        if (leader == null) {
            return;
        }
        // the 村居 of the group the demo accounts serve in (it takes 坞墙镇), and one of another group
        List<RoundLocality> ours = localities.stream()
                .filter(l -> rounds.groupOf(round.id(), l.localityId())
                        .flatMap(g -> g.member(leader))
                        .isPresent())
                .toList();
        List<RoundLocality> others =
                localities.stream().filter(l -> !ours.contains(l)).toList();
        if (ours.isEmpty() || others.isEmpty()) {
            return;
        }
        RoundLocality first = ours.get(0);
        RoundLocality second = ours.size() > 1 ? ours.get(1) : first;
        RoundLocality other = others.get(0);
        LocalDate entry = round.entryDate();

        intake.submitPublic(
                PublicReportController.newSubmissionKey(),
                round.id(),
                first.localityId(),
                new PetitionIntake.Report(
                        PetitionCategory.COLLECTIVE_ASSETS,
                        "村集体鱼塘2022年起承包给村干部亲属，承包费一直没有在村务公开栏公布，村民不知道钱去了哪里。",
                        "村东头集体鱼塘",
                        "2022年至今",
                        null,
                        null),
                List.of(),
                entry.plusDays(2));
        PetitionIntake.Receipt named = intake.submitPublic(
                PublicReportController.newSubmissionKey(),
                round.id(),
                first.localityId(),
                new PetitionIntake.Report(
                        PetitionCategory.BENEFIT_POLICIES,
                        "低保评定优亲厚友：村委委员的弟弟家有车有门面房也吃上了低保，真正困难的老人却没评上。",
                        "村委会",
                        "去年12月评议时",
                        "李某某",
                        "13800000001"),
                List.of(),
                entry.plusDays(3));
        PetitionIntake.Receipt call = intake.registerAs(
                round.id(),
                second.localityId(),
                PetitionChannel.PHONE,
                entry.plusDays(4),
                new PetitionIntake.Report(
                        PetitionCategory.BENEFIT_POLICIES,
                        "来电反映危房改造补助发放后，新建房屋墙体开裂，施工质量差，找镇里没有答复。",
                        "村西组",
                        "今年夏天",
                        null,
                        null),
                "groupmember");
        intake.registerAs(
                round.id(),
                second.localityId(),
                PetitionChannel.LETTER,
                entry.plusDays(6),
                new PetitionIntake.Report(
                        PetitionCategory.RURAL_LAND, "来信反映村里土地流转合同未经村民代表会议讨论，流转费标准和去向不清。", null, null, "张某", null),
                "groupdeputy");
        intake.submitPublic(
                PublicReportController.newSubmissionKey(),
                round.id(),
                other.localityId(),
                new PetitionIntake.Report(
                        PetitionCategory.CADRE_CONDUCT, "村干部上班时间经常不在岗，群众办事找不到人。", null, null, null, null),
                List.of(),
                entry.plusDays(5));

        intake.triageAs(
                named.petitionId(),
                new Petition.Decision(Triage.RECORD_AS_FINDING, null, "低保评定程序不规范，列入问题底稿核实。", null),
                "groupleader");
        intake.triageAs(
                call.petitionId(),
                new Petition.Decision(
                        Triage.FORWARDED, "区住房和城乡建设局", "房屋质量鉴定不属巡察职责范围。", "您反映的危房改造房屋质量问题已转区住房和城乡建设局办理，请留意其答复。"),
                "groupleader");
    }
}
