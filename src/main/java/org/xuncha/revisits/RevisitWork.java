package org.xuncha.revisits;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;

/** Recording revisits and survey answers: from the phone form, a batch of paper forms, or the public page. */
@Service
class RevisitWork {

    /** A paper batch refused: every line and column at fault, nothing recorded. */
    static class PaperRejected extends RuntimeException {

        private final List<String> problems;

        PaperRejected(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RevisitRecords records;
    private final AuditLog audit;
    private final Clock clock;

    RevisitWork(RevisitRecords records, AuditLog audit, Clock clock) {
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Transactional
    long record(
            long roundId,
            long localityId,
            String localityName,
            long townshipId,
            String townshipName,
            String localityPath,
            LocalDate visitedOn,
            String visitors,
            RevisitMethod method,
            String met,
            @Nullable String residentsSaid,
            String actor) {
        long id = records.insert(
                new Revisit(
                        0,
                        roundId,
                        localityId,
                        localityName,
                        townshipId,
                        townshipName,
                        localityPath,
                        visitedOn,
                        visitors.strip(),
                        method,
                        met.strip(),
                        residentsSaid == null || residentsSaid.isBlank() ? null : residentsSaid.strip(),
                        newToken(),
                        actor,
                        0),
                Instant.now(clock));
        audit.recordAs(actor, null, AuditAction.CREATE, "Revisit", id, AuditOutcome.SUCCESS, localityName);
        return id;
    }

    /** One respondent's answers from the phone form (every active question answered). */
    @Transactional
    void respond(Revisit revisit, Map<Long, SurveyAnswer> answers, String actor) {
        records.respond(revisit.id(), "PHONE", null, answers, Instant.now(clock));
        audit.recordAs(actor, null, AuditAction.CREATE, "SurveyResponse", revisit.id(), AuditOutcome.SUCCESS, "PHONE");
    }

    /**
     * A batch of paper forms, one line each, one digit per active question in order (1 满意, 2 基本满意, 3 不满意;
     * spaces ignored): all lines or none, with every fault named by line and column.
     */
    @Transactional
    int respondOnPaper(Revisit revisit, String lines, String actor) {
        List<RevisitRecords.Question> questions = records.questions(true);
        List<Map<Long, SurveyAnswer>> forms = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int lineNo = 0;
        for (String line : lines.split("\\R")) {
            lineNo++;
            String digits = line.replaceAll("[\\s,，、]", "");
            if (digits.isEmpty()) {
                continue;
            }
            if (digits.length() != questions.size()) {
                problems.add("第 " + lineNo + " 行：应有 " + questions.size() + " 个答案，实际 " + digits.length() + " 个");
                continue;
            }
            Map<Long, SurveyAnswer> form = new LinkedHashMap<>();
            for (int c = 0; c < digits.length(); c++) {
                char code = digits.charAt(c);
                if (code < '1' || code > '3') {
                    problems.add("第 " + lineNo + " 行第 " + (c + 1) + " 题：“" + code + "”不是 1、2、3");
                } else {
                    form.put(questions.get(c).id(), SurveyAnswer.ofPaperCode(code));
                }
            }
            forms.add(form);
        }
        if (forms.isEmpty() && problems.isEmpty()) {
            problems.add("没有填写任何问卷");
        }
        if (!problems.isEmpty()) {
            throw new PaperRejected(problems);
        }
        Instant now = Instant.now(clock);
        for (Map<Long, SurveyAnswer> form : forms) {
            records.respond(revisit.id(), "PAPER", null, form, now);
        }
        audit.recordAs(
                actor,
                null,
                AuditAction.IMPORT,
                "SurveyResponse",
                revisit.id(),
                AuditOutcome.SUCCESS,
                "PAPER " + forms.size());
        return forms.size();
    }

    /** A resident's answers from the public page; the same submission code twice records once. No IP is kept. */
    @Transactional
    boolean respondInPublic(Revisit revisit, String submissionCode, Map<Long, SurveyAnswer> answers) {
        return records.respond(revisit.id(), "QR", submissionCode, answers, Instant.now(clock));
    }
}
