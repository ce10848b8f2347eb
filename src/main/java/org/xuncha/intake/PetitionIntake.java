package org.xuncha.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.confidential.FieldCipher;
import org.xuncha.confidential.Sm3;
import org.xuncha.files.FileStore;
import org.xuncha.files.FileType;
import org.xuncha.files.StoredFile;
import org.xuncha.inspectors.GroupRole;
import org.xuncha.inspectors.InspectorPool;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;
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
 * Takes petitions in (the public page and the group's registration), triages them and reveals a reporter's identity
 * to those entitled, each reveal audited. The reporter's name and phone are sealed with SM4 before they are stored
 * and appear in no petition, list, event or log line.
 */
@Service
class PetitionIntake {

    static final int MAX_PHOTOS = 5;
    static final long MAX_PHOTO_BYTES = 10L * 1024 * 1024;
    static final Set<FileType> PHOTO_TYPES = Set.of(FileType.JPEG, FileType.PNG);

    /** What the reporter tells: checked by the form before it gets here. */
    record Report(
            PetitionCategory category,
            String content,
            @Nullable String place,
            @Nullable String occurred,
            @Nullable String name,
            @Nullable String phone) {}

    /** An uploaded photo. */
    record Upload(String fileName, byte[] content) {}

    /** The receipt of a stored petition; {@code repeated} when the same submission had been stored before. */
    record Receipt(long petitionId, String code, boolean repeated) {}

    /** A reporter's identity as revealed to the entitled. */
    record Identity(@Nullable String name, @Nullable String phone) {}

    private final PetitionRecords petitions;
    private final FieldCipher cipher;
    private final FileStore files;
    private final Rounds rounds;
    private final Regions regions;
    private final InspectorPool pool;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Chinese category names for the search index's titles (the index is read by Chinese-speaking staff). */
    private static final java.util.Map<PetitionCategory, String> CATEGORY_TITLES = java.util.Map.of(
            PetitionCategory.PARTY_ORGANIZATION, "党组织作用发挥",
            PetitionCategory.CADRE_CONDUCT, "干部作风纪律",
            PetitionCategory.PETTY_CORRUPTION, "群众身边腐败",
            PetitionCategory.COLLECTIVE_ASSETS, "三资管理",
            PetitionCategory.BENEFIT_POLICIES, "惠民政策落实",
            PetitionCategory.ORGANIZED_CRIME, "扫黑除恶",
            PetitionCategory.RURAL_LAND, "农村土地",
            PetitionCategory.OTHER, "其他");

    private final SearchIndex search;

    PetitionIntake(
            PetitionRecords petitions,
            FieldCipher cipher,
            FileStore files,
            Rounds rounds,
            Regions regions,
            InspectorPool pool,
            AuditLog auditLog,
            ApplicationEventPublisher events,
            Clock clock,
            SearchIndex search) {
        this.search = search;
        this.petitions = petitions;
        this.cipher = cipher;
        this.files = files;
        this.rounds = rounds;
        this.regions = regions;
        this.pool = pool;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The 村居 of a round as the public page shows it, when the round takes reports from the public: from entering
     * the field until it closes (a notice stays on the wall after the group has left; the group still handles what
     * arrives).
     */
    @Transactional(readOnly = true)
    Optional<RoundLocality> publicTarget(RoundId round, long localityId) {
        RegionScope only = RegionScope.of(List.of(localityId));
        Optional<RoundSummary> summary = rounds.find(round, only);
        if (summary.isEmpty() || !takesPublicReports(summary.get().state())) {
            return Optional.empty();
        }
        return rounds.localities(round, only).stream()
                .filter(l -> l.localityId() == localityId)
                .findFirst();
    }

    static boolean takesPublicReports(RoundState state) {
        return state.compareTo(RoundState.IN_FIELD) >= 0 && state != RoundState.CLOSED;
    }

    /**
     * Stores a report from the public page once per submission key: the same key sent again (a double tap, a retry)
     * answers with the receipt of the first.
     */
    @Transactional
    Receipt submitPublic(String submissionKey, RoundId round, long localityId, Report report, List<Upload> photos) {
        return submitPublic(submissionKey, round, localityId, report, photos, LocalDate.now(clock));
    }

    /** As above, arrived on the given day (the demo's reports arrived during the pilot's fieldwork). */
    @Transactional
    Receipt submitPublic(
            String submissionKey,
            RoundId round,
            long localityId,
            Report report,
            List<Upload> photos,
            LocalDate receivedOn) {
        Optional<byte[]> earlier = petitions.receiptOfSubmission(submissionKey);
        if (earlier.isPresent()) {
            return repeated(submissionKey, earlier.get());
        }
        RoundLocality target =
                publicTarget(round, localityId).orElseThrow(() -> new IntakeRuleViolation("report.roundClosed"));
        List<PetitionRecords.Photo> kept = keep(photos);
        Optional<Receipt> stored =
                store(round, target, PetitionChannel.QR_CODE, receivedOn, null, report, submissionKey, kept);
        // a concurrent retry with the same key stored first: answer with its receipt
        return stored.orElseGet(() -> repeated(
                submissionKey, petitions.receiptOfSubmission(submissionKey).orElseThrow()));
    }

    /** Registers a petition that reached the group by phone, letter, the mailbox or a visit. */
    @Transactional
    Receipt register(
            RoundId round,
            long localityId,
            PetitionChannel channel,
            LocalDate receivedOn,
            Report report,
            List<Upload> photos,
            RegionScope scope,
            Authentication caller) {
        RoundLocality target = rounds.localities(round, scope, caller).stream()
                .filter(l -> l.localityId() == localityId)
                .findFirst()
                .orElseThrow(() -> new NotFound("locality " + localityId + " of round " + round));
        return register(round, target, channel, receivedOn, report, photos, caller.getName());
    }

    /** Registers on behalf of a named member of the group (the demo); the same rules. */
    @Transactional
    Receipt registerAs(
            RoundId round, long localityId, PetitionChannel channel, LocalDate receivedOn, Report report, String by) {
        RoundLocality target = rounds.localities(round, RegionScope.of(List.of(localityId))).stream()
                .filter(l -> l.localityId() == localityId)
                .findFirst()
                .orElseThrow(() -> new NotFound("locality " + localityId + " of round " + round));
        return register(round, target, channel, receivedOn, report, List.of(), by);
    }

    private Receipt register(
            RoundId round,
            RoundLocality target,
            PetitionChannel channel,
            LocalDate receivedOn,
            Report report,
            List<Upload> photos,
            String by) {
        if (!channel.registeredByGroup()) {
            throw new IllegalArgumentException("QR_CODE petitions come from the public page only");
        }
        groupRole(round, target.localityId(), by)
                .orElseThrow(() -> new AccessDeniedException("not in the group of this 村居"));
        if (receivedOn.isAfter(LocalDate.now(clock))) {
            throw new IntakeRuleViolation("petition.receivedOn.future");
        }
        List<PetitionRecords.Photo> kept = keep(photos);
        Receipt receipt = store(round, target, channel, receivedOn, by, report, null, kept)
                .orElseThrow();
        auditLog.recordAs(
                by, null, AuditAction.CREATE, "Petition", receipt.petitionId(), AuditOutcome.SUCCESS, channel.name());
        return receipt;
    }

    /** The petition within the caller's scope (and, for a group, of its own 村居). */
    @Transactional(readOnly = true)
    Optional<Petition> find(long id, RegionScope scope, Authentication caller) {
        return petitions.find(id, Scope.of(scope, regions)).filter(p -> visibleToGroup(p, scope, caller));
    }

    /** The receipt code of a petition the group registered, to tell the person who called, wrote or came. */
    @Transactional(readOnly = true)
    Optional<String> receiptToTell(Petition petition) {
        if (!petition.channel().registeredByGroup()) {
            return Optional.empty();
        }
        return petitions.receiptOf(petition.id()).map(code -> new ReceiptCode(cipher.decrypt(code)).grouped());
    }

    /** Whether the caller may triage: the leader or deputy of the group that takes the petition's 村居. */
    boolean mayTriage(Petition petition, Authentication caller) {
        return groupRole(petition.roundId(), petition.localityId(), caller.getName())
                .filter(role -> role == GroupRole.LEADER || role == GroupRole.DEPUTY)
                .isPresent();
    }

    /** Whether the caller may reveal the identity: the leader of that group, or the office director. */
    boolean mayReveal(Petition petition, Authentication caller) {
        return hasRole(caller, "ROLE_OFFICE_DIRECTOR")
                || groupRole(petition.roundId(), petition.localityId(), caller.getName())
                        .filter(role -> role == GroupRole.LEADER)
                        .isPresent();
    }

    /** Triages a petition (分办) as the group's leader or deputy; publishes {@link PetitionTriaged}. */
    @Transactional
    Petition triage(long id, int version, Petition.Decision decision, RegionScope scope, Authentication caller) {
        Petition petition = find(id, scope, caller).orElseThrow(() -> new NotFound("petition " + id));
        if (!mayTriage(petition, caller)) {
            throw new AccessDeniedException("only the group's leader or deputy triages");
        }
        return triage(petition, version, decision, caller.getName());
    }

    /** Triages on behalf of a named group leader (the demo); the same rules. */
    @Transactional
    Petition triageAs(long id, Petition.Decision decision, String username) {
        Petition petition = petitions.find(id).orElseThrow(() -> new NotFound("petition " + id));
        boolean leads = groupRole(petition.roundId(), petition.localityId(), username)
                .filter(role -> role == GroupRole.LEADER || role == GroupRole.DEPUTY)
                .isPresent();
        if (!leads) {
            throw new AccessDeniedException("only the group's leader or deputy triages");
        }
        return triage(petition, petition.version(), decision, username);
    }

    private Petition triage(Petition petition, int version, Petition.Decision decision, String by) {
        if (petition.version() != version) {
            throw new org.springframework.dao.OptimisticLockingFailureException(
                    "petition " + petition.id() + " changed since it was read");
        }
        Instant now = Instant.now(clock);
        Petition triaged = petition.triaged(decision, by, now);
        petitions.update(triaged);
        auditLog.recordAs(
                by,
                null,
                AuditAction.UPDATE,
                "Petition",
                petition.id(),
                AuditOutcome.SUCCESS,
                "triage " + decision.triage().name());
        events.publishEvent(new PetitionTriaged(
                petition.id(),
                petition.roundId(),
                petition.localityId(),
                decision.triage(),
                petition.category().name(),
                petition.content(),
                decision.reason() == null ? "" : decision.reason(),
                by,
                now));
        return petitions.find(petition.id()).orElseThrow();
    }

    /**
     * Decrypts the reporter's name and phone for the group's leader or the office director, writing the reveal to the
     * audit log (who, when, which petition; never what was revealed). Anyone else is refused, and that is audited too.
     */
    @Transactional
    Identity reveal(long id, RegionScope scope, Authentication caller) {
        Petition petition = find(id, scope, caller).orElseThrow(() -> new NotFound("petition " + id));
        if (!mayReveal(petition, caller)) {
            auditLog.record(AuditAction.VIEW_CONFIDENTIAL, "Petition", id, AuditOutcome.DENIED, "reporter identity");
            throw new AccessDeniedException("only the group's leader and the office director reveal a reporter");
        }
        PetitionRecords.SealedIdentity kept = petitions.identity(id);
        auditLog.record(AuditAction.VIEW_CONFIDENTIAL, "Petition", id, AuditOutcome.SUCCESS, "reporter identity");
        return new Identity(
                kept.name() == null ? null : cipher.decrypt(kept.name()),
                kept.phone() == null ? null : cipher.decrypt(kept.phone()));
    }

    /** The status and public reply a receipt code shows, nothing else. */
    @Transactional(readOnly = true)
    Optional<PetitionRecords.PublicStatus> status(String typedCode) {
        return ReceiptCode.parse(typedCode).flatMap(code -> petitions.publicStatus(digest(code)));
    }

    private Optional<Receipt> store(
            RoundId round,
            RoundLocality target,
            PetitionChannel channel,
            LocalDate receivedOn,
            @Nullable String registeredBy,
            Report report,
            @Nullable String submissionKey,
            List<PetitionRecords.Photo> photos) {
        ReceiptCode code = ReceiptCode.random();
        String name = Petition.blankToNull(report.name());
        String phone = Petition.blankToNull(report.phone());
        Optional<Long> id = petitions.insert(new PetitionRecords.NewPetition(
                round,
                target.localityId(),
                target.name(),
                target.townshipName(),
                target.path(),
                channel,
                report.category(),
                report.content().strip(),
                Petition.blankToNull(report.place()),
                Petition.blankToNull(report.occurred()),
                receivedOn,
                registeredBy,
                name == null ? null : cipher.encrypt(name),
                phone == null ? null : cipher.encrypt(phone),
                digest(code),
                cipher.encrypt(code.value()),
                submissionKey));
        id.ifPresent(petitionId -> photos.forEach(photo -> petitions.insertPhoto(petitionId, photo)));
        id.ifPresent(petitionId -> search.put(new SearchEntry(
                SearchKind.PETITION,
                petitionId,
                round.value(),
                target.localityId(),
                target.path(),
                Visibility.OFFICE_AND_GROUP,
                target.name() + " " + CATEGORY_TITLES.get(report.category()),
                report.content().strip(),
                "/petitions/" + petitionId)));
        return id.map(petitionId -> new Receipt(petitionId, code.grouped(), false));
    }

    /** Checks and keeps the photos, all or none: the first refused names its file. */
    private List<PetitionRecords.Photo> keep(List<Upload> photos) {
        if (photos.size() > MAX_PHOTOS) {
            throw new IntakeRuleViolation("report.photos.tooMany", MAX_PHOTOS);
        }
        List<PetitionRecords.Photo> kept = new ArrayList<>();
        for (Upload photo : photos) {
            StoredFile stored = files.store(photo.fileName(), photo.content(), PHOTO_TYPES, MAX_PHOTO_BYTES);
            kept.add(new PetitionRecords.Photo(
                    kept.size() + 1, stored.id(), stored.type().name(), stored.size()));
        }
        return kept;
    }

    private Receipt repeated(String submissionKey, byte[] sealedCode) {
        long id = petitions.idOfSubmission(submissionKey);
        return new Receipt(id, new ReceiptCode(cipher.decrypt(sealedCode)).grouped(), true);
    }

    private boolean visibleToGroup(Petition petition, RegionScope scope, Authentication caller) {
        if (!rounds.groupOnly(caller)) {
            return true;
        }
        return rounds.localities(petition.roundId(), scope, caller).stream()
                .anyMatch(l -> l.localityId() == petition.localityId());
    }

    private Optional<GroupRole> groupRole(RoundId round, long localityId, String username) {
        Optional<RoundGroup> group = rounds.groupOf(round, localityId);
        return pool.inspectorOf(username)
                .flatMap(inspector -> group.flatMap(g -> g.member(inspector)))
                .map(RoundGroup.Member::role);
    }

    static boolean hasRole(Authentication caller, String authority) {
        return caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(authority::equals);
    }

    static String digest(ReceiptCode code) {
        return Sm3.hex("receipt:" + code.value());
    }

    /** A petition or 村居 outside the caller's reach: answered 404. */
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    static class NotFound extends RuntimeException {
        NotFound(String what) {
            super(what + " not found");
        }
    }
}
