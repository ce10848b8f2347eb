package org.xuncha.planning;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.xuncha.documents.ChineseNumerals;
import org.xuncha.documents.OfficialDocument;
import org.xuncha.documents.OfficialDocuments;
import org.xuncha.organization.Intensity;
import org.xuncha.organization.RegionKind;

/**
 * The documents of a round, in the format of GB/T 9704-2012: the work plan (巡察工作方案), the notice forming the
 * groups (成立巡察组通知) and the authorization (授权书) read at the mobilization meeting. Until groups are formed each
 * carries a highlighted section for them and lists the round's 村居 by township instead.
 */
@Component
class RoundDocuments {

    /** The documents a round page offers, with their file names. */
    enum Kind {
        /** 巡察工作方案. */
        WORK_PLAN("work-plan", "巡察村居工作方案"),
        /** 成立巡察组通知. */
        GROUP_NOTICE("group-notice", "成立巡察组通知"),
        /** 授权书 (授权名单). */
        AUTHORIZATION("authorization", "巡察授权书");

        private final String slug;
        private final String fileTitle;

        Kind(String slug, String fileTitle) {
            this.slug = slug;
            this.fileTitle = fileTitle;
        }

        public String slug() {
            return slug;
        }

        String fileTitle() {
            return fileTitle;
        }

        static @Nullable Kind ofSlug(String slug) {
            for (Kind kind : values()) {
                if (kind.slug.equals(slug)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /**
     * A group as the documents name it: name, leader, deputy and members with their units (姓名（单位职务）), the
     * responsibilities written per member (精准定责) and the group's 村居.
     */
    record DocumentGroup(
            String name,
            @Nullable String leader,
            @Nullable String deputy,
            List<String> members,
            List<String> responsibilities,
            String localities) {}

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private final OfficialDocuments documents;

    RoundDocuments(OfficialDocuments documents) {
        this.documents = documents;
    }

    static String fileName(Kind kind, Term term, InspectionRound round) {
        return term.name() + round.label() + kind.fileTitle() + ".docx";
    }

    byte[] generate(
            Kind kind,
            Term term,
            InspectionRound round,
            List<Meeting> meetings,
            List<FocusItem> focus,
            List<DocumentGroup> groups,
            LocalDate date) {
        return switch (kind) {
            case WORK_PLAN -> workPlan(term, round, meetings, focus, groups, date);
            case GROUP_NOTICE -> groupNotice(term, round, groups, date);
            case AUTHORIZATION -> authorization(term, round, groups, date);
        };
    }

    byte[] workPlan(
            Term term,
            InspectionRound round,
            List<Meeting> meetings,
            List<FocusItem> focus,
            List<DocumentGroup> groups,
            LocalDate date) {
        String name = term.name() + round.label();
        OfficialDocument document = documents
                .create()
                .title(name + "巡察村居工作方案")
                .paragraph("为深入贯彻全面从严治党要求，推动全面从严治党向基层延伸，打通全面从严治党“最后一公里”，根据《"
                        + term.districtName() + "委巡察向村居延伸工作规划》关于“" + term.goal() + "”的目标，区委决定开展"
                        + name + "巡察村居工作。现制定如下方案。")
                .firstLevel("一、指导思想和巡察对象")
                .secondLevel("（一）指导思想")
                .paragraph("以习近平新时代中国特色社会主义思想为指导，把“两个维护”作为根本任务，坚持把政治监督贯穿巡察工作全过程，"
                        + "坚持重心下移、力量下沉，到基层一线听民声、解民忧、护民利，实打实地摸清痛点难点焦点问题，推动政治监督直达“神经末梢”。")
                .secondLevel("（二）巡察对象")
                .paragraph("本轮采取“整体式分类化”模式，以乡（镇、办事处）为整体，村、社区分类巡察，对" + townshipNames(round)
                        + "共" + round.townships().size() + "个乡（镇、办事处）的"
                        + round.localities().size() + "个村居党组织开展巡察，其中村"
                        + round.count(RegionKind.VILLAGE) + "个、社区" + round.count(RegionKind.COMMUNITY) + "个；重点巡察"
                        + round.count(Intensity.FOCUSED) + "个，快进快出" + round.count(Intensity.EXPEDITED) + "个。");
        int n = 1;
        for (Map.Entry<InspectionRound.Township, Map<RegionKind, List<RoundLocality>>> township :
                round.localitiesByTownship().entrySet()) {
            int count =
                    township.getValue().values().stream().mapToInt(List::size).sum();
            String text = township.getValue().entrySet().stream()
                            .map(kind -> kindName(kind.getKey()) + "："
                                    + kind.getValue().stream()
                                            .map(l -> l.name() + "（" + intensityName(l.intensity()) + "）")
                                            .collect(Collectors.joining("、")))
                            .collect(Collectors.joining("；"))
                    + "。";
            document.thirdLevel(n++ + "." + township.getKey().name() + "（" + count + "个）。", text);
        }
        document.firstLevel("二、时间安排")
                .paragraph("本轮巡察于" + OfficialDocument.dateText(round.schedule().entryDate()) + "进驻，"
                        + OfficialDocument.dateText(round.schedule().exitDate()) + "结束进驻，共"
                        + round.schedule().days()
                        + "天。" + scheduleByIntensity(round));
        if (meetings.isEmpty()) {
            document.paragraph("动员会、巡前促进会、巡中调度会、巡后协商会的时间、地点另行通知。");
        } else {
            document.paragraph("本轮巡察安排以下会议：");
            n = 1;
            for (Meeting meeting : meetings) {
                document.thirdLevel(
                        n++ + "." + meetingName(meeting) + "。",
                        OfficialDocument.dateText(meeting.day()) + TIME.format(meeting.startsAt()) + "，在"
                                + meeting.place() + "召开。");
            }
        }
        document.firstLevel("三、方式方法")
                .secondLevel("（一）简化程序。", "由乡（镇、办事处）组织动员和反馈，减少会议，不要村居汇报材料，切实为基层减负。")
                .secondLevel("（二）走访座谈。", "以走访座谈、实地查看、深入了解为主，深入群众、走进农户和田间地头，说农话、唠农事，与群众谈心交流。")
                .secondLevel("（三）入户走访。", "对五保户、低保户、危房改造户等全部走访，了解群众的所需、所盼。")
                .secondLevel("（四）实地查看。", "对集体“三资”、项目工程、惠民资金使用等情况实地查看，查阅有关账目和资料。")
                .secondLevel("（五）广泛宣传。", "在各村民组、自然村的明显位置张贴巡察公告，利用乡村“大喇叭”广泛宣传，做到群众人人皆知。")
                .secondLevel("（六）清单式反馈。", "对发现的问题逐村列出清单，通过乡（镇、办事处）反馈，一目了然，便于整改。")
                .firstLevel("四、巡察重点")
                .paragraph("紧扣“六围绕一加强”，以党章党纪为尺子，紧盯“关键少数”，重点检查以下方面：");
        n = 1;
        for (FocusItem item : focus) {
            document.secondLevel(
                    ChineseNumerals.secondLevel(n++) + item.title() + "。",
                    item.description() == null ? "" : item.description());
        }
        InspectionRound.Channels channels = round.channels();
        document.firstLevel("五、信访举报渠道")
                .paragraph("巡察期间，受理反映村居党组织和村居干部问题的来信、来电、来访，主要受理渠道为：")
                .paragraph("举报电话：" + orLater(channels.phone()) + "。")
                .paragraph("电子邮箱：" + orLater(channels.email()) + "。")
                .paragraph("邮政信箱（意见箱）：" + orLater(channels.postBox()) + "。")
                .firstLevel("六、组织领导")
                .secondLevel("（一）巡察组组成");
        if (groups.isEmpty()) {
            document.placeholder("巡察组组建后在此列明：各巡察组组长、副组长、组员及其联系村居（一托N）");
        } else {
            groupParagraphs(document, groups, true);
        }
        document.paragraph("本轮巡察涉及的村居分布如下：");
        townshipTable(document, round);
        localityTable(document, round);
        return document.secondLevel("（二）工作要求")
                .paragraph("各巡察组要严格遵守巡察工作纪律和保密要求，坚持实事求是，做到巡察对象精准定位、巡察内容精准定向、巡察人员精准定责。"
                        + "各乡（镇、办事处）党委要履行主体责任，积极配合巡察工作，对巡察中发现的问题能及时整改的立行立改。")
                .signature(term.office(), date)
                .toBytes();
    }

    byte[] groupNotice(Term term, InspectionRound round, List<DocumentGroup> groups, LocalDate date) {
        String name = term.name() + round.label();
        OfficialDocument document = documents
                .create()
                .title("关于成立" + name + "巡察村居巡察组的通知")
                .addressee("各乡（镇、办事处）党委，区直有关单位：")
                .paragraph("根据区委巡察工作安排，经区委巡察工作领导小组研究，决定成立" + name + "巡察村居巡察组，对" + townshipNames(round) + "的"
                        + round.localities().size() + "个村居党组织开展巡察。现将有关事项通知如下：")
                .firstLevel("一、巡察组组成");
        if (groups.isEmpty()) {
            document.placeholder("巡察组组建后在此填写：各巡察组组长、副组长、组员及其联系的乡（镇、办事处）和村居");
        } else {
            groupParagraphs(document, groups, false);
        }
        document.paragraph("本轮巡察涉及的乡（镇、办事处）和村居如下：");
        townshipTable(document, round);
        return document.firstLevel("二、巡察时间")
                .paragraph(OfficialDocument.dateText(round.schedule().entryDate()) + "至"
                        + OfficialDocument.dateText(round.schedule().exitDate()) + "。")
                .firstLevel("三、工作要求")
                .paragraph("各巡察组成员所在单位要支持巡察工作，巡察期间原则上不安排其他工作。巡察组成员要严格执行回避制度和保密纪律，"
                        + "认真履职尽责。各乡（镇、办事处）党委要确定联络人员，做好组织动员和服务保障工作。")
                .signature(term.office(), date)
                .toBytes();
    }

    byte[] authorization(Term term, InspectionRound round, List<DocumentGroup> groups, LocalDate date) {
        String name = term.name() + round.label();
        OfficialDocument document = documents
                .create()
                .title(name + "巡察村居授权书")
                .paragraph("根据《中国共产党巡视工作条例》和区委巡察工作安排，" + term.leadingGroup() + "授权下列巡察组，于"
                        + OfficialDocument.dateText(round.schedule().entryDate()) + "至"
                        + OfficialDocument.dateText(round.schedule().exitDate())
                        + "对下列村居党组织开展巡察监督。被巡察村居党组织和党员干部应当积极配合，如实反映情况、提供资料。")
                .firstLevel("一、授权名单");
        if (groups.isEmpty()) {
            document.placeholder("巡察组组建后在此填写：各巡察组名称及组长、副组长、组员");
        } else {
            List<List<String>> named = new ArrayList<>();
            for (DocumentGroup g : groups) {
                named.add(List.of(
                        g.name(),
                        orPending(g.leader()),
                        orPending(g.deputy()),
                        String.join("，", g.members()),
                        g.localities()));
            }
            document.table(List.of("巡察组", "组长", "副组长", "组员", "巡察村居"), named);
        }
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (Map.Entry<InspectionRound.Township, Map<RegionKind, List<RoundLocality>>> township :
                round.localitiesByTownship().entrySet()) {
            String localities = township.getValue().values().stream()
                    .flatMap(List::stream)
                    .map(RoundLocality::name)
                    .collect(Collectors.joining("、"));
            rows.add(List.of(
                    String.valueOf(n++), township.getKey().name(), localities, groupsOf(groups, township.getValue())));
        }
        return document.table(List.of("序号", "乡（镇、办事处）", "被巡察村居", "巡察组"), rows)
                .firstLevel("二、有关要求")
                .paragraph("巡察组应当严格按照授权范围开展工作，不干预被巡察村居的正常工作，不履行执纪审查职责。")
                .signature(term.leadingGroup(), date)
                .toBytes();
    }

    /** Each group: name, leader, deputy, members with their units, its 村居 and, in the work plan, 精准定责. */
    private static void groupParagraphs(OfficialDocument document, List<DocumentGroup> groups, boolean duties) {
        for (DocumentGroup g : groups) {
            StringBuilder text = new StringBuilder();
            text.append("组长：").append(orPending(g.leader())).append("；");
            if (g.deputy() != null) {
                text.append("副组长：").append(g.deputy()).append("；");
            }
            text.append("组员：")
                    .append(g.members().isEmpty() ? "待定" : String.join("，", g.members()))
                    .append("。");
            text.append("巡察村居：")
                    .append(g.localities().isEmpty() ? "待定" : g.localities())
                    .append("。");
            if (duties && !g.responsibilities().isEmpty()) {
                text.append("分工：")
                        .append(String.join("；", g.responsibilities()))
                        .append("。");
            }
            document.secondLevel(g.name() + "。", text.toString());
        }
    }

    /** The groups that take 村居 of a township, by name; 待定 when none does yet. */
    private static String groupsOf(List<DocumentGroup> groups, Map<RegionKind, List<RoundLocality>> township) {
        List<String> names = new ArrayList<>();
        for (DocumentGroup g : groups) {
            List<String> taken = List.of(g.localities().split("、"));
            boolean takes = township.values().stream().flatMap(List::stream).anyMatch(l -> taken.contains(l.name()));
            if (takes) {
                names.add(g.name());
            }
        }
        return names.isEmpty() ? "待定" : String.join("、", names);
    }

    private static String orPending(@Nullable String person) {
        return person == null ? "待定" : person;
    }

    private static void townshipTable(OfficialDocument document, InspectionRound round) {
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (Map.Entry<InspectionRound.Township, Map<RegionKind, List<RoundLocality>>> township :
                round.localitiesByTownship().entrySet()) {
            List<RoundLocality> all =
                    township.getValue().values().stream().flatMap(List::stream).toList();
            rows.add(List.of(
                    String.valueOf(n++),
                    township.getKey().name(),
                    count(all, l -> l.kind() == RegionKind.VILLAGE),
                    count(all, l -> l.kind() == RegionKind.COMMUNITY),
                    count(all, l -> l.intensity() == Intensity.FOCUSED),
                    count(all, l -> l.intensity() == Intensity.EXPEDITED),
                    String.valueOf(all.size())));
        }
        rows.add(List.of(
                "",
                "合计",
                String.valueOf(round.count(RegionKind.VILLAGE)),
                String.valueOf(round.count(RegionKind.COMMUNITY)),
                String.valueOf(round.count(Intensity.FOCUSED)),
                String.valueOf(round.count(Intensity.EXPEDITED)),
                String.valueOf(round.localities().size())));
        document.table(List.of("序号", "乡（镇、办事处）", "村", "社区", "重点巡察", "快进快出", "合计"), rows);
    }

    private static void localityTable(OfficialDocument document, InspectionRound round) {
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (Map.Entry<InspectionRound.Township, Map<RegionKind, List<RoundLocality>>> township :
                round.localitiesByTownship().entrySet()) {
            for (List<RoundLocality> ofKind : township.getValue().values()) {
                for (RoundLocality l : ofKind) {
                    rows.add(List.of(
                            String.valueOf(n++),
                            township.getKey().name(),
                            l.name(),
                            kindName(l.kind()),
                            intensityName(l.intensity()),
                            String.valueOf(l.plannedDays())));
                }
            }
        }
        document.empty().table(List.of("序号", "乡（镇、办事处）", "村居", "类型", "巡察方式", "计划天数"), rows);
    }

    private static String count(List<RoundLocality> localities, java.util.function.Predicate<RoundLocality> test) {
        return String.valueOf(localities.stream().filter(test).count());
    }

    private static String scheduleByIntensity(InspectionRound round) {
        StringBuilder text = new StringBuilder();
        for (Intensity intensity : Intensity.values()) {
            round.localities().stream()
                    .filter(l -> l.intensity() == intensity)
                    .mapToInt(RoundLocality::plannedDays)
                    .max()
                    .ifPresent(days -> text.append(
                            intensity == Intensity.FOCUSED
                                    ? "对党建工作薄弱、经济实体量较大、矛盾问题较多的村居重点巡察，每个村居安排" + days + "天左右；"
                                    : "对情况较好、矛盾较少的村居快进快出，每个村居安排" + days + "天左右；"));
        }
        if (text.length() > 0) {
            text.setCharAt(text.length() - 1, '。');
        }
        return text.toString();
    }

    private static String townshipNames(InspectionRound round) {
        return round.townships().stream().map(InspectionRound.Township::name).collect(Collectors.joining("、"));
    }

    private static String orLater(@Nullable String channel) {
        return channel == null || channel.isBlank() ? "另行公布" : channel;
    }

    static String kindName(RegionKind kind) {
        return kind == RegionKind.COMMUNITY ? "社区" : "村";
    }

    static String intensityName(Intensity intensity) {
        return intensity == Intensity.FOCUSED ? "重点巡察" : "快进快出";
    }

    static String meetingName(Meeting meeting) {
        if (meeting.title() != null) {
            return meeting.title();
        }
        return switch (meeting.kind()) {
            case MOBILIZATION -> "动员会";
            case PRE_INSPECTION -> "巡前促进会";
            case MID_INSPECTION -> "巡中调度会";
            case POST_INSPECTION -> "巡后协商会";
            case FEEDBACK -> "反馈会";
            case OTHER -> "会议";
        };
    }
}
