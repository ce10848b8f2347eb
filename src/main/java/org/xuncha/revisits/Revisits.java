package org.xuncha.revisits;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.Regions;

/** Revisits as other modules read them (statistics): satisfaction per 村居, township and round within a scope. */
@Service
public class Revisits {

    private final RevisitRecords records;
    private final Regions regions;

    Revisits(RevisitRecords records, Regions regions) {
        this.records = records;
        this.regions = regions;
    }

    @Transactional(readOnly = true)
    public List<SatisfactionFigure> satisfaction(RegionScope scope) {
        List<String> prefixes = prefixes(scope, regions);
        return java.util.stream.Stream.of(
                        RevisitRecords.Level.LOCALITY, RevisitRecords.Level.TOWNSHIP, RevisitRecords.Level.ROUND)
                .flatMap(level -> records.by(level, prefixes).stream()
                        .map(g -> new SatisfactionFigure(
                                level.name(),
                                g.id(),
                                g.name(),
                                g.satisfaction().respondents(),
                                g.satisfaction().answers(),
                                g.satisfaction().index())))
                .toList();
    }

    static List<String> prefixes(RegionScope scope, Regions regions) {
        List<String> prefixes = regions.findAll(scope.regionIds()).stream()
                .map(r -> r.path() + "%")
                .toList();
        return prefixes.isEmpty() ? List.of("!") : prefixes;
    }
}
