package org.xuncha.findings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.xuncha.documents.ChineseNumerals;
import org.xuncha.documents.OfficialDocument;
import org.xuncha.documents.OfficialDocuments;
import org.xuncha.organization.Regions;

/**
 * The documents of findings and leads, in the format of GB/T 9704-2012: the working paper's approval sheet (问题底稿审批单),
 * the fact-confirmation sheet (事实确认单) the 村居 signs, and the transfer letter (移交函) of a lead. None names a
 * reporter: a finding from a petition says only that it came from a petition.
 */
@Component
class FindingDocuments {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final OfficialDocuments documents;
    private final Regions regions;

    FindingDocuments(OfficialDocuments documents, Regions regions) {
        this.documents = documents;
        this.regions = regions;
    }

    /** 问题底稿审批单: the finding, its paper, the evidence list and every step with its comment. */
    byte[] approvalSheet(Finding f, List<Evidence> evidence, List<PaperStep> steps, String roundLabel, ZoneId zone) {
        OfficialDocument doc = documents.create().title("巡察问题底稿审批单");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("巡察轮次", roundLabel));
        rows.add(List.of("巡察组", "第" + ChineseNumerals.of(f.groupNumber()) + "巡察组"));
        rows.add(List.of("被巡察村居", f.townshipName() + f.localityName()));
        rows.add(List.of("问题类别", f.category()));
        rows.add(List.of("问题性质", severity(f.severity())));
        rows.add(List.of("问题来源", source(f.sourceKind())));
        rows.add(List.of("涉及人员", f.peopleConcerned().isBlank() ? "—" : f.peopleConcerned()));
        rows.add(List.of("涉及金额", amount(f.amount())));
        rows.add(List.of("问题描述", f.description()));
        rows.add(List.of("事实情况", f.facts()));
        rows.add(List.of("证据清单", evidenceList(evidence)));
        rows.add(List.of("违反的规定", f.ruleBroken().isBlank() ? "—" : f.ruleBroken()));
        rows.add(List.of("处理建议", f.proposedHandling()));
        if (f.fixedOnTheSpot()) {
            rows.add(List.of("立行立改", OfficialDocument.dateText(f.fixedOn()) + "：" + f.fixAction()));
        }
        for (PaperStep step : steps) {
            rows.add(List.of(
                    stepLabel(step.action()),
                    step.actorName() + "　" + STAMP.format(step.at().atZone(zone))
                            + (step.comment().isBlank() ? "" : "　意见：" + step.comment())));
        }
        doc.table(List.of("项目", "内容"), rows);
        return doc.toBytes();
    }

    /** 事实确认单: the facts as the group found them, for the 村居's party organization to confirm or state objections. */
    byte[] factConfirmation(Finding f, List<Evidence> evidence, LocalDate today) {
        OfficialDocument doc = documents.create().title("巡察发现问题事实确认单");
        doc.addressee(f.townshipName() + f.localityName() + "党组织：");
        doc.paragraph("区委第" + ChineseNumerals.of(f.groupNumber()) + "巡察组在巡察期间发现以下问题，现将有关事实送你单位确认。"
                + "如有异议，请于收到本确认单之日起3个工作日内书面说明并提供相关材料，逾期视为无异议。");
        doc.firstLevel("一、问题类别");
        doc.paragraph(f.category());
        doc.firstLevel("二、事实情况");
        doc.paragraph(f.facts().isBlank() ? f.description() : f.facts());
        if (f.amount() != null) {
            doc.paragraph("涉及金额：" + amount(f.amount()) + "。");
        }
        doc.firstLevel("三、证据材料");
        doc.paragraph(evidenceList(evidence));
        doc.firstLevel("四、被巡察党组织意见");
        doc.paragraph("□无异议　　□有异议（另附书面说明）");
        doc.paragraph("党组织负责人（签字）：　　　　　　　　（盖章）");
        doc.paragraph("年　　月　　日");
        doc.signature(districtOffice(f.townshipId()), today);
        return doc.toBytes();
    }

    /** 移交函: the register number, the receiver, what the lead is and the report-back deadline. */
    byte[] transferLetter(Lead lead, LeadContent content, long townshipId) {
        OfficialDocument doc = documents.create();
        doc.paragraph(lead.registerNumber() == null ? "" : lead.registerNumber());
        doc.title("关于移交问题线索的函");
        doc.addressee(lead.receiverName() + "：");
        doc.paragraph("区委第" + ChineseNumerals.of(lead.groupNumber()) + "巡察组在对" + lead.townshipName()
                + lead.localityName() + "开展巡察期间，发现以下问题线索。根据巡察工作有关规定，现移交你单位依规依纪依法处置。");
        doc.firstLevel("一、线索基本情况");
        doc.thirdLevel("1.涉及人员：", content.persons());
        doc.thirdLevel("2.主要问题：", content.matter());
        doc.thirdLevel("3.涉及金额：", amount(content.amount()));
        if (!content.files().isEmpty()) {
            doc.thirdLevel(
                    "4.附件：",
                    String.join(
                            "；",
                            content.files().stream()
                                    .map(LeadContent.LeadFile::name)
                                    .toList()));
        }
        doc.firstLevel("二、有关要求");
        doc.paragraph("请于" + (lead.reportDue() == null ? "" : OfficialDocument.dateText(lead.reportDue()))
                + "前将线索处置情况（初核、立案、了结、谈话函询、转办等）书面反馈区委巡察办。本函及所附材料属于工作秘密，请严格控制知悉范围。");
        doc.signature(
                districtOffice(townshipId), lead.transferredOn() == null ? LocalDate.now() : lead.transferredOn());
        return doc.toBytes();
    }

    /** 中共××区委巡察工作领导小组办公室, from the township's district. */
    String districtOffice(long townshipId) {
        String district = regions.find(townshipId)
                .flatMap(t -> t.parentId() == null ? java.util.Optional.empty() : regions.find(t.parentId()))
                .map(d -> d.name())
                .orElse("");
        return "中共" + district + "委巡察工作领导小组办公室";
    }

    static String evidenceList(List<Evidence> evidence) {
        if (evidence.isEmpty()) {
            return "—";
        }
        List<String> lines = new ArrayList<>();
        int i = 1;
        for (Evidence e : evidence) {
            lines.add(i++ + ". " + e.title() + "（" + (e.purpose() == Evidence.Purpose.FIX ? "整改证据" : "问题证据")
                    + "，SHA-256 " + e.current().sha256().substring(0, 16) + "…）");
        }
        return String.join("\n", lines);
    }

    static String amount(@org.jspecify.annotations.Nullable BigDecimal amount) {
        return amount == null ? "—" : amount.toPlainString() + "元";
    }

    static String severity(Severity s) {
        return switch (s) {
            case GENERAL -> "一般";
            case SERIOUS -> "较重";
            case GRAVE -> "严重";
        };
    }

    static String source(SourceKind kind) {
        return switch (kind) {
            case TALK -> "个别谈话";
            case VISIT -> "入户走访";
            case PETITION -> "信访举报";
            case DOCUMENT_REVIEW -> "查阅资料";
            case SITE_CHECK -> "实地查看";
            case OTHER -> "其他";
        };
    }

    static String stepLabel(PaperStep.Action action) {
        return switch (action) {
            case SUBMITTED -> "承办人提交";
            case LEADER_APPROVED -> "组长审批（同意）";
            case LEADER_RETURNED -> "组长审批（退回）";
            case OFFICE_APPROVED -> "巡察办审核（审定）";
            case OFFICE_RETURNED -> "巡察办审核（退回）";
        };
    }
}
