package org.xuncha.planning;

import java.util.List;
import java.util.Locale;

/**
 * What other modules require before a round's fieldwork may finish (进驻结束), e.g. every 五保户, 低保户 and 危房改造户
 * visited or excused: planning asks every bean of this type when the office marks the fieldwork finished and refuses
 * while any reports an open item.
 */
public interface FieldworkCompletionCheck {

    /** The items that still keep the round's fieldwork open, each a sentence in the locale; empty when none. */
    List<String> openItems(RoundId round, Locale locale);
}
