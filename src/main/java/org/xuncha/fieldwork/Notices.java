package org.xuncha.fieldwork;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.documents.OfficialDocument;
import org.xuncha.documents.OfficialDocuments;
import org.xuncha.documents.QrCodes;
import org.xuncha.fieldwork.Records.NoticeTemplate;
import org.xuncha.planning.RoundChannels;
import org.xuncha.planning.Rounds;

/**
 * 巡察公告 of a 村居: generated from the round (group, period, channels) with the office's per-round wording, and a QR
 * code to the public report page set to the round and the 村居 ({@code <base>/report?round=…&locality=…}).
 */
@Service
class Notices {

    static final String DEFAULT_ACCEPTS =
            "群众身边的腐败问题和不正之风，“三资”管理、惠民政策落实、村级工程项目等方面的问题，" + "村“两委”班子和党员干部违反政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律和生活纪律的问题";
    static final String DEFAULT_CLOSING =
            "巡察组主要受理反映本村（社区）党组织及其成员问题的来信、来电、来访；" + "其他信访问题，按照规定转交有关部门处理。请如实反映，不得捏造事实、诬告陷害。";
    static final int QR_PIXELS = 360;

    /** The notice as printed: title, paragraphs, channels, QR target, signature. */
    record Notice(
            String title,
            String opening,
            String accepts,
            String closing,
            RoundChannels channels,
            String reportUrl,
            String groupName,
            java.time.LocalDate dated) {

        List<String> channelLines() {
            List<String> lines = new ArrayList<>();
            lines.add("举报电话：" + orLater(channels.phone()));
            lines.add("电子邮箱：" + orLater(channels.email()));
            lines.add("邮政信箱（意见箱）：" + orLater(channels.postBox()));
            return lines;
        }

        private static String orLater(@Nullable String channel) {
            return channel == null || channel.isBlank() ? "另行公布" : channel;
        }
    }

    private final FieldworkRecords records;
    private final Rounds rounds;
    private final OfficialDocuments documents;
    private final AuditLog audit;
    private final Clock clock;

    Notices(FieldworkRecords records, Rounds rounds, OfficialDocuments documents, AuditLog audit, Clock clock) {
        this.records = records;
        this.rounds = rounds;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /** The office's wording of the round, or an empty one (version -1) before the first edit. */
    NoticeTemplate template(long roundId) {
        return records.template(roundId).orElse(new NoticeTemplate(roundId, null, null, null, -1));
    }

    @Transactional
    void saveTemplate(
            long roundId,
            @Nullable String title,
            @Nullable String accepts,
            @Nullable String closing,
            int version,
            String by) {
        records.saveTemplate(
                new NoticeTemplate(
                        roundId,
                        FieldworkRecords.blankToNull(title),
                        FieldworkRecords.blankToNull(accepts),
                        FieldworkRecords.blankToNull(closing),
                        version),
                version,
                by,
                Instant.now(clock));
        audit.record(AuditAction.UPDATE, "NoticeTemplate", roundId, AuditOutcome.SUCCESS, null);
    }

    /** The public report URL of the round and 村居 that the notice's QR code encodes. */
    static String reportUrl(String baseUrl, long roundId, long localityId) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return UriComponentsBuilder.fromUriString(base + "/report")
                .queryParam("round", roundId)
                .queryParam("locality", localityId)
                .build()
                .toUriString();
    }

    Notice notice(Fieldwork.Where where, String baseUrl) {
        NoticeTemplate t = template(where.round().id().value());
        String place = where.locality().townshipName() + where.locality().name();
        String group = where.group().name();
        String title = t.title() != null ? t.title() : "区委" + group + "关于对" + place + "党组织开展巡察的公告";
        String opening = "根据区委巡察工作统一部署，区委" + group + "于"
                + OfficialDocument.dateText(where.round().entryDate())
                + "至" + OfficialDocument.dateText(where.round().exitDate()) + "对" + place + "党组织开展巡察。"
                + "巡察期间，巡察组受理反映" + where.locality().name() + "党组织和党员干部问题的来信、来电、来访。";
        RoundChannels channels = rounds.channels(where.round().id()).orElse(new RoundChannels(null, null, null));
        return new Notice(
                title,
                opening,
                "重点受理反映以下问题：" + (t.accepts() != null ? t.accepts() : DEFAULT_ACCEPTS) + "。",
                t.closing() != null ? t.closing() : DEFAULT_CLOSING,
                channels,
                reportUrl(baseUrl, where.round().id().value(), where.locality().localityId()),
                "区委" + group,
                where.round().entryDate());
    }

    byte[] qr(Notice notice) {
        return QrCodes.png(notice.reportUrl(), QR_PIXELS);
    }

    /** The notice as a GB/T 9704 .docx with the QR code. */
    byte[] docx(Notice notice) {
        OfficialDocument doc = documents.create().title(notice.title()).paragraph(notice.opening());
        doc.paragraph(notice.accepts());
        doc.paragraph("反映问题的方式：");
        notice.channelLines().forEach(doc::paragraph);
        doc.paragraph("用手机扫描下方二维码，可直接向巡察组反映问题，可以匿名，无需注册。");
        doc.picture(qr(notice), "qr.png", QR_PIXELS, QR_PIXELS, 35);
        doc.paragraph(notice.closing());
        doc.signature(notice.groupName(), notice.dated());
        return doc.toBytes();
    }
}
