package org.xuncha.revisits;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundLocality;

/**
 * Revisits as a demo generator records them (回访生成): a 村居 of a round revisited by 入户座谈 with paper survey forms
 * entered, through {@link RevisitWork} with its rules; and the revisits counted in a scope. For generators outside
 * revisits (the {@code demo} module), not for people.
 */
@Component
public class RevisitSeeding {

    private static final String[] FORMS = {"1111", "1121", "1211", "2111", "1112", "1111", "1231", "2211", "1111"};

    private final RevisitWork work;
    private final RevisitRecords records;
    private final Regions regions;

    RevisitSeeding(RevisitWork work, RevisitRecords records, Regions regions) {
        this.work = work;
        this.records = records;
        this.regions = regions;
    }

    /** Records a revisit of the 村居 on the day, with {@code forms} paper survey forms (answers vary by 村居). */
    @Transactional
    public void record(RoundId round, RoundLocality locality, LocalDate on, int forms) {
        long id = work.record(
                round.value(),
                locality.localityId(),
                locality.name(),
                locality.townshipId(),
                locality.townshipName(),
                locality.path(),
                on,
                "区委巡察办、巡察督导组",
                RevisitMethod.HOME_FORUM,
                "村民代表、五保户和低保户代表",
                "群众反映巡察反馈的问题已逐条整改并公示，希望继续加强村务公开。",
                "office");
        Revisit revisit = records.find(id, List.of("%")).orElseThrow();
        int questions = records.questions(true).size();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < forms; i++) {
            String form = FORMS[(int) ((locality.localityId() + i) % FORMS.length)];
            StringBuilder digits = new StringBuilder();
            for (int q = 0; q < questions; q++) {
                digits.append(form.charAt(q % form.length()));
            }
            lines.append(digits).append('\n');
        }
        if (forms > 0 && questions > 0) {
            work.respondOnPaper(revisit, lines.toString(), "office");
        }
    }

    /** The 村居 revisited in the scope (each counted once, however often it was revisited). */
    @Transactional(readOnly = true)
    public List<Long> revisitedLocalities(RegionScope scope) {
        return records.list(Revisits.prefixes(scope, regions)).stream()
                .map(Revisit::localityId)
                .distinct()
                .sorted()
                .toList();
    }
}
