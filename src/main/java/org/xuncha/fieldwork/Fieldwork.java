package org.xuncha.fieldwork;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.confidential.FieldCipher;
import org.xuncha.fieldwork.FieldworkRecords.Place;
import org.xuncha.fieldwork.Records.Attachment;
import org.xuncha.fieldwork.Records.Broadcast;
import org.xuncha.fieldwork.Records.Examination;
import org.xuncha.fieldwork.Records.HouseholdVisit;
import org.xuncha.fieldwork.Records.NoticePosting;
import org.xuncha.fieldwork.Records.Talk;
import org.xuncha.fieldwork.Records.VisitExcuse;
import org.xuncha.inspectors.InspectorId;
import org.xuncha.organization.HouseholdRoster;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.RosterHousehold;
import org.xuncha.planning.RoundGroup;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundState;
import org.xuncha.planning.RoundSummary;
import org.xuncha.planning.Rounds;
import org.xuncha.search.SearchEntry;
import org.xuncha.search.SearchIndex;
import org.xuncha.search.SearchKind;
import org.xuncha.search.Visibility;

/**
 * Records fieldwork (进驻工作) for a 村居 of a round, checking its rules: the 村居 is one the caller may see, the round
 * is in the field (or its fieldwork just finished, for late paper forms), the inspectors named are of the 村居's
 * group, an individual talk has at least two of them, a visited household is of that 村居's roster. Each record is
 * audited; talk notes are encrypted with the field key.
 */
@Service
class Fieldwork {

    /** Where a record goes: the round, its state, the 村居 and the group that takes it. */
    record Where(RoundSummary round, RoundLocality locality, RoundGroup group) {

        Place place() {
            return new Place(round.id().value(), locality.localityId(), locality.path());
        }
    }

    /** A posting as the form gives it. */
    record PostingData(
            @Nullable String villagerGroup,
            @Nullable String naturalVillage,
            String location,
            int copies,
            LocalDate postedOn) {}

    /** A talk as the form gives it. */
    record TalkData(
            TalkKind kind,
            LocalDate heldOn,
            String place,
            List<InspectorId> inspectors,
            String participants,
            int personTimes,
            String topic,
            @Nullable String notes) {}

    /** A visit as the form gives it. */
    record VisitData(
            long householdId,
            LocalDate visitedOn,
            List<InspectorId> inspectors,
            @Nullable String raised,
            Satisfaction satisfaction) {}

    /** An examination as the form gives it. */
    record ExaminationData(
            ExaminationKind kind,
            LocalDate examinedOn,
            String subject,
            String place,
            List<InspectorId> inspectors,
            @Nullable String notes) {}

    private static final Set<String> NOTE_READERS = Set.of("ROLE_OFFICE_STAFF", "ROLE_OFFICE_DIRECTOR");
    private static final Set<String> GROUP_ROLES =
            Set.of("ROLE_GROUP_LEADER", "ROLE_GROUP_DEPUTY", "ROLE_GROUP_MEMBER");

    private final Rounds rounds;
    private final FieldworkRecords records;
    private final HouseholdRoster roster;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Clock clock;
    private final SearchIndex search;

    Fieldwork(
            Rounds rounds,
            FieldworkRecords records,
            HouseholdRoster roster,
            FieldCipher cipher,
            AuditLog audit,
            Clock clock,
            SearchIndex search) {
        this.search = search;
        this.rounds = rounds;
        this.records = records;
        this.roster = roster;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    // where ------------------------------------------------------------------------------------------------------

    /** The round as the caller may see it, or 404. */
    RoundSummary round(RoundId id, RegionScope scope, Authentication caller) {
        return rounds.find(id, scope, caller).orElseThrow(Fieldwork::notFound);
    }

    /** The round's 村居 the caller may see (for a group member: their group's). */
    List<RoundLocality> localities(RoundId id, RegionScope scope, Authentication caller) {
        return rounds.localities(id, scope, caller);
    }

    List<Long> localityIds(RoundId id, RegionScope scope, Authentication caller) {
        return localities(id, scope, caller).stream()
                .map(RoundLocality::localityId)
                .toList();
    }

    /** The 村居 of the round, when the caller may see it, with its group; 404 otherwise. */
    Where where(RoundId id, long localityId, RegionScope scope, Authentication caller) {
        RoundSummary round = round(id, scope, caller);
        RoundLocality locality = localities(id, scope, caller).stream()
                .filter(l -> l.localityId() == localityId)
                .findFirst()
                .orElseThrow(Fieldwork::notFound);
        RoundGroup group = rounds.groupOf(id, localityId).orElseThrow(Fieldwork::notFound);
        return new Where(round, locality, group);
    }

    /** Whether the caller may read talk notes of a 村居 they see: the office, and the group that takes it. */
    static boolean readsNotes(Authentication caller) {
        return caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(a -> NOTE_READERS.contains(a) || GROUP_ROLES.contains(a));
    }

    static boolean office(Authentication caller) {
        return caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(NOTE_READERS::contains);
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static void requireInField(Where where) {
        RoundState state = where.round().state();
        if (state != RoundState.IN_FIELD && state != RoundState.FIELDWORK_FINISHED) {
            throw new FieldworkRefused(
                    "fieldwork.rule.notInField", where.round().label());
        }
    }

    /** Fieldwork is dated within the round's period in the field. */
    private static void requireWithin(Where where, LocalDate date) {
        if (date.isBefore(where.round().entryDate())
                || date.isAfter(where.round().exitDate())) {
            throw new FieldworkRefused(
                    "fieldwork.rule.dateOutside",
                    date,
                    where.round().entryDate(),
                    where.round().exitDate());
        }
    }

    /** The day a form suggests: today, kept within the round's period in the field. */
    static LocalDate suggestedDay(RoundSummary round, LocalDate today) {
        return today.isBefore(round.entryDate())
                ? round.entryDate()
                : today.isAfter(round.exitDate()) ? round.exitDate() : today;
    }

    private static String names(Where where, List<InspectorId> inspectors, boolean required) {
        List<String> names = new ArrayList<>();
        for (InspectorId id : inspectors) {
            RoundGroup.Member member = where.group()
                    .member(id)
                    .orElseThrow(() -> new FieldworkRefused(
                            "fieldwork.rule.notOfGroup", where.group().name()));
            if (!names.contains(member.name())) {
                names.add(member.name());
            }
        }
        if (required && names.isEmpty()) {
            throw new FieldworkRefused("fieldwork.rule.inspectorsRequired");
        }
        return String.join("、", names);
    }

    // records ----------------------------------------------------------------------------------------------------

    @Transactional
    long recordPosting(Where where, PostingData data, @Nullable String photoId, String by) {
        return recordPosting(where, data, photoId, by, now());
    }

    /** A posting entered at the given time (a seeding or import of records written earlier); same rules. */
    @Transactional
    long recordPosting(Where where, PostingData data, @Nullable String photoId, String by, Instant recordedAt) {
        requireInField(where);
        if (data.copies() < 1 || data.copies() > 1000) {
            throw new FieldworkRefused("fieldwork.rule.copies");
        }
        requireWithin(where, data.postedOn());
        long id = records.insertPosting(
                where.place(),
                new NoticePosting(
                        0,
                        where.round().id().value(),
                        where.locality().localityId(),
                        FieldworkRecords.blankToNull(data.villagerGroup()),
                        FieldworkRecords.blankToNull(data.naturalVillage()),
                        data.location().strip(),
                        data.copies(),
                        data.postedOn(),
                        photoId,
                        by,
                        recordedAt));
        audit(by, AuditAction.CREATE, "NoticePosting", id, where.locality().name() + " " + data.copies());
        return id;
    }

    @Transactional
    long recordBroadcast(Where where, LocalDate on, String place, int times, String by) {
        requireInField(where);
        if (times < 1 || times > 100) {
            throw new FieldworkRefused("fieldwork.rule.times");
        }
        requireWithin(where, on);
        long id = records.insertBroadcast(
                where.place(),
                new Broadcast(
                        0,
                        where.round().id().value(),
                        where.locality().localityId(),
                        on,
                        place.strip(),
                        times,
                        by,
                        now()));
        audit(by, AuditAction.CREATE, "Broadcast", id, where.locality().name() + " " + times);
        return id;
    }

    @Transactional
    long recordTalk(Where where, TalkData data, String by) {
        return recordTalk(where, data, by, now());
    }

    /** A talk entered at the given time (a seeding or import of records written earlier); same rules. */
    @Transactional
    long recordTalk(Where where, TalkData data, String by, Instant recordedAt) {
        requireInField(where);
        String names = names(where, data.inspectors(), true);
        int count = names.split("、").length;
        if (data.kind() == TalkKind.INDIVIDUAL && count < 2) {
            throw new FieldworkRefused("fieldwork.rule.twoInspectors");
        }
        if (data.personTimes() < 1 || data.personTimes() > 10000) {
            throw new FieldworkRefused("fieldwork.rule.personTimes");
        }
        if (data.kind() == TalkKind.INDIVIDUAL && data.personTimes() != 1) {
            throw new FieldworkRefused("fieldwork.rule.individualOnePerson");
        }
        requireWithin(where, data.heldOn());
        String notes = FieldworkRecords.blankToNull(data.notes());
        long id = records.insertTalk(
                where.place(),
                new Talk(
                        0,
                        where.round().id().value(),
                        where.locality().localityId(),
                        data.kind(),
                        data.heldOn(),
                        data.place().strip(),
                        names,
                        count,
                        data.participants().strip(),
                        data.personTimes(),
                        data.topic().strip(),
                        notes == null ? null : cipher.encrypt(notes),
                        by,
                        recordedAt));
        audit(by, AuditAction.CREATE, "Talk", id, where.locality().name() + " " + data.kind());
        search.putConfidential(
                new SearchEntry(
                        SearchKind.TALK_NOTE,
                        id,
                        where.round().id().value(),
                        where.locality().localityId(),
                        where.locality().path(),
                        Visibility.OFFICE_AND_GROUP,
                        where.locality().name() + " " + data.topic().strip(),
                        data.participants().strip(),
                        "/fieldwork/rounds/" + where.round().id().value() + "/talks/" + id),
                notes == null ? "" : notes);
        return id;
    }

    /** The talk's notes for a caller who may read them (404 for a talk outside their 村居); the office's read is audited. */
    @Transactional
    @Nullable
    String notes(Talk talk, Authentication caller) {
        if (!readsNotes(caller) || talk.notesCipher() == null) {
            return null;
        }
        String notes = cipher.decrypt(talk.notesCipher());
        if (office(caller)) {
            audit.record(AuditAction.VIEW_CONFIDENTIAL, "TalkNotes", talk.id(), AuditOutcome.SUCCESS, null);
        }
        return notes;
    }

    @Transactional
    long recordVisit(Where where, VisitData data, @Nullable String photoId, String by) {
        requireInField(where);
        RosterHousehold household = roster.byIds(List.of(data.householdId())).stream()
                .filter(h -> h.localityId() == where.locality().localityId())
                .findFirst()
                .orElseThrow(() -> new FieldworkRefused(
                        "fieldwork.rule.householdNotHere", where.locality().name()));
        String names = names(where, data.inspectors(), false);
        requireWithin(where, data.visitedOn());
        long id = records.insertVisit(
                where.place(),
                new HouseholdVisit(
                        0,
                        where.round().id().value(),
                        where.locality().localityId(),
                        household.id(),
                        household.code(),
                        data.visitedOn(),
                        names.isEmpty() ? null : names,
                        FieldworkRecords.blankToNull(data.raised()),
                        data.satisfaction(),
                        photoId,
                        by,
                        now()));
        audit(by, AuditAction.CREATE, "HouseholdVisit", id, household.code());
        return id;
    }

    /**
     * Many visits of one 村居 at once (a seeding or import of visits written earlier), each with the rules of
     * {@link #recordVisit} and its time of entry: the households are looked up together and the visits go in one JDBC
     * batch with one audit entry; any visit against the rules refuses them all.
     */
    @Transactional
    int recordVisits(Where where, List<VisitData> visits, String by, Function<VisitData, Instant> recordedAt) {
        requireInField(where);
        Map<Long, RosterHousehold> households = new HashMap<>();
        roster.byIds(visits.stream().map(VisitData::householdId).toList()).stream()
                .filter(h -> h.localityId() == where.locality().localityId())
                .forEach(h -> households.put(h.id(), h));
        Map<List<InspectorId>, String> inspectorNames = new HashMap<>();
        List<Place> places = new ArrayList<>(visits.size());
        List<HouseholdVisit> rows = new ArrayList<>(visits.size());
        for (VisitData data : visits) {
            RosterHousehold household = households.get(data.householdId());
            if (household == null) {
                throw new FieldworkRefused(
                        "fieldwork.rule.householdNotHere", where.locality().name());
            }
            String inspectors = inspectorNames.computeIfAbsent(data.inspectors(), list -> names(where, list, false));
            requireWithin(where, data.visitedOn());
            places.add(where.place());
            rows.add(new HouseholdVisit(
                    0,
                    where.round().id().value(),
                    where.locality().localityId(),
                    household.id(),
                    household.code(),
                    data.visitedOn(),
                    inspectors.isEmpty() ? null : inspectors,
                    FieldworkRecords.blankToNull(data.raised()),
                    data.satisfaction(),
                    null,
                    by,
                    recordedAt.apply(data)));
        }
        records.copyVisits(places, rows);
        audit(by, AuditAction.CREATE, "HouseholdVisit", where.locality().localityId(), rows.size() + " visits");
        return rows.size();
    }

    /** Records why a special household of the 村居 remains unvisited (迁出、去世、拒绝、两次未遇). */
    @Transactional
    void excuse(Where where, long householdId, ExcuseReason reason, @Nullable String note, String by) {
        requireInField(where);
        RosterHousehold household = roster.byIds(List.of(householdId)).stream()
                .filter(h -> h.localityId() == where.locality().localityId() && h.special())
                .findFirst()
                .orElseThrow(() -> new FieldworkRefused(
                        "fieldwork.rule.notSpecialHere", where.locality().name()));
        String text = FieldworkRecords.blankToNull(note);
        if (reason == ExcuseReason.ABSENT_TWICE && text == null) {
            throw new FieldworkRefused("fieldwork.rule.absentNote");
        }
        records.saveExcuse(
                where.place(),
                new VisitExcuse(
                        where.round().id().value(),
                        household.id(),
                        where.locality().localityId(),
                        reason,
                        text,
                        by,
                        now()));
        audit(by, AuditAction.UPDATE, "VisitExcuse", household.id(), household.code() + " " + reason);
    }

    @Transactional
    long recordExamination(Where where, ExaminationData data, List<Attachment> attachments, String by) {
        requireInField(where);
        String names = names(where, data.inspectors(), true);
        requireWithin(where, data.examinedOn());
        long id = records.insertExamination(
                where.place(),
                new Examination(
                        0,
                        where.round().id().value(),
                        where.locality().localityId(),
                        data.kind(),
                        data.examinedOn(),
                        data.subject().strip(),
                        data.place().strip(),
                        names,
                        FieldworkRecords.blankToNull(data.notes()),
                        by,
                        now(),
                        attachments));
        audit(by, AuditAction.CREATE, "Examination", id, where.locality().name() + " " + data.kind());
        return id;
    }

    // coverage ---------------------------------------------------------------------------------------------------

    /** A special household of a 村居 not yet visited, with its recorded reason if any. */
    record Gap(RosterHousehold household, @Nullable VisitExcuse excuse) {}

    /** 特殊户走访情况 of one 村居: how many special households, how many visited, which remain, which are excused. */
    record Coverage(RoundLocality locality, int special, int visited, List<Gap> remaining, List<Gap> excused) {

        public int open() {
            return remaining.size();
        }
    }

    /** Coverage of special households for each of the 村居 (all of the round's that the caller passes). */
    @Transactional(readOnly = true)
    List<Coverage> coverage(RoundId round, Collection<RoundLocality> localities) {
        List<Long> ids = localities.stream().map(RoundLocality::localityId).toList();
        List<RosterHousehold> special = roster.special(ids);
        Set<Long> visited = records.visitedHouseholds(round.value(), ids);
        Map<Long, VisitExcuse> excuses = records.excuses(round.value(), ids);
        List<Coverage> coverage = new ArrayList<>();
        for (RoundLocality locality : localities) {
            int count = 0;
            int seen = 0;
            List<Gap> remaining = new ArrayList<>();
            List<Gap> excused = new ArrayList<>();
            for (RosterHousehold h : special) {
                if (h.localityId() != locality.localityId()) {
                    continue;
                }
                count++;
                if (visited.contains(h.id())) {
                    seen++;
                } else if (excuses.containsKey(h.id())) {
                    excused.add(new Gap(h, excuses.get(h.id())));
                } else {
                    remaining.add(new Gap(h, null));
                }
            }
            coverage.add(new Coverage(locality, count, seen, remaining, excused));
        }
        return coverage;
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private void audit(String by, AuditAction action, String type, Object id, String detail) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.isAuthenticated() && current.getName().equals(by)) {
            audit.record(action, type, id, AuditOutcome.SUCCESS, detail);
        } else {
            audit.recordAs(by, null, action, type, id, AuditOutcome.SUCCESS, detail);
        }
    }
}
