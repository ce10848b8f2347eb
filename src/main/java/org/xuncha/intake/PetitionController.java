package org.xuncha.intake;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.files.FileRejected;
import org.xuncha.files.FileStore;
import org.xuncha.organization.RegionScope;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundSummary;
import org.xuncha.planning.Rounds;
import org.xuncha.web.Paged;

/**
 * Petitions for the groups and the office: a round's petitions (a group sees its own 村居), registering one that came
 * by phone, letter, mailbox or visit, the petition page with triage and the audited reveal, the office's list of the
 * district's petitions with their age and the untriaged filter, and its .xlsx export.
 */
@Controller
class PetitionController {

    /** A petition the group registers. */
    record RegistrationForm(
            @NotNull @Nullable Long locality,
            @NotNull @Nullable PetitionChannel channel,

            @NotNull @Nullable @PastOrPresent @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate receivedOn,

            @NotNull @Nullable PetitionCategory category,
            @NotBlank @Size(max = 2000) String content,
            @Size(max = 200) @Nullable String place,
            @Size(max = 100) @Nullable String occurred,
            @Size(max = 50) @Nullable String name,

            @Pattern(regexp = PublicReportController.PHONE) @Nullable
            String phone) {

        PetitionIntake.Report report() {
            return new PetitionIntake.Report(Objects.requireNonNull(category), content, place, occurred, name, phone);
        }
    }

    /** The group's triage. */
    record TriageForm(
            @NotNull @Nullable Triage triage,
            @Size(max = 200) @Nullable String forwardedTo,
            @Size(max = 1000) @Nullable String reason,
            @Size(max = 1000) @Nullable String publicReply,
            int version) {

        Petition.Decision decision() {
            return new Petition.Decision(Objects.requireNonNull(triage), forwardedTo, reason, publicReply);
        }
    }

    private final PetitionIntake intake;
    private final PetitionRecords records;
    private final PetitionExport export;
    private final Rounds rounds;
    private final FileStore files;
    private final IntakeMessages messages;
    private final org.xuncha.organization.Regions regions;
    private final Clock clock;

    PetitionController(
            PetitionIntake intake,
            PetitionRecords records,
            PetitionExport export,
            Rounds rounds,
            FileStore files,
            IntakeMessages messages,
            org.xuncha.organization.Regions regions,
            Clock clock) {
        this.intake = intake;
        this.records = records;
        this.export = export;
        this.rounds = rounds;
        this.files = files;
        this.messages = messages;
        this.regions = regions;
        this.clock = clock;
    }

    /**
     * The office sees the district's petitions (with the untriaged filter and each one's age); a group member goes
     * to the petitions of the latest round they serve in.
     */
    @GetMapping("/petitions")
    @PreAuthorize(Access.READ)
    String list(
            @RequestParam(defaultValue = "false") boolean untriaged,
            @RequestParam(required = false) @Nullable Long round,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String hx,
            RegionScope scope,
            Authentication caller,
            Model model) {
        if (rounds.groupOnly(caller)) {
            List<RoundSummary> mine = rounds.visible(scope, caller, 0, 1).items();
            if (mine.isEmpty()) {
                model.addAttribute("rounds", List.of());
                return "intake/no-round";
            }
            return "redirect:/rounds/" + mine.get(0).id().value() + "/petitions";
        }
        PetitionRecords.Filter filter =
                new PetitionRecords.Filter(round == null ? null : new RoundId(round), null, untriaged);
        model.addAttribute("untriaged", untriaged);
        model.addAttribute("roundFilter", round);
        model.addAttribute("rounds", rounds.visible(scope, caller, 0, 200).items());
        model.addAttribute("results", records.page(filter, Scope.of(scope, regions), Paged.pageNumber(page), 20));
        model.addAttribute("today", LocalDate.now(clock));
        return hx != null ? "intake/petitions :: results" : "intake/petitions";
    }

    /** A round's petitions: a group sees those of its own 村居, the office those within its scope. */
    @GetMapping("/rounds/{round}/petitions")
    @PreAuthorize(Access.READ)
    String ofRound(
            @PathVariable long round,
            @RequestParam(defaultValue = "false") boolean untriaged,
            @RequestParam(defaultValue = "0") int page,
            RegionScope scope,
            Authentication caller,
            Model model) {
        RoundSummary summary = rounds.find(new RoundId(round), scope, caller)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<RoundLocality> localities = rounds.localities(summary.id(), scope, caller);
        PetitionRecords.Filter filter = new PetitionRecords.Filter(
                summary.id(), localities.stream().map(RoundLocality::localityId).toList(), untriaged);
        model.addAttribute("round", summary);
        model.addAttribute("untriaged", untriaged);
        model.addAttribute("results", records.page(filter, Scope.of(scope, regions), Paged.pageNumber(page), 20));
        model.addAttribute("today", LocalDate.now(clock));
        return "intake/round-petitions";
    }

    @GetMapping("/rounds/{round}/petitions/new")
    @PreAuthorize(Access.REGISTER)
    String registration(@PathVariable long round, RegionScope scope, Authentication caller, Model model) {
        RoundSummary summary = rounds.find(new RoundId(round), scope, caller)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return registrationForm(
                model,
                summary,
                rounds.localities(summary.id(), scope, caller),
                new RegistrationForm(null, null, LocalDate.now(clock), null, "", null, null, null, null),
                Map.of());
    }

    @PostMapping("/rounds/{round}/petitions")
    @PreAuthorize(Access.REGISTER)
    String register(
            @PathVariable long round,
            @Valid @ModelAttribute("form") RegistrationForm form,
            BindingResult binding,
            @RequestParam(value = "photos", required = false) @Nullable List<MultipartFile> photos,
            RegionScope scope,
            Authentication caller,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        RoundSummary summary = rounds.find(new RoundId(round), scope, caller)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<RoundLocality> localities = rounds.localities(summary.id(), scope, caller);
        Map<String, String> errors = new LinkedHashMap<>(messages.of(binding));
        if (form.channel() == PetitionChannel.QR_CODE) {
            errors.put("channel", messages.get("petition.channel.required"));
        }
        List<PetitionIntake.Upload> uploads = PublicReportController.uploads(photos);
        if (uploads.size() > PetitionIntake.MAX_PHOTOS) {
            errors.put("photos", messages.get("report.photos.tooMany", PetitionIntake.MAX_PHOTOS));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return registrationForm(model, summary, localities, form, errors);
        }
        try {
            PetitionIntake.Receipt receipt = intake.register(
                    summary.id(),
                    Objects.requireNonNull(form.locality()),
                    Objects.requireNonNull(form.channel()),
                    Objects.requireNonNull(form.receivedOn()),
                    form.report(),
                    uploads,
                    scope,
                    caller);
            redirect.addFlashAttribute("registered", receipt.code());
            return "redirect:/petitions/" + receipt.petitionId();
        } catch (PetitionIntake.NotFound notFound) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return registrationForm(
                    model, summary, localities, form, Map.of("locality", messages.get("petition.locality.required")));
        } catch (FileRejected rejected) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return registrationForm(model, summary, localities, form, Map.of("photos", messages.of(rejected)));
        } catch (IntakeRuleViolation refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return registrationForm(model, summary, localities, form, Map.of("photos", messages.of(refused)));
        }
    }

    @GetMapping("/petitions/{id}")
    @PreAuthorize(Access.READ)
    String petition(@PathVariable long id, RegionScope scope, Authentication caller, Model model) {
        Petition petition = found(id, scope, caller);
        return page(model, petition, caller, null, Map.of());
    }

    @PostMapping("/petitions/{id}/triage")
    @PreAuthorize(Access.TRIAGE)
    String triage(
            @PathVariable long id,
            @Valid @ModelAttribute("triageForm") TriageForm form,
            BindingResult binding,
            RegionScope scope,
            Authentication caller,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Petition petition = found(id, scope, caller);
        Map<String, String> errors = messages.of(binding);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(model, petition, caller, null, errors);
        }
        try {
            intake.triage(id, form.version(), form.decision(), scope, caller);
        } catch (IntakeRuleViolation refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(model, petition, caller, null, Map.of("triage", messages.of(refused)));
        }
        redirect.addFlashAttribute("triaged", true);
        return "redirect:/petitions/" + id;
    }

    /** Shows the reporter's name and phone on this response only, after writing the reveal to the audit log. */
    @PostMapping("/petitions/{id}/reveal")
    @PreAuthorize(Access.REVEAL)
    String reveal(
            @PathVariable long id,
            RegionScope scope,
            Authentication caller,
            HttpServletResponse response,
            Model model) {
        Petition petition = found(id, scope, caller);
        PetitionIntake.Identity identity = intake.reveal(id, scope, caller);
        response.setHeader("Cache-Control", "no-store");
        return page(model, petition, caller, identity, Map.of());
    }

    @GetMapping("/petitions/{id}/photos/{position}")
    @PreAuthorize(Access.READ)
    void photo(
            @PathVariable long id,
            @PathVariable int position,
            RegionScope scope,
            Authentication caller,
            HttpServletResponse response)
            throws IOException {
        found(id, scope, caller);
        PetitionRecords.Photo photo = records.photos(id).stream()
                .filter(p -> p.position() == position)
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try (InputStream in =
                files.open(photo.fileId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))) {
            response.setContentType(
                    photo.type().equals("PNG") ? MediaType.IMAGE_PNG_VALUE : MediaType.IMAGE_JPEG_VALUE);
            response.setHeader("Cache-Control", "private, no-store");
            in.transferTo(response.getOutputStream());
        }
    }

    @GetMapping("/petitions/export.xlsx")
    @PreAuthorize(Access.OFFICE)
    void export(
            @RequestParam(defaultValue = "false") boolean untriaged,
            @RequestParam(required = false) @Nullable Long round,
            RegionScope scope,
            HttpServletResponse response)
            throws IOException {
        export.write(
                new PetitionRecords.Filter(round == null ? null : new RoundId(round), null, untriaged),
                scope,
                response);
    }

    private Petition found(long id, RegionScope scope, Authentication caller) {
        return intake.find(id, scope, caller).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String page(
            Model model,
            Petition petition,
            Authentication caller,
            PetitionIntake.@Nullable Identity identity,
            Map<String, String> errors) {
        model.addAttribute("petition", petition);
        model.addAttribute("photos", records.photos(petition.id()));
        model.addAttribute("mayTriage", !petition.triaged() && intake.mayTriage(petition, caller));
        model.addAttribute("mayReveal", petition.named() && intake.mayReveal(petition, caller));
        model.addAttribute("identity", identity);
        model.addAttribute("errors", errors);
        model.addAttribute("triages", Triage.values());
        model.addAttribute("receiptToTell", intake.receiptToTell(petition).orElse(null));
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("triageForm")) {
            model.addAttribute("triageForm", new TriageForm(null, null, null, null, petition.version()));
        }
        return "intake/petition";
    }

    private String registrationForm(
            Model model,
            RoundSummary round,
            List<RoundLocality> localities,
            RegistrationForm form,
            Map<String, String> errors) {
        model.addAttribute("round", round);
        model.addAttribute("localities", localities);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "channels",
                List.of(PetitionChannel.PHONE, PetitionChannel.LETTER, PetitionChannel.MAILBOX, PetitionChannel.VISIT));
        model.addAttribute("categories", PetitionCategory.values());
        return "intake/register";
    }
}
