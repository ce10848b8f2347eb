package org.xuncha.intake;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.documents.XlsxExport;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;

/**
 * The office's petition register as .xlsx (信访举报登记表): the petitions within the caller's scope with their triage
 * and status, and no column that could carry the reporter's name or phone. Each export is audited.
 */
@Component
class PetitionExport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final PetitionRecords records;
    private final Regions regions;
    private final IntakeMessages messages;
    private final AuditLog auditLog;
    private final Clock clock;

    PetitionExport(PetitionRecords records, Regions regions, IntakeMessages messages, AuditLog auditLog, Clock clock) {
        this.records = records;
        this.regions = regions;
        this.messages = messages;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional
    void write(PetitionRecords.Filter filter, RegionScope scope, HttpServletResponse response) throws IOException {
        LocalDate today = LocalDate.now(clock);
        List<String> headers = Arrays.stream(new String[] {
                    "id",
                    "township",
                    "locality",
                    "channel",
                    "category",
                    "content",
                    "place",
                    "occurred",
                    "receivedOn",
                    "ageDays",
                    "status",
                    "triage",
                    "forwardedTo",
                    "triageReason",
                    "publicReply"
                })
                .map(h -> messages.get("petitionExport." + h))
                .toList();
        String fileName = messages.get("petitionExport.fileName") + "-" + today + ".xlsx";
        response.setContentType(XLSX);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        auditLog.record(
                AuditAction.EXPORT,
                "Petition",
                null,
                AuditOutcome.SUCCESS,
                filter.untriagedOnly() ? "untriaged" : "all");
        try (Stream<Petition> petitions = records.stream(filter, Scope.of(scope, regions))) {
            Stream<List<@Nullable Object>> rows = petitions.map(p -> Arrays.<@Nullable Object>asList(
                    p.id(),
                    p.townshipName(),
                    p.localityName(),
                    messages.get("petitionChannel." + p.channel()),
                    messages.get("petitionCategory." + p.category()),
                    p.content(),
                    p.place(),
                    p.occurred(),
                    p.receivedOn().toString(),
                    p.ageInDays(today),
                    messages.get("reportStatus." + p.status()),
                    p.triage() == null ? null : messages.get("petitionTriage." + p.triage()),
                    p.forwardedTo(),
                    p.triageReason(),
                    p.publicReply()));
            XlsxExport.write(
                    response.getOutputStream(),
                    List.of(new XlsxExport.SheetData(messages.get("petitionExport.sheet"), headers, rows)));
        }
    }
}
