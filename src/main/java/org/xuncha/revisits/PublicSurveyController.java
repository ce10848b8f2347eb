package org.xuncha.revisits;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The residents' satisfaction survey reached by the QR code (扫码测评): no sign-in, anonymous, no IP address kept. Each
 * page carries a fresh submission code, so sending the same form twice records one answer; submissions per survey
 * are limited per minute.
 */
@Controller
class PublicSurveyController {

    static final int PER_MINUTE = 30;

    private final RevisitRecords records;
    private final RevisitWork work;
    private final RevisitController forms;
    private final Clock clock;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    PublicSurveyController(RevisitRecords records, RevisitWork work, RevisitController forms, Clock clock) {
        this.records = records;
        this.work = work;
        this.forms = forms;
        this.clock = clock;
    }

    @GetMapping("/survey/{token}")
    @PreAuthorize(Access.PUBLIC)
    String survey(@PathVariable String token, Model model) {
        Revisit revisit = load(token);
        model.addAttribute("revisit", revisit);
        model.addAttribute("questions", records.questions(true));
        model.addAttribute("answers", SurveyAnswer.values());
        model.addAttribute("code", UUID.randomUUID().toString());
        return "revisits/survey";
    }

    @PostMapping("/survey/{token}")
    @PreAuthorize(Access.PUBLIC)
    String submit(
            @PathVariable String token,
            @RequestParam String code,
            @RequestParam Map<String, String> form,
            Model model) {
        Revisit revisit = load(token);
        model.addAttribute("revisit", revisit);
        Map<Long, SurveyAnswer> answers = forms.answers(form);
        if (answers == null || code.isBlank() || code.length() > 64) {
            model.addAttribute("questions", records.questions(true));
            model.addAttribute("answers", SurveyAnswer.values());
            model.addAttribute("code", code.isBlank() ? UUID.randomUUID().toString() : code);
            model.addAttribute("incomplete", true);
            return "revisits/survey";
        }
        if (!allow(token)) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS);
        }
        work.respondInPublic(revisit, code, answers);
        return "revisits/survey-thanks";
    }

    /** At most {@link #PER_MINUTE} submissions per survey in any minute (kept in memory; no client address used). */
    private boolean allow(String token) {
        long now = clock.millis();
        Deque<Long> times = recent.computeIfAbsent(token, t -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() > 60_000) {
                times.pollFirst();
            }
            if (times.size() >= PER_MINUTE) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    private Revisit load(String token) {
        if (!token.matches("[0-9a-f]{32}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return records.byToken(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
