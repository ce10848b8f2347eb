package org.xuncha.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.StringUtils;
import org.xuncha.feedback.FeedbackSeeding;
import org.xuncha.fieldwork.FieldworkFigures;
import org.xuncha.fieldwork.FieldworkSeeding;
import org.xuncha.findings.FindingSeeding;
import org.xuncha.findings.FindingSummary;
import org.xuncha.findings.Findings;
import org.xuncha.organization.HouseholdRoster;
import org.xuncha.organization.LocalitySummary;
import org.xuncha.organization.RegionKind;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.Regions;
import org.xuncha.organization.RosterHousehold;
import org.xuncha.planning.FieldworkFinished;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundKind;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundSeeding;
import org.xuncha.planning.RoundSummary;
import org.xuncha.planning.Rounds;
import org.xuncha.rectification.RectificationSeeding;
import org.xuncha.rectification.Rectifications;
import org.xuncha.rectification.TownshipFigures;
import org.xuncha.revisits.RevisitSeeding;

/**
 * The demo district's year (演示年度), generated so that it reads like the article: after the pilot (试点, 4 townships,
 * 8 村居, made by the modules' own demos) four regular rounds of whole townships spread over the months between the
 * pilot and today ({@link YearLayout}), with their fieldwork, findings (立行立改 and leads among them), feedback issued to every township (from which
 * rectification opens its tasks) and revisits of 村 in 坞墙、冯桥、闫集 — so that the year's records count exactly
 * {@link ArticleFigures}. Everything goes through the modules' services with their rules; only the split of each figure
 * over the 村居 is decided here (deterministic: a fixed seed), after counting what the pilot's demos recorded. Every
 * record is dated within its round's life (the modules' seeding classes date each step: fieldwork within the days in
 * the field, approvals after the exit, feedback {@link YearLayout#FEEDBACK_AFTER_EXIT} days after it, leads,
 * rectification and revisits after that), none after today.
 *
 * <p>While it runs (a minute or less), the scorecard and lists show the part of the year recorded so far; there is
 * no indication on the pages, the log says "Demo year: GENERATING" and "Demo year: DONE" and {@link #progress()}
 * tells.
 *
 * <p>It runs once per database, asynchronously after the pilot's fieldwork finished or, for a database whose pilot is
 * older, after start (when {@code xuncha.demo.article-year} is on in demo mode), and not at all when the district's
 * term already has a regular round.
 */
@Component
public class ArticleYear {

    /** Where the generation stands. */
    public enum Progress {
        OFF,
        WAITING,
        RUNNING,
        DONE,
        SKIPPED,
        FAILED
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ArticleYear.class);

    static final long SEED = 20_260_309L;

    /**
     * The regular rounds, in order: their township units (whole; the pilot's 村居 are already inspected), weeks in the
     * field, months for the rectification report and how far rectification has come; their days are laid out by
     * {@link YearLayout} from today.
     */
    record Plan(List<String> townships, int weeks, int reportMonths, int closePercent, int submitPercent) {}

    static final List<Plan> PLANS = List.of(
            new Plan(List.of("坞墙镇", "冯桥镇", "闫集镇"), 4, 3, 85, 10),
            new Plan(List.of("路河镇", "高辛镇"), 4, 3, 55, 20),
            new Plan(List.of("宋集镇", "郭村镇"), 4, 3, 20, 25),
            new Plan(List.of("李口镇", "毛堌堆镇"), 5, 3, 0, 10));

    static final int PER_GROUP = 4;

    private final boolean enabled;
    private final Regions regions;
    private final Rounds rounds;
    private final RoundSeeding roundSeeding;
    private final FieldworkSeeding fieldworkSeeding;
    private final FieldworkFigures fieldworkFigures;
    private final HouseholdRoster roster;
    private final FindingSeeding findingSeeding;
    private final Findings findings;
    private final FeedbackSeeding feedbackSeeding;
    private final RevisitSeeding revisitSeeding;
    private final RectificationSeeding rectificationSeeding;
    private final Rectifications rectifications;
    private final Clock clock;
    private volatile Progress progress;
    private volatile @Nullable String failure;

    ArticleYear(
            @Value("${xuncha.demo.enabled:}") String demoFlag,
            @Value("${xuncha.database.url:}") String databaseUrl,
            @Value("${xuncha.demo.article-year:false}") boolean articleYear,
            Regions regions,
            Rounds rounds,
            RoundSeeding roundSeeding,
            FieldworkSeeding fieldworkSeeding,
            FieldworkFigures fieldworkFigures,
            HouseholdRoster roster,
            FindingSeeding findingSeeding,
            Findings findings,
            FeedbackSeeding feedbackSeeding,
            RevisitSeeding revisitSeeding,
            RectificationSeeding rectificationSeeding,
            Rectifications rectifications,
            Clock clock) {
        boolean demo = StringUtils.hasText(demoFlag)
                ? Boolean.parseBoolean(demoFlag.trim())
                : !StringUtils.hasText(databaseUrl);
        this.enabled = demo && articleYear;
        this.regions = regions;
        this.rounds = rounds;
        this.roundSeeding = roundSeeding;
        this.fieldworkSeeding = fieldworkSeeding;
        this.fieldworkFigures = fieldworkFigures;
        this.roster = roster;
        this.findingSeeding = findingSeeding;
        this.findings = findings;
        this.feedbackSeeding = feedbackSeeding;
        this.revisitSeeding = revisitSeeding;
        this.rectificationSeeding = rectificationSeeding;
        this.rectifications = rectifications;
        this.clock = clock;
        this.progress = enabled ? Progress.WAITING : Progress.OFF;
    }

    /** Where the generation stands (for the log, the tests and whoever waits for it). */
    public Progress progress() {
        return progress;
    }

    public @Nullable String failure() {
        return failure;
    }

    @Async
    @TransactionalEventListener
    void on(FieldworkFinished event) {
        if (!enabled || progress != Progress.WAITING) {
            return;
        }
        RegionSummary district = regions.findByName("睢阳区").orElse(null);
        if (district == null) {
            return;
        }
        RegionScope whole = RegionScope.of(List.of(district.id()));
        rounds.find(event.roundId(), whole)
                .filter(ArticleYear::isPilot)
                .ifPresent(pilot -> run(district, whole, pilot));
    }

    /**
     * At start, on a database whose pilot finished its fieldwork earlier (the demo year was off then, or this is a
     * restart), the year is generated once if the term has no regular round yet.
     */
    @Async
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (!enabled || progress != Progress.WAITING) {
            return;
        }
        RegionSummary district = regions.findByName("睢阳区").orElse(null);
        if (district == null) {
            return;
        }
        RegionScope whole = RegionScope.of(List.of(district.id()));
        rounds.visible(whole, office(), 0, 100).items().stream()
                .filter(ArticleYear::isPilot)
                .filter(r -> r.state().coversLocalities())
                .findFirst()
                .ifPresent(pilot -> run(district, whole, pilot));
    }

    private static boolean isPilot(RoundSummary round) {
        return round.kind() == RoundKind.PILOT && round.number() == 1;
    }

    private void run(RegionSummary district, RegionScope whole, RoundSummary pilot) {
        synchronized (this) {
            if (progress != Progress.WAITING) {
                return;
            }
            progress = Progress.RUNNING;
        }
        long started = System.nanoTime();
        try {
            if (hasRegularRound(whole)) {
                progress = Progress.SKIPPED;
                log.info("Demo year: the term already has regular rounds; nothing generated");
                return;
            }
            Optional<YearLayout> layout = YearLayout.of(
                    pilot.exitDate(),
                    LocalDate.now(clock),
                    PLANS.stream().map(Plan::weeks).toList());
            if (layout.isEmpty()) {
                progress = Progress.SKIPPED;
                log.warn(
                        "Demo year: not generated — between the pilot's exit on {} and today there is no room yet for"
                                + " {} regular rounds with their feedback; a later start generates it",
                        pilot.exitDate(),
                        PLANS.size());
                return;
            }
            log.info("Demo year: GENERATING in the background — until 'Demo year: DONE' the scorecard and lists show"
                    + " the part of the year recorded so far, not the article's figures");
            Phases phases = new Phases();
            generate(district, whole, pilot, layout.get(), phases);
            progress = Progress.DONE;
            log.info("Demo year: DONE in {} ms ({})", (System.nanoTime() - started) / 1_000_000L, phases);
        } catch (RuntimeException e) {
            failure = e.toString();
            progress = Progress.FAILED;
            log.error("Demo year: generation failed", e);
        }
    }

    private boolean hasRegularRound(RegionScope whole) {
        return rounds.visible(whole, office(), 0, 100).items().stream().anyMatch(r -> r.kind() == RoundKind.REGULAR);
    }

    private void generate(
            RegionSummary district, RegionScope whole, RoundSummary pilot, YearLayout layout, Phases phases) {
        Random random = new Random(SEED);
        Set<Long> pilotLocalities = rounds.allLocalities(pilot.id()).stream()
                .map(RoundLocality::localityId)
                .collect(Collectors.toSet());
        Map<String, RegionSummary> townships =
                regions.townships(whole).stream().collect(Collectors.toMap(RegionSummary::name, t -> t));

        // what each regular round takes: whole township units less the pilot's 村居
        List<List<LocalitySummary>> taken = new ArrayList<>();
        List<LocalitySummary> all = new ArrayList<>();
        for (Plan plan : PLANS) {
            List<Long> ids =
                    plan.townships().stream().map(n -> townships.get(n).id()).toList();
            List<LocalitySummary> localities = regions.localitiesUnder(ids, whole).stream()
                    .filter(l -> !pilotLocalities.contains(l.id()))
                    .toList();
            taken.add(localities);
            all.addAll(localities);
        }
        int n = all.size();
        log.info("Demo year: {} rounds over {} more 村居 after the pilot's {}", PLANS.size(), n, pilotLocalities.size());

        // fieldwork figures: the article's less the pilot's, split over the 村居
        FieldworkFigures.RoundFigures pilotFigures = fieldworkFigures.ofRound(pilot.id(), whole, office());
        Map<Long, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(all.get(i).id(), i);
        }
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = 0.6 + random.nextDouble() * 0.8;
        }
        int[] notices = Shares.split(
                ArticleFigures.NOTICES_POSTED - (int) pilotFigures.noticesPosted(),
                weights,
                Shares.filled(n, 4),
                Shares.filled(n, 40));
        int[] personTimes = Shares.split(
                ArticleFigures.PERSON_TIMES - (int) pilotFigures.personTimes(),
                weights,
                Shares.filled(n, 4),
                Shares.filled(n, 60));
        Map<Long, List<RosterHousehold>> households = new LinkedHashMap<>();
        int[] special = new int[n];
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            List<RosterHousehold> list =
                    new ArrayList<>(roster.ofLocality(all.get(i).id(), "", whole, 100_000));
            List<RosterHousehold> ordered = new ArrayList<>(
                    list.stream().filter(RosterHousehold::special).toList());
            List<RosterHousehold> ordinary =
                    new ArrayList<>(list.stream().filter(h -> !h.special()).toList());
            java.util.Collections.shuffle(ordinary, random);
            ordered.addAll(ordinary);
            households.put(all.get(i).id(), ordered);
            special[i] = ordered.size() - ordinary.size();
            size[i] = ordered.size();
        }
        int[] visits = Shares.split(
                ArticleFigures.HOUSEHOLDS_VISITED - (int) pilotFigures.householdsVisited(), weights, special, size);
        phases.lap("preparation");

        // the rounds, one after the other: planned, staffed, approved, in the field, fieldwork recorded, finished
        List<RoundSummary> regular = new ArrayList<>();
        for (int r = 0; r < PLANS.size(); r++) {
            Plan plan = PLANS.get(r);
            LocalDate entry = layout.rounds().get(r).entry();
            LocalDate exit = layout.rounds().get(r).exit();
            List<LocalitySummary> localities = taken.get(r);
            RoundId id = roundSeeding.planIntoField(
                    district.id(),
                    plan.townships().stream().map(t -> townships.get(t).id()).toList(),
                    localities.stream().map(LocalitySummary::id).toList(),
                    entry,
                    exit,
                    PER_GROUP,
                    clock.getZone());
            RoundSummary round = rounds.find(id, whole).orElseThrow();
            for (RoundLocality l : rounds.allLocalities(id)) {
                int i = index.get(l.localityId());
                fieldworkSeeding.record(
                        round,
                        l,
                        new FieldworkSeeding.LocalityWork(
                                notices[i],
                                personTimes[i],
                                households.get(l.localityId()).subList(0, visits[i])));
            }
            roundSeeding.finishFieldwork(id, clock.getZone());
            regular.add(rounds.find(id, whole).orElseThrow());
            log.info(
                    "Demo year: {} ({}) in the field {} to {}, fieldwork of {} 村居 recorded",
                    round.label(),
                    String.join("、", plan.townships()),
                    entry,
                    exit,
                    localities.size());
        }
        phases.lap("rounds and fieldwork");

        // findings, 立行立改 and leads: the article's less what the pilot's demos recorded (once they are done); a
        // problem counts as found once the office has approved its working paper, as the scorecard counts it
        waitForPilotDemos(pilot.id(), whole);
        phases.lap("waiting for the pilot's demos");
        List<FindingSummary> pilotFindings = findings.approvedOfRound(pilot.id());
        int findingsLeft = ArticleFigures.FINDINGS - pilotFindings.size();
        int fixesLeft = ArticleFigures.FIXED_ON_THE_SPOT
                - (int) pilotFindings.stream()
                        .filter(FindingSummary::fixedOnTheSpot)
                        .count();
        int leadsLeft = ArticleFigures.LEADS_TRANSFERRED
                - (int) findings.leadTally(pilot.id()).transferred();
        double[] findingWeights = new double[n];
        for (int i = 0; i < n; i++) {
            findingWeights[i] = weights[i] * (0.5 + random.nextDouble());
        }
        int[] perLocality = Shares.split(findingsLeft, findingWeights, Shares.filled(n, 3), Shares.filled(n, 40));
        int[] fixes = Shares.split(fixesLeft, Shares.even(n), Shares.filled(n, 0), Shares.filled(n, 1));
        int[] leads = Shares.split(leadsLeft, findingWeights, Shares.filled(n, 0), Shares.filled(n, 2));
        int done = 0;
        for (RoundSummary round : regular) {
            List<RoundLocality> localities = rounds.allLocalities(round.id());
            for (RoundLocality l : localities) {
                int i = index.get(l.localityId());
                findingSeeding.record(round, l, perLocality[i], fixes[i], leads[i], i);
                if (++done % 50 == 0) {
                    log.info("Demo year: findings of {} of {} 村居 recorded", done, n);
                }
            }
            LocalDate issued = round.exitDate().plusDays(YearLayout.FEEDBACK_AFTER_EXIT);
            Plan plan = PLANS.get(regular.indexOf(round));
            feedbackSeeding.issueAll(
                    round,
                    localities,
                    plan.reportMonths(),
                    issued.atTime(10, 0).atZone(clock.getZone()).toInstant());
            log.info("Demo year: feedback of {} issued on {}", round.label(), issued);
        }
        phases.lap("findings, leads and feedback");

        // rectification moves on: rectification opens the tasks asynchronously once the feedback is issued
        for (int r = 0; r < regular.size(); r++) {
            RoundSummary round = regular.get(r);
            waitForTasks(round, whole);
            Plan plan = PLANS.get(r);
            int closed = rectificationSeeding.progress(round.id(), plan.closePercent(), plan.submitPercent());
            log.info("Demo year: {} rectification tasks of {} closed out", closed, round.label());
        }
        phases.lap("rectification");

        // revisits of 村 in 坞墙、冯桥、闫集 after the first regular round's feedback
        List<Long> revisitTownships = ArticleFigures.REVISITED_TOWNSHIPS.stream()
                .map(t -> townships.get(t).id())
                .toList();
        Set<Long> revisited = new HashSet<>(revisitSeeding.revisitedLocalities(RegionScope.of(revisitTownships)));
        Set<Long> villages = regions.localitiesUnder(revisitTownships, whole).stream()
                .filter(l -> l.kind() == RegionKind.VILLAGE)
                .map(LocalitySummary::id)
                .collect(Collectors.toSet());
        long already = revisited.stream().filter(villages::contains).count();
        RoundSummary first = regular.get(0);
        Map<Long, List<RoundLocality>> byTownship = new LinkedHashMap<>();
        for (RoundLocality l : rounds.allLocalities(first.id())) {
            if (l.kind() == RegionKind.VILLAGE && !revisited.contains(l.localityId())) {
                byTownship
                        .computeIfAbsent(l.townshipId(), k -> new ArrayList<>())
                        .add(l);
            }
        }
        List<RoundLocality> toRevisit = new ArrayList<>();
        for (int k = 0; toRevisit.size() < ArticleFigures.VILLAGES_REVISITED - already; k++) {
            boolean any = false;
            for (List<RoundLocality> ofTownship : byTownship.values()) {
                if (k < ofTownship.size() && toRevisit.size() < ArticleFigures.VILLAGES_REVISITED - already) {
                    toRevisit.add(ofTownship.get(k));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        // some two months after the first round's feedback, one 村 a day, the last of them before today
        LocalDate today = LocalDate.now(clock);
        LocalDate from = first.exitDate().plusDays(60);
        if (from.plusDays(toRevisit.size()).isAfter(today.minusDays(1))) {
            from = today.minusDays(1L + toRevisit.size());
        }
        for (int k = 0; k < toRevisit.size(); k++) {
            revisitSeeding.record(first.id(), toRevisit.get(k), from.plusDays(k), 8 + random.nextInt(8));
        }
        log.info("Demo year: {} 村 revisited in {}", toRevisit.size() + already, ArticleFigures.REVISITED_TOWNSHIPS);
        phases.lap("revisits");
    }

    /**
     * The pilot's findings, leads and revisit are recorded by the modules' own demos, asynchronously after its fieldwork
     * finished; waits until their count stays put (at most two minutes) so that the figures add up.
     */
    private void waitForPilotDemos(RoundId pilot, RegionScope whole) {
        long previous = -1;
        for (int tries = 0; tries < 120; tries++) {
            long now = findings.ofRound(pilot).size() * 1_000_000L
                    + findings.leadTally(pilot).transferred() * 1_000
                    + revisitSeeding.revisitedLocalities(whole).size();
            if (now == previous && findings.leadTally(pilot).transferred() > 0) {
                return;
            }
            previous = now;
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.warn("Demo year: the pilot's demos did not settle; counting what is there");
    }

    /** Waits (at most two minutes) until rectification has opened a task for every approved finding of the round. */
    private void waitForTasks(RoundSummary round, RegionScope whole) {
        long approved = findings.approvedOfRound(round.id()).size();
        for (int tries = 0; tries < 240; tries++) {
            int tasks = rectifications.figures(whole, round.id().value()).stream()
                    .mapToInt(TownshipFigures::total)
                    .sum();
            if (tasks >= approved) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.warn("Demo year: rectification has not opened every task of {} yet", round.label());
    }

    /** How long each phase of the generation took (for the log). */
    static final class Phases {

        private final Map<String, Long> millis = new LinkedHashMap<>();
        private long since = System.nanoTime();

        void lap(String phase) {
            long now = System.nanoTime();
            millis.merge(phase, (now - since) / 1_000_000L, Long::sum);
            since = now;
            log.info("Demo year: phase '{}' took {} ms", phase, millis.get(phase));
        }

        @Override
        public String toString() {
            return millis.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue() + " ms")
                    .collect(Collectors.joining(", "));
        }
    }

    static Authentication office() {
        return UsernamePasswordAuthenticationToken.authenticated(
                "office", null, List.of(new SimpleGrantedAuthority("ROLE_OFFICE_STAFF")));
    }
}
