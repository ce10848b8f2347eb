package org.xuncha.identity;

import java.util.EnumSet;
import java.util.Set;

/** The roles of DESIGN.md §2 (角色). Each account holds exactly one, so that 三员分立 holds by construction. */
public enum Role {
    /** 系统管理员: users and configuration, no business data. */
    SYSTEM_ADMIN,
    /** 安全管理员: roles and scopes of users, no business data. */
    SECURITY_ADMIN,
    /** 审计管理员: reads and exports the audit log only. */
    AUDIT_ADMIN,
    /** 巡察办工作人员. */
    OFFICE_STAFF,
    /** 巡察办主任. */
    OFFICE_DIRECTOR,
    /** 巡察组组长. */
    GROUP_LEADER,
    /** 巡察组副组长. */
    GROUP_DEPUTY,
    /** 巡察组组员. */
    GROUP_MEMBER,
    /** 乡镇联络员. */
    TOWNSHIP_LIAISON,
    /** 督导组. */
    SUPERVISOR,
    /** 线索承办单位 (纪委监委/组织部). */
    LEAD_RECEIVER,
    /** 区领导: read-only dashboards and scorecards. */
    LEADER;

    private static final Set<Role> ADMINISTRATORS = EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN);

    /** Whether the role may see any business record at all (the three administrators may not). */
    public boolean seesBusinessData() {
        return !ADMINISTRATORS.contains(this);
    }

    /** Whether the role's data scope is given as region subtrees. */
    public boolean scopedByRegion() {
        return seesBusinessData() && this != LEAD_RECEIVER;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
