package org.xuncha.inspectors;

/** Who served in which role for which township in the previous round (上一轮安排), for the rotation rule. */
public record PreviousPlacement(InspectorId inspector, long townshipId, GroupRole role) {}
