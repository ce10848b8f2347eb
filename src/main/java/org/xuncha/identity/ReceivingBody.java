package org.xuncha.identity;

/** A body that receives transferred leads (线索承办单位). */
public enum ReceivingBody {
    /** 区纪委监委. */
    DISCIPLINE_COMMISSION,
    /** 区委组织部. */
    ORGANIZATION_DEPARTMENT,
    /** 其他职能部门. */
    OTHER_DEPARTMENT
}
