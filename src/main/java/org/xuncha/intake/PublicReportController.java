package org.xuncha.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.files.FileRejected;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.Regions;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundState;
import org.xuncha.planning.RoundSummary;
import org.xuncha.planning.Rounds;

/**
 * 码上巡察: the public report page a notice's QR code opens ({@code /report?round=…&locality=…}), a chooser of the
 * rounds in the field and their 村居 when it is opened without them, the receipt, and the status page. No sign-in;
 * standalone pages with no third-party scripts; the session cookie (for the CSRF token) is the only cookie. The
 * client's address is used only to count requests in memory and is never stored or logged.
 */
@Controller
class PublicReportController {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AnonymousAuthenticationToken PUBLIC = new AnonymousAuthenticationToken(
            "public-report", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    /** The public form; the identity fields are optional and anonymous is the default. */
    record ReportForm(
            @NotNull @Nullable Long round,
            @NotNull @Nullable Long locality,
            @NotNull @Nullable PetitionCategory category,
            @NotBlank @Size(max = 2000) String content,
            @Size(max = 200) @Nullable String place,
            @Size(max = 100) @Nullable String occurred,
            @Size(max = 50) @Nullable String name,
            @Pattern(regexp = PHONE) @Nullable String phone,

            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{20,64}")
            String submissionKey) {

        static ReportForm empty(long round, long locality) {
            return new ReportForm(round, locality, null, "", null, null, null, null, newSubmissionKey());
        }

        PetitionIntake.Report report() {
            return new PetitionIntake.Report(
                    java.util.Objects.requireNonNull(category), content, place, occurred, name, phone);
        }
    }

    /** A mobile number, or a landline with its area code; blank for none. */
    static final String PHONE = "\\s*|1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}";

    private final PetitionIntake intake;
    private final Rounds rounds;
    private final Regions regions;
    private final ClientRateLimits limits;
    private final IntakeMessages messages;

    PublicReportController(
            PetitionIntake intake, Rounds rounds, Regions regions, ClientRateLimits limits, IntakeMessages messages) {
        this.intake = intake;
        this.rounds = rounds;
        this.regions = regions;
        this.limits = limits;
        this.messages = messages;
    }

    @GetMapping("/report")
    @PreAuthorize(Access.PUBLIC)
    String page(
            @RequestParam(required = false) @Nullable Long round,
            @RequestParam(required = false) @Nullable Long locality,
            Model model,
            HttpServletResponse response) {
        if (round == null) {
            model.addAttribute("rounds", roundsInField());
            return "intake/public/choose-round";
        }
        if (locality == null) {
            Optional<RoundSummary> inField = roundsInField().stream()
                    .filter(r -> r.id().value() == round)
                    .findFirst();
            if (inField.isEmpty()) {
                return unavailable(response);
            }
            model.addAttribute("round", inField.get());
            model.addAttribute(
                    "townships", byTownship(rounds.localities(inField.get().id(), publicScope())));
            return "intake/public/choose-locality";
        }
        Optional<RoundLocality> target = intake.publicTarget(new RoundId(round), locality);
        if (target.isEmpty()) {
            return unavailable(response);
        }
        return form(model, target.get(), ReportForm.empty(round, locality), Map.of(), null);
    }

    @PostMapping("/report")
    @PreAuthorize(Access.PUBLIC)
    String submit(
            @Valid @ModelAttribute("form") ReportForm form,
            BindingResult binding,
            @RequestParam(value = "photos", required = false) @Nullable List<MultipartFile> photos,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        if (!limits.tryTake(ClientRateLimits.Kind.SUBMISSION, request.getRemoteAddr())) {
            return tooMany(response, model, ClientRateLimits.Kind.SUBMISSION);
        }
        if (form.round() == null || form.locality() == null) {
            return unavailable(response);
        }
        Optional<RoundLocality> target = intake.publicTarget(new RoundId(form.round()), form.locality());
        if (target.isEmpty()) {
            return unavailable(response);
        }
        Map<String, String> errors = new LinkedHashMap<>(messages.of(binding));
        List<PetitionIntake.Upload> uploads = uploads(photos);
        if (uploads.size() > PetitionIntake.MAX_PHOTOS) {
            errors.put("photos", messages.get("report.photos.tooMany", PetitionIntake.MAX_PHOTOS));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return form(model, target.get(), form, errors, null);
        }
        try {
            PetitionIntake.Receipt receipt = intake.submitPublic(
                    form.submissionKey(), new RoundId(form.round()), form.locality(), form.report(), uploads);
            redirect.addFlashAttribute("receipt", receipt.code());
            redirect.addFlashAttribute("localityName", target.get().name());
            return "redirect:/report/receipt";
        } catch (FileRejected rejected) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return form(model, target.get(), form, Map.of("photos", messages.of(rejected)), null);
        } catch (IntakeRuleViolation refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return form(model, target.get(), form, Map.of("photos", messages.of(refused)), null);
        }
    }

    @GetMapping("/report/receipt")
    @PreAuthorize(Access.PUBLIC)
    String receipt(Model model) {
        if (!model.containsAttribute("receipt")) {
            return "redirect:/report/status";
        }
        return "intake/public/receipt";
    }

    @GetMapping("/report/status")
    @PreAuthorize(Access.PUBLIC)
    String statusForm() {
        return "intake/public/status";
    }

    @PostMapping("/report/status")
    @PreAuthorize(Access.PUBLIC)
    String status(
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!limits.tryTake(ClientRateLimits.Kind.LOOKUP, request.getRemoteAddr())) {
            return tooMany(response, model, ClientRateLimits.Kind.LOOKUP);
        }
        Optional<PetitionRecords.PublicStatus> status = intake.status(code);
        if (status.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("error", messages.get("reportStatus.notFound"));
            return "intake/public/status";
        }
        model.addAttribute("status", status.get().status());
        model.addAttribute("reply", status.get().publicReply());
        return "intake/public/status";
    }

    private String form(
            Model model, RoundLocality target, ReportForm form, Map<String, String> errors, @Nullable String notice) {
        model.addAttribute("target", target);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", PetitionCategory.values());
        model.addAttribute("maxPhotos", PetitionIntake.MAX_PHOTOS);
        model.addAttribute("maxPhotoBytes", PetitionIntake.MAX_PHOTO_BYTES);
        model.addAttribute("notice", notice);
        return "intake/public/report";
    }

    private String unavailable(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "intake/public/unavailable";
    }

    private String tooMany(HttpServletResponse response, Model model, ClientRateLimits.Kind kind) {
        long seconds = limits.retryAfterSeconds(kind);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        model.addAttribute("retryMinutes", Math.max(1, (seconds + 59) / 60));
        return "intake/public/too-many";
    }

    /** The rounds in the field, for the chooser: their label and nothing else is shown. */
    private List<RoundSummary> roundsInField() {
        return rounds.visible(publicScope(), PUBLIC, 0, 200).items().stream()
                .filter(r -> r.state() == RoundState.IN_FIELD)
                .toList();
    }

    private RegionScope publicScope() {
        return RegionScope.of(regions.scopeCandidates().stream()
                .filter(r -> r.parentId() == null)
                .map(RegionSummary::id)
                .toList());
    }

    private static Map<String, List<RoundLocality>> byTownship(List<RoundLocality> localities) {
        Map<String, List<RoundLocality>> grouped = new LinkedHashMap<>();
        localities.forEach(l -> grouped.computeIfAbsent(l.townshipName(), t -> new ArrayList<>())
                .add(l));
        return grouped;
    }

    static List<PetitionIntake.Upload> uploads(@Nullable List<MultipartFile> photos) {
        if (photos == null) {
            return List.of();
        }
        List<PetitionIntake.Upload> uploads = new ArrayList<>();
        for (MultipartFile photo : photos) {
            if (photo.isEmpty()
                    && (photo.getOriginalFilename() == null
                            || photo.getOriginalFilename().isBlank())) {
                continue;
            }
            try {
                String name = photo.getOriginalFilename() == null ? "photo" : photo.getOriginalFilename();
                uploads.add(new PetitionIntake.Upload(name, photo.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }

    static String newSubmissionKey() {
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }
}
