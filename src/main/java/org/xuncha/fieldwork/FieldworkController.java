package org.xuncha.fieldwork;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.fieldwork.Records.Attachment;
import org.xuncha.fieldwork.Records.Talk;
import org.xuncha.files.FileRejected;
import org.xuncha.files.FileStore;
import org.xuncha.files.FileType;
import org.xuncha.files.StoredFile;
import org.xuncha.inspectors.InspectorId;
import org.xuncha.organization.HouseholdRoster;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.RosterHousehold;
import org.xuncha.planning.RoundGroup;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundSummary;
import org.xuncha.planning.Rounds;
import org.xuncha.web.Paged;

/**
 * 进驻工作 pages: the rounds in the field, the round's workspace (for a group its own 村居, for the office every group
 * and 村居 with its figures and the special households still open), a 村居's records with their forms, a talk with
 * its notes, and the phone form for household visits.
 */
@Controller
class FieldworkController {

    static final long PHOTO_BYTES = 10L * 1024 * 1024;
    static final long ATTACHMENT_BYTES = 20L * 1024 * 1024;

    private final Fieldwork fieldwork;
    private final FieldworkFigures figures;
    private final FieldworkRecords records;
    private final Rounds rounds;
    private final HouseholdRoster roster;
    private final FileStore files;
    private final MessageSource messages;

    FieldworkController(
            Fieldwork fieldwork,
            FieldworkFigures figures,
            FieldworkRecords records,
            Rounds rounds,
            HouseholdRoster roster,
            FileStore files,
            MessageSource messages) {
        this.fieldwork = fieldwork;
        this.figures = figures;
        this.records = records;
        this.rounds = rounds;
        this.roster = roster;
        this.files = files;
        this.messages = messages;
    }

    @GetMapping("/fieldwork")
    @PreAuthorize(Access.READ)
    String index(@RequestParam(defaultValue = "1") int page, RegionScope scope, Authentication caller, Model model) {
        Paged<RoundSummary> visible =
                rounds.visible(scope, caller, Paged.pageNumber(page), Paged.pageSize(Paged.DEFAULT_SIZE));
        model.addAttribute("rounds", visible);
        return "fieldwork/index";
    }

    /** The round's workspace (group) and overview (office): per group and 村居 the figures and the open households. */
    @GetMapping("/fieldwork/rounds/{id}")
    @PreAuthorize(Access.READ)
    String round(@PathVariable long id, RegionScope scope, Authentication caller, Model model) {
        RoundId roundId = new RoundId(id);
        RoundSummary round = fieldwork.round(roundId, scope, caller);
        List<RoundLocality> localities = fieldwork.localities(roundId, scope, caller);
        FieldworkFigures.RoundFigures totals = figures.of(roundId, localities);
        Map<Long, FieldworkFigures.LocalityFigures> byLocality = totals.localities().stream()
                .collect(Collectors.toMap(FieldworkFigures.LocalityFigures::localityId, Function.identity()));
        Map<Long, Fieldwork.Coverage> coverage = fieldwork.coverage(roundId, localities).stream()
                .collect(Collectors.toMap(c -> c.locality().localityId(), Function.identity()));
        Map<RoundGroup, List<RoundLocality>> groups = new LinkedHashMap<>();
        for (RoundGroup group : rounds.groups(roundId, scope, caller)) {
            List<RoundLocality> ofGroup =
                    localities.stream().filter(l -> group.takes(l.localityId())).toList();
            if (!ofGroup.isEmpty()) {
                groups.put(group, ofGroup);
            }
        }
        model.addAttribute("round", round);
        model.addAttribute("groups", groups);
        model.addAttribute("figures", byLocality);
        model.addAttribute("totals", totals);
        model.addAttribute("coverage", coverage);
        return "fieldwork/round";
    }

    /** One 村居 of the round: notices and postings, broadcasts, talks, visits, open households, examinations. */
    @GetMapping("/fieldwork/rounds/{id}/localities/{localityId}")
    @PreAuthorize(Access.READ)
    String locality(
            @PathVariable long id,
            @PathVariable long localityId,
            RegionScope scope,
            Authentication caller,
            Model model) {
        RoundId roundId = new RoundId(id);
        Fieldwork.Where where = fieldwork.where(roundId, localityId, scope, caller);
        List<Long> one = List.of(localityId);
        model.addAttribute("where", where);
        model.addAttribute("round", where.round());
        model.addAttribute("locality", where.locality());
        model.addAttribute(
                "figures",
                figures.of(roundId, List.of(where.locality())).localities().get(0));
        model.addAttribute(
                "coverage",
                fieldwork.coverage(roundId, List.of(where.locality())).get(0));
        model.addAttribute("postings", records.postings(id, one));
        model.addAttribute("broadcasts", records.broadcasts(id, one));
        model.addAttribute("talks", records.talks(id, one));
        List<Records.HouseholdVisit> visits = records.visits(id, one, 200);
        model.addAttribute("visits", visits);
        model.addAttribute(
                "households",
                roster
                        .byIds(visits.stream()
                                .map(Records.HouseholdVisit::householdId)
                                .collect(Collectors.toSet()))
                        .stream()
                        .collect(Collectors.toMap(RosterHousehold::id, Function.identity())));
        model.addAttribute("examinations", records.examinations(id, one));
        model.addAttribute("today", Fieldwork.suggestedDay(where.round(), LocalDate.now()));
        model.addAttribute("talkKinds", TalkKind.values());
        model.addAttribute("examinationKinds", ExaminationKind.values());
        model.addAttribute("reasons", ExcuseReason.values());
        return "fieldwork/locality";
    }

    @PostMapping("/fieldwork/rounds/{id}/localities/{localityId}/postings")
    @PreAuthorize(Access.RECORD)
    String post(
            @PathVariable long id,
            @PathVariable long localityId,
            @RequestParam(required = false) @Nullable String villagerGroup,
            @RequestParam(required = false) @Nullable String naturalVillage,
            @RequestParam String location,
            @RequestParam int copies,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate postedOn,
            @RequestParam(required = false) @Nullable MultipartFile photo,
            RegionScope scope,
            Authentication caller,
            RedirectAttributes redirect)
            throws IOException {
        Fieldwork.Where where = fieldwork.where(new RoundId(id), localityId, scope, caller);
        return recorded(redirect, id, localityId, "postings", () -> {
            requireText(location, "fieldwork.posting.location");
            String photoId = photo(photo);
            fieldwork.recordPosting(
                    where,
                    new Fieldwork.PostingData(villagerGroup, naturalVillage, location, copies, postedOn),
                    photoId,
                    caller.getName());
        });
    }

    @PostMapping("/fieldwork/rounds/{id}/localities/{localityId}/broadcasts")
    @PreAuthorize(Access.RECORD)
    String broadcast(
            @PathVariable long id,
            @PathVariable long localityId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate broadcastOn,
            @RequestParam String place,
            @RequestParam int times,
            RegionScope scope,
            Authentication caller,
            RedirectAttributes redirect) {
        Fieldwork.Where where = fieldwork.where(new RoundId(id), localityId, scope, caller);
        return recorded(redirect, id, localityId, "broadcasts", () -> {
            requireText(place, "fieldwork.broadcast.place");
            fieldwork.recordBroadcast(where, broadcastOn, place, times, caller.getName());
        });
    }

    @PostMapping("/fieldwork/rounds/{id}/localities/{localityId}/talks")
    @PreAuthorize(Access.RECORD)
    String talk(
            @PathVariable long id,
            @PathVariable long localityId,
            @RequestParam TalkKind kind,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
            @RequestParam String place,
            @RequestParam(required = false) @Nullable List<Long> inspectors,
            @RequestParam String participants,
            @RequestParam int personTimes,
            @RequestParam String topic,
            @RequestParam(required = false) @Nullable String notes,
            RegionScope scope,
            Authentication caller,
            RedirectAttributes redirect) {
        Fieldwork.Where where = fieldwork.where(new RoundId(id), localityId, scope, caller);
        return recorded(redirect, id, localityId, "talks", () -> {
            requireText(place, "fieldwork.talk.place");
            requireText(participants, "fieldwork.talk.participants");
            requireText(topic, "fieldwork.talk.topic");
            fieldwork.recordTalk(
                    where,
                    new Fieldwork.TalkData(
                            kind, heldOn, place, inspectorIds(inspectors), participants, personTimes, topic, notes),
                    caller.getName());
        });
    }

    /** A talk: notes only for the group and the office (the office's read is audited); 404 outside the caller's 村居. */
    @GetMapping("/fieldwork/rounds/{id}/talks/{talkId}")
    @PreAuthorize(Access.READ)
    String talk(
            @PathVariable long id, @PathVariable long talkId, RegionScope scope, Authentication caller, Model model) {
        RoundId roundId = new RoundId(id);
        List<Long> visible = fieldwork.localityIds(roundId, scope, caller);
        Talk talk = records.talk(talkId, id, visible).orElseThrow(Fieldwork::notFound);
        Fieldwork.Where where = fieldwork.where(roundId, talk.localityId(), scope, caller);
        model.addAttribute("round", where.round());
        model.addAttribute("locality", where.locality());
        model.addAttribute("talk", talk);
        model.addAttribute("notesShown", Fieldwork.readsNotes(caller));
        model.addAttribute("notes", fieldwork.notes(talk, caller));
        return "fieldwork/talk";
    }

    @PostMapping("/fieldwork/rounds/{id}/localities/{localityId}/excuses")
    @PreAuthorize(Access.RECORD)
    String excuse(
            @PathVariable long id,
            @PathVariable long localityId,
            @RequestParam long household,
            @RequestParam ExcuseReason reason,
            @RequestParam(required = false) @Nullable String note,
            RegionScope scope,
            Authentication caller,
            RedirectAttributes redirect) {
        Fieldwork.Where where = fieldwork.where(new RoundId(id), localityId, scope, caller);
        return recorded(
                redirect,
                id,
                localityId,
                "coverage",
                () -> fieldwork.excuse(where, household, reason, note, caller.getName()));
    }

    @PostMapping("/fieldwork/rounds/{id}/localities/{localityId}/examinations")
    @PreAuthorize(Access.RECORD)
    String examination(
            @PathVariable long id,
            @PathVariable long localityId,
            @RequestParam ExaminationKind kind,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate examinedOn,
            @RequestParam String subject,
            @RequestParam String place,
            @RequestParam(required = false) @Nullable List<Long> inspectors,
            @RequestParam(required = false) @Nullable String notes,
            @RequestParam(required = false) @Nullable List<MultipartFile> attachments,
            RegionScope scope,
            Authentication caller,
            RedirectAttributes redirect) {
        Fieldwork.Where where = fieldwork.where(new RoundId(id), localityId, scope, caller);
        return recorded(redirect, id, localityId, "examinations", () -> {
            requireText(subject, "fieldwork.examination.subject");
            requireText(place, "fieldwork.examination.place");
            List<Attachment> kept = new ArrayList<>();
            if (attachments != null) {
                for (MultipartFile file : attachments) {
                    if (file.isEmpty()) {
                        continue;
                    }
                    StoredFile stored = files.store(
                            name(file),
                            file.getBytes(),
                            Set.of(FileType.JPEG, FileType.PNG, FileType.PDF, FileType.OOXML),
                            ATTACHMENT_BYTES);
                    kept.add(new Attachment(kept.size() + 1, stored.id(), name(file)));
                }
            }
            fieldwork.recordExamination(
                    where,
                    new Fieldwork.ExaminationData(kind, examinedOn, subject, place, inspectorIds(inspectors), notes),
                    kept,
                    caller.getName());
        });
    }

    /** A photo or attachment of a record in the round, when that record is in the caller's 村居. */
    @GetMapping("/fieldwork/rounds/{id}/files/{fileId}")
    @PreAuthorize(Access.READ)
    ResponseEntity<byte[]> file(
            @PathVariable long id, @PathVariable String fileId, RegionScope scope, Authentication caller)
            throws IOException {
        List<Long> visible = fieldwork.localityIds(new RoundId(id), scope, caller);
        boolean within = records.photoWithin(fileId, id, visible)
                || records.attachment(fileId, id, visible).isPresent();
        if (!within) {
            throw Fieldwork.notFound();
        }
        try (var in = files.open(fileId).orElseThrow(Fieldwork::notFound)) {
            byte[] bytes = in.readAllBytes();
            FileType type = FileType.sniff(bytes);
            return ResponseEntity.ok()
                    .contentType(
                            type == null
                                    ? MediaType.APPLICATION_OCTET_STREAM
                                    : MediaType.parseMediaType(type.mediaType()))
                    .header("Content-Disposition", "attachment; filename=\"" + fileId + "\"")
                    .body(bytes);
        }
    }

    // the phone form ---------------------------------------------------------------------------------------------

    /** The phone form: pick the 村居, search the household (special households first), record the visit. */
    @GetMapping("/fieldwork/rounds/{id}/visit")
    @PreAuthorize(Access.RECORD)
    String visitForm(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long locality,
            @RequestParam(required = false) @Nullable Long household,
            @RequestParam(defaultValue = "") String q,
            RegionScope scope,
            Authentication caller,
            Model model) {
        RoundId roundId = new RoundId(id);
        RoundSummary round = fieldwork.round(roundId, scope, caller);
        List<RoundLocality> localities = fieldwork.localities(roundId, scope, caller);
        model.addAttribute("round", round);
        model.addAttribute("localities", localities);
        model.addAttribute("q", q);
        if (locality != null) {
            Fieldwork.Where where = fieldwork.where(roundId, locality, scope, caller);
            Fieldwork.Coverage coverage =
                    fieldwork.coverage(roundId, List.of(where.locality())).get(0);
            model.addAttribute("where", where);
            model.addAttribute("coverage", coverage);
            Set<Long> open =
                    coverage.remaining().stream().map(g -> g.household().id()).collect(Collectors.toSet());
            model.addAttribute("open", open);
            // special households not yet visited first, then the other special ones, then the rest
            model.addAttribute(
                    "candidates",
                    roster.ofLocality(locality, q, scope, 60).stream()
                            .sorted(Comparator.comparing((RosterHousehold h) -> !open.contains(h.id())))
                            .limit(30)
                            .toList());
            if (household != null) {
                RosterHousehold picked = roster.byIds(List.of(household)).stream()
                        .filter(h -> h.localityId() == locality)
                        .findFirst()
                        .orElseThrow(Fieldwork::notFound);
                model.addAttribute("household", picked);
                model.addAttribute("satisfactions", Satisfaction.values());
                model.addAttribute("today", Fieldwork.suggestedDay(round, LocalDate.now()));
            }
        }
        return "fieldwork/visit";
    }

    @PostMapping("/fieldwork/rounds/{id}/visits")
    @PreAuthorize(Access.RECORD)
    String visit(
            @PathVariable long id,
            @RequestParam long locality,
            @RequestParam long household,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn,
            @RequestParam(required = false) @Nullable List<Long> inspectors,
            @RequestParam(required = false) @Nullable String raised,
            @RequestParam Satisfaction satisfaction,
            @RequestParam(required = false) @Nullable MultipartFile photo,
            RegionScope scope,
            Authentication caller,
            RedirectAttributes redirect) {
        Fieldwork.Where where = fieldwork.where(new RoundId(id), locality, scope, caller);
        try {
            String photoId = photo(photo);
            fieldwork.recordVisit(
                    where,
                    new Fieldwork.VisitData(household, visitedOn, inspectorIds(inspectors), raised, satisfaction),
                    photoId,
                    caller.getName());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/fieldwork/rounds/" + id + "/visit?locality=" + locality;
        } catch (FieldworkRefused refused) {
            redirect.addFlashAttribute("error", message(refused.messageKey(), refused.args()));
        } catch (FileRejected rejected) {
            redirect.addFlashAttribute("error", message(rejected.messageKey(), rejected.args()));
        } catch (IOException e) {
            redirect.addFlashAttribute("error", message("fieldwork.upload.failed"));
        }
        return "redirect:/fieldwork/rounds/" + id + "/visit?locality=" + locality + "&household=" + household;
    }

    // helpers ----------------------------------------------------------------------------------------------------

    interface Recording {
        void run() throws IOException;
    }

    private String recorded(RedirectAttributes redirect, long id, long localityId, String anchor, Recording recording) {
        try {
            recording.run();
            redirect.addFlashAttribute("saved", true);
        } catch (FieldworkRefused refused) {
            redirect.addFlashAttribute("error", message(refused.messageKey(), refused.args()));
        } catch (FileRejected rejected) {
            redirect.addFlashAttribute("error", message(rejected.messageKey(), rejected.args()));
        } catch (IOException e) {
            redirect.addFlashAttribute("error", message("fieldwork.upload.failed"));
        }
        return "redirect:/fieldwork/rounds/" + id + "/localities/" + localityId + "#" + anchor;
    }

    private @Nullable String photo(@Nullable MultipartFile photo) throws IOException {
        if (photo == null || photo.isEmpty()) {
            return null;
        }
        return files.store(name(photo), photo.getBytes(), Set.of(FileType.JPEG, FileType.PNG), PHOTO_BYTES)
                .id();
    }

    private static String name(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name == null || name.isBlank() ? "upload" : name;
    }

    private static List<InspectorId> inspectorIds(@Nullable List<Long> ids) {
        return ids == null ? List.of() : ids.stream().map(InspectorId::new).toList();
    }

    private static void requireText(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            throw new FieldworkRefused("fieldwork.rule.required", field);
        }
    }

    private String message(String key, Object... args) {
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            resolved[i] = args[i] instanceof String s && s.startsWith("fieldwork.")
                    ? messages.getMessage(s, null, s, LocaleContextHolder.getLocale())
                    : args[i];
        }
        return messages.getMessage(key, resolved, LocaleContextHolder.getLocale());
    }
}
