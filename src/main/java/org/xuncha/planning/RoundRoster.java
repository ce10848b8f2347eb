package org.xuncha.planning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.xuncha.documents.ChineseNumerals;
import org.xuncha.inspectors.Candidate;
import org.xuncha.inspectors.GroupRole;
import org.xuncha.inspectors.InspectorId;
import org.xuncha.inspectors.Reason;
import org.xuncha.inspectors.RecusalRules;
import org.xuncha.inspectors.RecusalViolation;
import org.xuncha.inspectors.RosterPlacement;
import org.xuncha.inspectors.RosterSuggestion;
import org.xuncha.inspectors.SuggestedGroup;

/**
 * 巡察组名单: the groups of one round, each with its leader, optional deputy and members (with their 精准定责) and
 * the 村居 it takes (一托N). Guards its rules: a manual change breaks no recusal rule the director has not excepted,
 * nobody serves twice in a round, each 村居 is in at most one group; the round is approved only with every 村居 in a
 * group and every group led.
 */
final class RoundRoster {

    /** A person in a group (巡察组成员): role, 精准定责 and why they are there. */
    record Member(
            InspectorId inspector,
            String name,
            GroupRole role,
            @Nullable String responsibility,
            String reasons) {}

    /** 巡察组: number, name (第一巡察组), people and the 村居 (ids) it takes. */
    record Group(int number, String name, List<Member> members, List<Long> localityIds) {

        Group {
            members = List.copyOf(members);
            localityIds = List.copyOf(localityIds);
        }

        @Nullable
        Member leader() {
            return members.stream()
                    .filter(m -> m.role() == GroupRole.LEADER)
                    .findFirst()
                    .orElse(null);
        }

        @Nullable
        Member deputy() {
            return members.stream()
                    .filter(m -> m.role() == GroupRole.DEPUTY)
                    .findFirst()
                    .orElse(null);
        }

        List<Member> ordinaryMembers() {
            return members.stream().filter(m -> m.role() == GroupRole.MEMBER).toList();
        }
    }

    private final List<Group> groups;

    RoundRoster(List<Group> groups) {
        this.groups = new ArrayList<>(groups);
    }

    static RoundRoster empty() {
        return new RoundRoster(List.of());
    }

    /** The roster as suggested: each suggested group with its people and their reasons, rendered by {@code text}. */
    static RoundRoster accept(RosterSuggestion suggestion, Function<List<Reason>, String> text) {
        List<Group> groups = new ArrayList<>();
        for (SuggestedGroup suggested : suggestion.groups()) {
            List<Member> members = new ArrayList<>();
            for (RosterPlacement p : suggested.people()) {
                members.add(new Member(p.inspector(), p.name(), p.role(), null, text.apply(p.reasons())));
            }
            groups.add(new Group(
                    suggested.number(),
                    name(suggested.number()),
                    members,
                    suggested.localities().stream()
                            .map(org.xuncha.inspectors.RoundLocality::id)
                            .toList()));
        }
        return new RoundRoster(groups);
    }

    /** 第一巡察组. */
    static String name(int number) {
        return "第" + ChineseNumerals.of(number) + "巡察组";
    }

    List<Group> groups() {
        return List.copyOf(groups);
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }

    Group group(int number) {
        return groups.stream()
                .filter(g -> g.number() == number)
                .findFirst()
                .orElseThrow(() -> new RoundRuleViolation("group.rule.unknownGroup", number));
    }

    /**
     * Puts {@code replacement} in the place of {@code replaced} in a group, in the same role. Refused, naming the rule
     * and the person, when the replacement would break a recusal rule for any 村居 of the group that the director has
     * not excepted; refused too when the replacement already serves in this round or is from the wrong tier.
     */
    void replace(
            int number,
            InspectorId replaced,
            Candidate replacement,
            RecusalRules rules,
            Map<Long, org.xuncha.inspectors.RoundLocality> localities) {
        Group group = group(number);
        Member out = group.members().stream()
                .filter(m -> m.inspector().equals(replaced))
                .findFirst()
                .orElseThrow(() -> new RoundRuleViolation("group.rule.notInGroup", group.name()));
        if (replaced.equals(replacement.id())) {
            return;
        }
        for (Group g : groups) {
            for (Member m : g.members()) {
                if (m.inspector().equals(replacement.id())) {
                    throw new RoundRuleViolation("group.rule.alreadyServing", replacement.name(), g.name());
                }
            }
        }
        refuseUnlessAllowed(replacement, out.role(), group, rules, localities);
        List<Member> members = new ArrayList<>();
        for (Member m : group.members()) {
            members.add(
                    m == out
                            ? new Member(replacement.id(), replacement.name(), out.role(), out.responsibility(), "")
                            : m);
        }
        set(new Group(group.number(), group.name(), members, group.localityIds()));
    }

    /**
     * Exchanges two people of the roster between their groups, each taking the other's role; refused like a
     * replacement when either would break a recusal rule in the other's group.
     */
    void exchange(
            Candidate a, Candidate b, RecusalRules rules, Map<Long, org.xuncha.inspectors.RoundLocality> localities) {
        Group ga = groupOf(a.id());
        Group gb = groupOf(b.id());
        if (ga.number() == gb.number()) {
            return;
        }
        Member ma = memberOf(ga, a.id());
        Member mb = memberOf(gb, b.id());
        refuseUnlessAllowed(b, ma.role(), ga, rules, localities);
        refuseUnlessAllowed(a, mb.role(), gb, rules, localities);
        set(swapped(ga, ma, new Member(b.id(), b.name(), ma.role(), ma.responsibility(), "")));
        set(swapped(gb, mb, new Member(a.id(), a.name(), mb.role(), mb.responsibility(), "")));
    }

    private Group groupOf(InspectorId inspector) {
        return groups.stream()
                .filter(g -> g.members().stream().anyMatch(m -> m.inspector().equals(inspector)))
                .findFirst()
                .orElseThrow(() -> new RoundRuleViolation("group.rule.notInGroup", inspector.value()));
    }

    private static Member memberOf(Group group, InspectorId inspector) {
        return group.members().stream()
                .filter(m -> m.inspector().equals(inspector))
                .findFirst()
                .orElseThrow();
    }

    private static Group swapped(Group group, Member out, Member in) {
        List<Member> members = new ArrayList<>();
        group.members().forEach(m -> members.add(m == out ? in : m));
        return new Group(group.number(), group.name(), members, group.localityIds());
    }

    /** Refuses, naming the rule and the person, a recusal rule that blocks; then a person from the wrong tier. */
    private static void refuseUnlessAllowed(
            Candidate person,
            GroupRole role,
            Group group,
            RecusalRules rules,
            Map<Long, org.xuncha.inspectors.RoundLocality> localities) {
        for (long localityId : group.localityIds()) {
            org.xuncha.inspectors.RoundLocality locality = localities.get(localityId);
            if (locality == null) {
                continue;
            }
            for (RecusalViolation violation : rules.check(person, role, locality)) {
                if (violation.blocks()) {
                    throw new RoundRuleViolation(
                            "group.rule.recusal",
                            Reason.of("recusal.rule." + violation.rule().name()),
                            person.name(),
                            locality.name(),
                            violation.reason());
                }
            }
        }
        if (person.tier() != role.tier()) {
            throw new RoundRuleViolation("group.rule.tier", person.name(), Reason.of("groupRole." + role.name()));
        }
    }

    /** Moves a 村居 to another group (一托N adjusted); a 村居 not yet in any group is simply assigned. */
    void move(long localityId, int toNumber) {
        Group target = group(toNumber);
        for (Group g : List.copyOf(groups)) {
            if (g.localityIds().contains(localityId) && g.number() != toNumber) {
                List<Long> rest = new ArrayList<>(g.localityIds());
                rest.remove(localityId);
                set(new Group(g.number(), g.name(), g.members(), rest));
            }
        }
        if (!target.localityIds().contains(localityId)) {
            List<Long> more = new ArrayList<>(group(toNumber).localityIds());
            more.add(localityId);
            set(new Group(target.number(), target.name(), target.members(), more));
        }
    }

    /** 精准定责: writes each listed person's responsibility in the group. */
    void assignResponsibilities(int number, Map<InspectorId, String> responsibilities) {
        Group group = group(number);
        List<Member> members = new ArrayList<>();
        for (Member m : group.members()) {
            String text = responsibilities.get(m.inspector());
            members.add(
                    text == null
                            ? m
                            : new Member(
                                    m.inspector(),
                                    m.name(),
                                    m.role(),
                                    text.isBlank() ? null : text.strip(),
                                    m.reasons()));
        }
        set(new Group(group.number(), group.name(), members, group.localityIds()));
    }

    /**
     * Refuses approval unless the round has groups, every 村居 of the round is in one and every group has a leader.
     */
    void requireComplete(Collection<RoundLocality> roundLocalities) {
        if (groups.isEmpty()) {
            throw new RoundRuleViolation("group.rule.noGroups");
        }
        for (Group g : groups) {
            if (g.leader() == null) {
                throw new RoundRuleViolation("group.rule.groupWithoutLeader", g.name());
            }
        }
        Map<Long, Group> assigned = assignments();
        for (RoundLocality locality : roundLocalities) {
            if (!assigned.containsKey(locality.localityId())) {
                throw new RoundRuleViolation("group.rule.localityWithoutGroup", locality.name());
            }
        }
    }

    /** The group of each assigned 村居. */
    Map<Long, Group> assignments() {
        Map<Long, Group> assigned = new LinkedHashMap<>();
        groups.forEach(g -> g.localityIds().forEach(id -> assigned.put(id, g)));
        return assigned;
    }

    private void set(Group group) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).number() == group.number()) {
                groups.set(i, group);
                return;
            }
        }
        throw new IllegalStateException("no group " + group.number());
    }
}
