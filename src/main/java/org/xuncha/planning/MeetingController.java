package org.xuncha.planning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;

/** The meetings of a round (动员会, 巡前促进会, 巡中调度会, 巡后协商会 and others): add and edit, by the office. */
@Controller
class MeetingController {

    /** A meeting as the office writes it. */
    record MeetingForm(
            @NotNull MeetingKind kind,
            @Size(max = 100) @Nullable String title,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate date,

            @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime startsAt,
            @DateTimeFormat(pattern = "HH:mm") @Nullable LocalTime endsAt,
            @NotBlank @Size(max = 200) String place,
            @Size(max = 1000) @Nullable String attendees,
            @Size(max = 10000) @Nullable String minutes,
            int version) {

        static MeetingForm blank(LocalDate day) {
            return new MeetingForm(MeetingKind.MOBILIZATION, null, day, LocalTime.of(9, 0), null, "", null, null, 0);
        }

        static MeetingForm of(Meeting meeting) {
            return new MeetingForm(
                    meeting.kind(),
                    meeting.title(),
                    meeting.day(),
                    meeting.startsAt().toLocalTime(),
                    meeting.endsAt() == null ? null : meeting.endsAt().toLocalTime(),
                    meeting.place(),
                    meeting.attendees(),
                    meeting.minutes(),
                    meeting.version());
        }

        Meeting.Details details() {
            return new Meeting.Details(
                    kind,
                    title,
                    date.atTime(startsAt),
                    endsAt == null ? null : date.atTime(endsAt),
                    place,
                    attendees,
                    minutes);
        }
    }

    private final InspectionRounds rounds;
    private final Meetings meetings;
    private final RoundPlanning planning;
    private final PlanningMessages messages;
    private final Regions regions;

    MeetingController(
            InspectionRounds rounds,
            Meetings meetings,
            RoundPlanning planning,
            PlanningMessages messages,
            Regions regions) {
        this.rounds = rounds;
        this.meetings = meetings;
        this.planning = planning;
        this.messages = messages;
        this.regions = regions;
    }

    @PostMapping("/rounds/{id}/meetings")
    @PreAuthorize(Access.PLAN)
    String add(
            @PathVariable long id,
            @Valid @ModelAttribute("meetingForm") MeetingForm form,
            BindingResult errors,
            RegionScope scope,
            RedirectAttributes redirect) {
        InspectionRound round = load(id, scope);
        if (!errors.hasErrors()) {
            try {
                planning.addMeeting(round, form.details());
                redirect.addFlashAttribute("saved", true);
                return "redirect:/rounds/" + id + "#meetings";
            } catch (RoundRuleViolation violation) {
                redirect.addFlashAttribute("meetingError", messages.of(violation));
            }
        }
        redirect.addFlashAttribute("meetingForm", form);
        redirect.addFlashAttribute("org.springframework.validation.BindingResult.meetingForm", errors);
        return "redirect:/rounds/" + id + "#meetings";
    }

    @GetMapping("/rounds/{id}/meetings/{meetingId}")
    @PreAuthorize(Access.PLAN)
    String editForm(@PathVariable long id, @PathVariable long meetingId, RegionScope scope, Model model) {
        InspectionRound round = load(id, scope);
        Meeting meeting =
                meetings.find(id, meetingId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("round", round);
        model.addAttribute("meeting", meeting);
        model.addAttribute("meetingForm", MeetingForm.of(meeting));
        model.addAttribute("meetingKinds", MeetingKind.values());
        return "planning/meeting-edit";
    }

    @PostMapping("/rounds/{id}/meetings/{meetingId}")
    @PreAuthorize(Access.PLAN)
    String edit(
            @PathVariable long id,
            @PathVariable long meetingId,
            @Valid @ModelAttribute("meetingForm") MeetingForm form,
            BindingResult errors,
            RegionScope scope,
            Model model) {
        InspectionRound round = load(id, scope);
        Meeting meeting =
                meetings.find(id, meetingId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!errors.hasErrors()) {
            try {
                planning.reviseMeeting(meeting, form.details(), form.version());
                return "redirect:/rounds/" + id + "#meetings";
            } catch (RoundRuleViolation violation) {
                model.addAttribute("error", messages.of(violation));
            }
        }
        model.addAttribute("round", round);
        model.addAttribute("meeting", meeting);
        model.addAttribute("meetingKinds", MeetingKind.values());
        return "planning/meeting-edit";
    }

    private InspectionRound load(long id, RegionScope scope) {
        return rounds.find(id, ScopePrefixes.of(scope, regions))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
