package org.xuncha.findings;

/** 问题类别: one entry of the editable taxonomy; a finding keeps the name it was recorded under. */
record Category(long id, String name, int position, boolean active, int version) {}
