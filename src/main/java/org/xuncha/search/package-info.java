/**
 * 全文检索: Chinese full-text search over the records other modules put into one index (findings, working papers,
 * petitions, talk notes), segmented with Lucene's SmartChineseAnalyzer and kept in PostgreSQL as {@code tsvector}, so
 * every node of the application searches the same index. Each search is bounded in SQL by the caller's
 * {@link org.xuncha.search.SearchScope} (region path prefixes, the round 村居 of a group member, visibility classes),
 * and hits come back with the query's words marked. Depends on planning only to compute a group member's scope for
 * the search page. Modules put their own records through {@link org.xuncha.search.SearchIndex} (findings, intake,
 * fieldwork depend on search, never the other way round, so no cycle can form).
 */
@ApplicationModule(allowedDependencies = {"organization", "planning", "audit", "web", "confidential"})
@NullMarked
package org.xuncha.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
