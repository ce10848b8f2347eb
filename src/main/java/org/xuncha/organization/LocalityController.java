package org.xuncha.organization;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.web.Paged;

/** The 村居 list with filters, the 村居 page with its roster, and the office's edit and override forms. */
@Controller
class LocalityController {

    /** The edit form of a 村居's facts. */
    record FactsForm(
            @NotNull Locality.PartyOrgType partyOrgType,
            @Size(max = 50) @Nullable String partySecretary,
            @NotNull @Min(0) @Max(100_000) Integer partyMemberCount,
            @NotNull @Min(0) @Max(10_000_000) Integer population,
            @NotNull @Min(0) @Max(1_000_000) Integer householdCount,

            @NotNull @DecimalMin("0") @DecimalMax("999999999") @Digits(integer = 12, fraction = 2)
            BigDecimal collectiveFunds,

            @NotNull @DecimalMin("0") @DecimalMax("999999999") @Digits(integer = 12, fraction = 2)
            BigDecimal collectiveAssets,

            @NotNull @DecimalMin("0") @DecimalMax("999999999") @Digits(integer = 12, fraction = 2)
            BigDecimal collectiveResources,

            boolean weakPartyBuilding,
            boolean largeCollectiveEconomy,
            boolean manyConflicts,
            int version) {

        static FactsForm of(Locality locality) {
            Locality.Facts f = locality.facts();
            return new FactsForm(
                    f.partyOrgType(),
                    f.partySecretary(),
                    f.partyMemberCount(),
                    f.population(),
                    f.householdCount(),
                    f.economy().funds(),
                    f.economy().assets(),
                    f.economy().resources(),
                    f.weakPartyBuilding(),
                    f.largeCollectiveEconomy(),
                    f.manyConflicts(),
                    locality.version());
        }

        Locality.Facts facts() {
            return new Locality.Facts(
                    partyOrgType,
                    partySecretary == null || partySecretary.isBlank() ? null : partySecretary.strip(),
                    partyMemberCount,
                    population,
                    householdCount,
                    new CollectiveEconomy(collectiveFunds, collectiveAssets, collectiveResources),
                    weakPartyBuilding,
                    largeCollectiveEconomy,
                    manyConflicts);
        }
    }

    /** The override form: an intensity against the suggestion, with the reason. */
    record OverrideForm(
            @NotNull Intensity intensity,
            @NotBlank @Size(max = 500) String reason,
            int version) {}

    private final Localities localities;
    private final Households households;
    private final LocalityChanges changes;
    private final RegionTree tree;

    LocalityController(Localities localities, Households households, LocalityChanges changes, RegionTree tree) {
        this.localities = localities;
        this.households = households;
        this.changes = changes;
        this.tree = tree;
    }

    @GetMapping("/localities")
    @PreAuthorize(Access.VIEW)
    String list(
            @RequestParam(required = false) @Nullable Long township,
            @RequestParam(required = false) @Nullable RegionKind kind,
            @RequestParam(required = false) @Nullable Intensity intensity,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String hx,
            RegionScope scope,
            Model model) {
        Localities.Filter filter = new Localities.Filter(township, kind, intensity, name);
        model.addAttribute("filter", filter);
        model.addAttribute("results", localities.search(filter, scope, Paged.pageNumber(page), Paged.pageSize(size)));
        model.addAttribute("townships", tree.townships(scope));
        model.addAttribute("kinds", RegionKind.values());
        model.addAttribute("intensities", Intensity.values());
        return hx != null ? "organization/localities :: results" : "organization/localities";
    }

    @GetMapping("/localities/{id}")
    @PreAuthorize(Access.VIEW)
    String show(
            @PathVariable long id,
            @RequestParam(defaultValue = "ALL") Households.Category category,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String hx,
            RegionScope scope,
            Model model,
            Authentication authentication) {
        Locality locality = load(id, scope);
        boolean roster = mayReadRoster(authentication);
        if (hx != null && !roster) {
            // the htmx request pages the roster only; a role without the roster has nothing to page
            throw new AccessDeniedException("household roster of 村居 " + id);
        }
        addPage(locality, category, page, roster, scope, model);
        if (hx != null) {
            return "organization/locality :: households";
        }
        model.addAttribute("override", new OverrideForm(locality.assess().effective(), "", locality.version()));
        return "organization/locality";
    }

    @GetMapping("/localities/{id}/edit")
    @PreAuthorize(Access.EDIT)
    String editForm(@PathVariable long id, RegionScope scope, Model model) {
        Locality locality = load(id, scope);
        model.addAttribute("locality", locality);
        model.addAttribute("form", FactsForm.of(locality));
        model.addAttribute("orgTypes", Locality.PartyOrgType.values());
        return "organization/locality-edit";
    }

    @PostMapping("/localities/{id}/edit")
    @PreAuthorize(Access.EDIT)
    String edit(
            @PathVariable long id,
            @Valid @ModelAttribute("form") FactsForm form,
            BindingResult errors,
            RegionScope scope,
            Model model,
            RedirectAttributes redirect) {
        Locality locality = load(id, scope);
        if (errors.hasErrors()) {
            model.addAttribute("locality", locality);
            model.addAttribute("orgTypes", Locality.PartyOrgType.values());
            return "organization/locality-edit";
        }
        requireVersion(locality, form.version());
        changes.revise(locality, form.facts());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/localities/" + id;
    }

    @PostMapping("/localities/{id}/intensity")
    @PreAuthorize(Access.EDIT)
    String overrideIntensity(
            @PathVariable long id,
            @Valid @ModelAttribute("override") OverrideForm form,
            BindingResult errors,
            RegionScope scope,
            Model model,
            Authentication authentication,
            RedirectAttributes redirect) {
        Locality locality = load(id, scope);
        if (errors.hasErrors()) {
            // shown again at once: a form in a flash attribute would have to be serialized into the JDBC session
            addPage(locality, Households.Category.ALL, 0, mayReadRoster(authentication), scope, model);
            return "organization/locality";
        }
        requireVersion(locality, form.version());
        if (form.intensity() == locality.assess().suggested()) {
            changes.clearOverride(locality);
        } else {
            changes.overrideIntensity(locality, form.intensity(), form.reason());
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/localities/" + id + "#intensity";
    }

    /** The model of the 村居 page: facts, assessment, breadcrumb and, for roles that may read it, the roster. */
    private void addPage(
            Locality locality, Households.Category category, int page, boolean roster, RegionScope scope, Model model) {
        model.addAttribute("locality", locality);
        model.addAttribute("assessment", locality.assess());
        model.addAttribute("breadcrumb", tree.pathTo(locality.id(), scope));
        model.addAttribute("category", category);
        model.addAttribute("categories", Households.Category.values());
        model.addAttribute("roster", roster);
        if (roster) {
            model.addAttribute(
                    "households",
                    households.ofLocality(locality.id(), category, scope, Paged.pageNumber(page), Paged.DEFAULT_SIZE));
        }
    }

    /** Leaders read dashboards, not the names and addresses of the roster. */
    private static boolean mayReadRoster(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .noneMatch(a -> a.getAuthority().equals("ROLE_LEADER"));
    }

    private Locality load(long id, RegionScope scope) {
        return localities.find(id, scope).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static void requireVersion(Locality locality, int version) {
        if (locality.version() != version) {
            throw new OptimisticLockingFailureException("locality " + locality.id() + " changed since it was read");
        }
    }
}
