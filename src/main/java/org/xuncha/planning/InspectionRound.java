package org.xuncha.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.xuncha.documents.ChineseNumerals;
import org.xuncha.organization.Intensity;
import org.xuncha.organization.RegionKind;

/**
 * 巡察轮次: a round of a term that takes whole township units (整体式分类化), its 村居 grouped as 村 and 社区 with
 * each one's intensity and planned days, its entry and exit dates, the channels it announces for reports, and its
 * state with the history of who moved it when. State changes check their rule and register past-tense events.
 */
class InspectionRound {

    /** Who acts on a round: the user name, and whether they are the office director (巡察办主任), who approves. */
    record Actor(String name, boolean director) {}

    /** 进驻 and 结束进驻 dates. */
    record Schedule(LocalDate entryDate, LocalDate exitDate) {

        Schedule {
            if (exitDate.isBefore(entryDate)) {
                throw new RoundRuleViolation("round.rule.exitBeforeEntry");
            }
        }

        /** Calendar days from entry to exit, both included. */
        public long days() {
            return java.time.temporal.ChronoUnit.DAYS.between(entryDate, exitDate) + 1;
        }

        public boolean includes(LocalDate day) {
            return !day.isBefore(entryDate) && !day.isAfter(exitDate);
        }
    }

    /** 渠道: the report phone, e-mail and post box the round announces to the public. */
    record Channels(
            @Nullable String phone,
            @Nullable String email,
            @Nullable String postBox) {

        static Channels none() {
            return new Channels(null, null, null);
        }
    }

    /** A township unit the round takes as a whole. */
    record Township(long id, String name, String path) {}

    /** One step of the round: from which state to which, by whom, when. */
    record Transition(@Nullable RoundState from, RoundState to, String by, Instant at) {}

    private final long id;
    private final long termId;
    private final RoundKind kind;
    private final int number;
    private RoundState state;
    private Schedule schedule;
    private Channels channels;
    private final List<Township> townships;
    private final List<RoundLocality> localities;
    private final List<Transition> transitions;
    private int version;
    private final List<Object> events = new ArrayList<>();

    InspectionRound(
            long id,
            long termId,
            RoundKind kind,
            int number,
            RoundState state,
            Schedule schedule,
            Channels channels,
            List<Township> townships,
            List<RoundLocality> localities,
            List<Transition> transitions,
            int version) {
        this.id = id;
        this.termId = termId;
        this.kind = kind;
        this.number = number;
        this.state = state;
        this.schedule = schedule;
        this.channels = channels;
        this.townships = List.copyOf(townships);
        this.localities = List.copyOf(localities);
        this.transitions = new ArrayList<>(transitions);
        this.version = version;
    }

    /**
     * Plans a round: whole township units, each with at least one of its 村居, the 村居 all within those townships,
     * the dates within the term.
     */
    static InspectionRound plan(
            long id,
            Term term,
            RoundKind kind,
            int number,
            Schedule schedule,
            Channels channels,
            List<Township> townships,
            List<RoundLocality> localities,
            String by,
            Instant at) {
        if (townships.isEmpty() || localities.isEmpty()) {
            throw new RoundRuleViolation("round.rule.nothingToInspect");
        }
        if (!term.spans(schedule)) {
            throw new RoundRuleViolation("round.rule.outsideTerm", term.name(), term.startsOn(), term.endsOn());
        }
        Set<Long> townshipIds = townships.stream().map(Township::id).collect(Collectors.toSet());
        for (RoundLocality locality : localities) {
            if (!townshipIds.contains(locality.townshipId())) {
                throw new RoundRuleViolation("round.rule.localityOutsideTownships", locality.name());
            }
        }
        for (Township township : townships) {
            if (!township.path().startsWith(term.districtPath())) {
                throw new RoundRuleViolation(
                        "round.rule.townshipOutsideDistrict", township.name(), term.districtName());
            }
            if (localities.stream().noneMatch(l -> l.townshipId() == township.id())) {
                throw new RoundRuleViolation("round.rule.townshipWithoutLocalities", township.name());
            }
        }
        InspectionRound round = new InspectionRound(
                id,
                term.id(),
                kind,
                number,
                RoundState.PLANNED,
                schedule,
                channels,
                townships,
                localities,
                List.of(new Transition(null, RoundState.PLANNED, by, at)),
                0);
        round.events.add(new RoundPlanned(
                round.roundId(),
                term.termId(),
                localities.stream().map(RoundLocality::localityId).toList(),
                by,
                at));
        return round;
    }

    /**
     * Moves the round one step on. Only the next state is allowed, and only the director approves; anything else is
     * refused with the current and the requested state.
     */
    void advanceTo(RoundState requested, Actor actor, Instant at) {
        RoundState next = state.next().orElse(null);
        if (next != requested) {
            if (next == null) {
                throw new RoundRuleViolation("round.rule.closed", state, requested);
            }
            throw new RoundRuleViolation("round.rule.outOfOrder", state, requested, next);
        }
        if (requested == RoundState.APPROVED && !actor.director()) {
            throw new RoundRuleViolation("round.rule.directorApproves", state, requested);
        }
        transitions.add(new Transition(state, requested, actor.name(), at));
        state = requested;
        events.add(event(requested, actor.name(), at));
    }

    /** New dates and channels, while the plan is not yet approved. */
    void reschedule(Term term, Schedule schedule, Channels channels) {
        if (state != RoundState.PLANNED) {
            throw new RoundRuleViolation("round.rule.scheduleFixed", state);
        }
        if (!term.spans(schedule)) {
            throw new RoundRuleViolation("round.rule.outsideTerm", term.name(), term.startsOn(), term.endsOn());
        }
        this.schedule = schedule;
        this.channels = channels;
    }

    private Object event(RoundState reached, String by, Instant at) {
        return switch (reached) {
            case APPROVED -> new RoundApproved(roundId(), by, at);
            case IN_FIELD -> new FieldworkStarted(roundId(), by, at);
            case FIELDWORK_FINISHED ->
                new FieldworkFinished(
                        roundId(),
                        new TermId(termId),
                        localities.stream().map(RoundLocality::localityId).toList(),
                        by,
                        at);
            case REPORTED -> new RoundReported(roundId(), by, at);
            case FEEDBACK_GIVEN -> new FeedbackGiven(roundId(), by, at);
            case CLOSED -> new RoundClosed(roundId(), by, at);
            case PLANNED -> throw new IllegalStateException("a round is planned only once");
        };
    }

    /** 第一轮, 第一批试点, 第一轮回头看. */
    static String label(RoundKind kind, int number) {
        String ordinal = "第" + ChineseNumerals.of(number);
        return switch (kind) {
            case PILOT -> ordinal + "批试点";
            case REGULAR -> ordinal + "轮";
            case REVISIT -> ordinal + "轮回头看";
        };
    }

    public String label() {
        return label(kind, number);
    }

    /** The next step, if any: the action the round page offers. */
    public @Nullable RoundState nextState() {
        return state.next().orElse(null);
    }

    /** The 村居 by township (in the round's order), each township's 村 before its 社区. */
    public Map<Township, Map<RegionKind, List<RoundLocality>>> localitiesByTownship() {
        Map<Township, Map<RegionKind, List<RoundLocality>>> grouped = new LinkedHashMap<>();
        for (Township township : townships) {
            Map<RegionKind, List<RoundLocality>> byKind = new LinkedHashMap<>();
            for (RegionKind kind : List.of(RegionKind.VILLAGE, RegionKind.COMMUNITY)) {
                List<RoundLocality> ofKind = localities.stream()
                        .filter(l -> l.townshipId() == township.id() && l.kind() == kind)
                        .toList();
                if (!ofKind.isEmpty()) {
                    byKind.put(kind, ofKind);
                }
            }
            grouped.put(township, byKind);
        }
        return grouped;
    }

    public long count(RegionKind kind) {
        return localities.stream().filter(l -> l.kind() == kind).count();
    }

    public long count(Intensity intensity) {
        return localities.stream().filter(l -> l.intensity() == intensity).count();
    }

    /** The stored row now has the next version. */
    void stored() {
        version++;
    }

    /** Events registered since the round was loaded, to publish once it is saved. */
    List<Object> events() {
        return Collections.unmodifiableList(events);
    }

    void clearEvents() {
        events.clear();
    }

    public RoundId roundId() {
        return new RoundId(id);
    }

    public long id() {
        return id;
    }

    public long termId() {
        return termId;
    }

    public RoundKind kind() {
        return kind;
    }

    public int number() {
        return number;
    }

    public RoundState state() {
        return state;
    }

    public Schedule schedule() {
        return schedule;
    }

    public Channels channels() {
        return channels;
    }

    public List<Township> townships() {
        return townships;
    }

    public List<RoundLocality> localities() {
        return localities;
    }

    public List<Transition> transitions() {
        return Collections.unmodifiableList(transitions);
    }

    public int version() {
        return version;
    }
}
