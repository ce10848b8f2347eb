package org.xuncha.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.Regions;

/**
 * Turns the caller's {@link RegionScope} and the chosen region and period into a {@link Selection}. A region outside
 * the scope, or a term or round the scope does not touch, answers 404.
 */
@Component
class Selections {

    /** The period and region as chosen on the page (all optional; the default is the current year). */
    public record Choice(
            @Nullable Long region,
            @Nullable Integer year,
            @Nullable Long term,
            @Nullable Long round,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable String key) {

        static Choice year(int year) {
            return new Choice(null, year, null, null, null, null, null);
        }
    }

    private final Regions regions;
    private final Scorecard scorecard;
    private final Clock clock;

    Selections(Regions regions, Scorecard scorecard, Clock clock) {
        this.regions = regions;
        this.scorecard = scorecard;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The scope alone: the current year, no narrowing. */
    Selection of(RegionScope scope) {
        return of(scope, Choice.year(today().getYear()));
    }

    Selection of(RegionScope scope, Choice choice) {
        List<String> prefixes = regions.findAll(scope.regionIds()).stream()
                .map(r -> r.path() + "%")
                .toList();
        String within = "%";
        if (choice.region() != null) {
            RegionSummary region = regions.find(choice.region())
                    .filter(r -> prefixes.stream().anyMatch(p -> r.path().startsWith(p.substring(0, p.length() - 1))))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            within = region.path() + "%";
        }
        LocalDate today = today();
        Selection base = new Selection(
                prefixes,
                within,
                LocalDate.of(1900, 1, 1),
                LocalDate.of(9999, 12, 31),
                Selection.ANY_ROUND,
                choice.key(),
                today);
        if (choice.round() != null) {
            long round = choice.round();
            scorecard.rounds(base).stream()
                    .filter(r -> r.id() == round)
                    .findFirst()
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            return new Selection(prefixes, within, base.from(), base.to(), round, choice.key(), today);
        }
        if (choice.term() != null) {
            long id = choice.term();
            Scorecard.TermOption term = scorecard.terms(base).stream()
                    .filter(t -> t.id() == id)
                    .findFirst()
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            return new Selection(
                    prefixes, within, term.startsOn(), term.endsOn(), Selection.ANY_ROUND, choice.key(), today);
        }
        if (choice.from() != null || choice.to() != null) {
            LocalDate from = choice.from() == null ? base.from() : choice.from();
            LocalDate to = choice.to() == null ? base.to() : choice.to();
            if (to.isBefore(from)) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
            }
            return new Selection(prefixes, within, from, to, Selection.ANY_ROUND, choice.key(), today);
        }
        int year = choice.year() == null ? today.getYear() : choice.year();
        if (year < 1990 || year > 2100) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return new Selection(
                prefixes,
                within,
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31),
                Selection.ANY_ROUND,
                choice.key(),
                today);
    }

    /** The name of what is counted: the chosen region, else the scope's regions (e.g. 睢阳区). */
    String scopeName(RegionScope scope, Choice choice) {
        List<Long> ids = choice.region() == null ? scope.regionIds() : List.of(choice.region());
        return String.join(
                "、", regions.findAll(ids).stream().map(RegionSummary::name).toList());
    }

    /** The regions the caller may narrow to: the townships in scope (and the scope's own roots). */
    List<RegionSummary> narrowing(RegionScope scope) {
        return regions.townships(scope);
    }
}
