package org.xuncha.planning;

/**
 * What a round's groups did (巡察工作量), for the round report (巡察情况报告): fieldwork reports its notices, talks and
 * household visits, intake its petitions. Every bean of this type is asked and their figures are added; with none,
 * the report says the figures are not recorded. It lives in planning so that any module may implement it without a
 * dependency cycle (intake and fieldwork cannot depend on feedback, which depends on findings and so on intake).
 */
public interface RoundActivity {

    ActivityFigures of(RoundId round);
}
