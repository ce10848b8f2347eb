package org.xuncha.planning;

/**
 * Whether a round's dossier is sealed (案卷已封存): once sealed, no module changes the round's records. Feedback
 * implements it when the round report is finalized; modules that edit a round's records (findings, fieldwork) ask
 * it through {@code ObjectProvider<SealedRounds>} before each change, so that they need not depend on feedback (which
 * depends on them).
 */
public interface SealedRounds {

    boolean isSealed(RoundId round);
}
