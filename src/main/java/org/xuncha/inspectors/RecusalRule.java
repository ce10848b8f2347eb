package org.xuncha.inspectors;

/** A recusal rule (回避规则): a reason why a person may not inspect a 村居. */
public enum RecusalRule {
    /** 工作地回避: not a 村居 in the township where the person works. */
    WORK_TOWNSHIP,
    /** 籍贯、居住地回避: not a 村居 in the township where the person lives or comes from. */
    HOME_TOWNSHIP,
    /** 亲属回避: not a 村居 where the person declared a relative. */
    RELATIVE,
    /** 轮岗回避: not the same group role for the same township in two rounds in a row. */
    ROTATION,
    /** 人工回避: a recusal the office entered for a township or a 村居, with its reason. */
    MANUAL,
    /** 时间冲突: the person is unavailable during the round. */
    UNAVAILABLE
}
