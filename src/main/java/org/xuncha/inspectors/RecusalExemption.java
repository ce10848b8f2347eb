package org.xuncha.inspectors;

/**
 * An exception to a recusal rule (回避例外) the office director recorded with a reason: the rule no longer blocks
 * this person for this township unit or 村居.
 *
 * @param regionId a township unit (covers its 村居) or a single 村居
 */
public record RecusalExemption(InspectorId inspector, long regionId, RecusalRule rule, String reason) {

    boolean covers(InspectorId person, RecusalRule broken, RoundLocality locality) {
        return inspector.equals(person)
                && rule == broken
                && (regionId == locality.id() || regionId == locality.townshipId());
    }
}
