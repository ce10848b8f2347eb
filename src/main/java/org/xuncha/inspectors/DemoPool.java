package org.xuncha.inspectors;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xuncha.confidential.FieldCipher;
import org.xuncha.organization.DemoDistrictLoaded;
import org.xuncha.organization.RegionLevel;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.Regions;
import org.xuncha.organization.ResidentIdNumber;

/**
 * The demo pool (演示人才库) modelled on the article: 180 people, 80 in the leader tier and 100 in the member tier,
 * drawn from 纪检, 组织, 财政, 审计, 农业 and other district units, with work and home townships over the district's
 * 19 township units, about 15% with declared relatives in a 村居, trainings and some unavailable times. The demo
 * accounts groupleader, groupdeputy and groupmember are three of them. Deterministic: the same seed, the same pool.
 *
 * <p>Loaded synchronously when the demo district is, inside the same transaction of the first start, so pages show
 * the pool at once.
 */
@Component
class DemoPool {

    private static final Logger log = LoggerFactory.getLogger(DemoPool.class);

    static final int LEADER_TIER = 80;
    static final int MEMBER_TIER = 100;

    private record Unit(
            String name,
            UnitKind kind,
            int people,
            List<Expertise> expertise,
            List<String> leaderPosts,
            List<String> memberPosts) {}

    private static final List<Unit> UNITS = List.of(
            new Unit(
                    "区纪委监委",
                    UnitKind.DISCIPLINE,
                    36,
                    List.of(Expertise.DISCIPLINE, Expertise.LAW),
                    List.of("纪检监察室主任", "纪检监察室副主任", "派驻纪检监察组组长", "四级调研员"),
                    List.of("一级科员", "二级主任科员", "纪检监察员")),
            new Unit(
                    "区委组织部",
                    UnitKind.ORGANIZATION,
                    16,
                    List.of(Expertise.PARTY_BUILDING),
                    List.of("组织科科长", "部务委员", "四级调研员"),
                    List.of("一级科员", "组织员")),
            new Unit(
                    "区财政局",
                    UnitKind.FINANCE,
                    30,
                    List.of(Expertise.FINANCE),
                    List.of("副局长", "农财股股长", "国库股股长"),
                    List.of("会计", "一级科员", "财政所干部")),
            new Unit(
                    "区审计局",
                    UnitKind.AUDIT,
                    24,
                    List.of(Expertise.AUDIT, Expertise.FINANCE),
                    List.of("副局长", "经济责任审计股股长"),
                    List.of("审计员", "一级科员")),
            new Unit(
                    "区农业农村局",
                    UnitKind.AGRICULTURE,
                    24,
                    List.of(Expertise.AGRICULTURE, Expertise.LAND),
                    List.of("副局长", "农经站站长", "四级调研员"),
                    List.of("农艺师", "农经员", "一级科员")),
            new Unit(
                    "区民政局",
                    UnitKind.CIVIL_AFFAIRS,
                    10,
                    List.of(Expertise.PARTY_BUILDING),
                    List.of("社会救助股股长"),
                    List.of("一级科员")),
            new Unit(
                    "区住建局",
                    UnitKind.OTHER,
                    12,
                    List.of(Expertise.ENGINEERING),
                    List.of("质监站站长"),
                    List.of("工程师", "一级科员")),
            new Unit("区司法局", UnitKind.OTHER, 10, List.of(Expertise.LAW), List.of("法律援助中心主任"), List.of("司法助理员", "一级科员")),
            new Unit(
                    "区自然资源局",
                    UnitKind.OTHER,
                    10,
                    List.of(Expertise.LAND, Expertise.ENGINEERING),
                    List.of("国土所所长"),
                    List.of("一级科员", "测绘员")),
            new Unit("区乡村振兴局", UnitKind.OTHER, 8, List.of(Expertise.AGRICULTURE), List.of("副局长"), List.of("一级科员")));

    private static final String SURNAMES =
            "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛闫段雷侯史陶贺";
    private static final String GIVEN_MALE = "国建明文军平志伟强永春金德福忠新立学保全振东庆峰杰涛刚斌勇俊胜利广成浩宇鹏飞磊";
    private static final String GIVEN_FEMALE = "华红秀英兰芳玉梅丽霞云凤桂荣彩淑珍佩娟敏静燕琳颖婷雪慧洁";
    private static final List<String> RELATIONS =
            List.of("父亲", "母亲", "兄弟", "姐妹", "配偶的兄弟", "舅舅", "姑姑", "堂兄弟", "表兄弟", "岳父");
    private static final List<String> COURSES =
            List.of("全区巡察村居工作业务培训班", "巡察工作条例专题辅导", "村级“三资”管理审计实务", "巡察谈话技巧与底稿规范", "农村集体经济政策解读", "扫黑除恶专项斗争线索摸排培训");
    private static final List<String> AWAY = List.of("参加党校中青班培训", "借调市委巡察办", "产假", "病休", "参加上级专项检查");

    /** The demo accounts who are inspectors, so planning can scope groups to them. */
    private record Linked(
            String username,
            String name,
            Sex sex,
            String unit,
            String post,
            Tier tier,
            Set<Expertise> expertise,
            String work,
            String home) {}

    private static final List<Linked> LINKED = List.of(
            new Linked(
                    "groupleader",
                    "赵明",
                    Sex.MALE,
                    "区纪委监委",
                    "第三纪检监察室主任",
                    Tier.LEADER_TIER,
                    EnumSet.of(Expertise.DISCIPLINE, Expertise.LAW),
                    "古城街道",
                    "路河镇"),
            new Linked(
                    "groupdeputy",
                    "孙立",
                    Sex.MALE,
                    "区审计局",
                    "副局长",
                    Tier.LEADER_TIER,
                    EnumSet.of(Expertise.AUDIT, Expertise.FINANCE),
                    "文化街道",
                    "高辛镇"),
            new Linked(
                    "groupmember",
                    "周洁",
                    Sex.FEMALE,
                    "区财政局",
                    "一级科员",
                    Tier.MEMBER_TIER,
                    EnumSet.of(Expertise.FINANCE),
                    "东方街道",
                    "宋集镇"));

    private final Regions regions;
    private final Inspectors inspectors;
    private final FieldCipher cipher;
    private final Clock clock;

    DemoPool(Regions regions, Inspectors inspectors, FieldCipher cipher, Clock clock) {
        this.regions = regions;
        this.inspectors = inspectors;
        this.cipher = cipher;
        this.clock = clock;
    }

    @EventListener
    void on(DemoDistrictLoaded event) {
        RegionSummary district = regions.find(event.districtId()).orElseThrow();
        List<RegionSummary> townships = regions.children(district.id()).stream()
                .filter(r -> r.level() == RegionLevel.TOWNSHIP)
                .toList();
        Map<Long, List<RegionSummary>> localities = new HashMap<>();
        townships.forEach(t -> localities.put(t.id(), regions.children(t.id())));
        List<Inspector> pool = generate(district, townships, localities);
        pool.forEach(inspectors::save);
        log.info("Demo pool: {} inspectors in {}", pool.size(), district.name());
    }

    List<Inspector> generate(
            RegionSummary district, List<RegionSummary> townships, Map<Long, List<RegionSummary>> localities) {
        Random random = new Random(20_190_301L);
        LocalDate today = LocalDate.now(clock);
        List<RegionSummary> urban =
                townships.stream().filter(t -> t.name().endsWith("街道")).toList();
        List<RegionSummary> urbanOrAll = urban.isEmpty() ? townships : urban;
        List<Tier> tiers = new ArrayList<>();
        for (int i = 0; i < LEADER_TIER - count(Tier.LEADER_TIER); i++) {
            tiers.add(Tier.LEADER_TIER);
        }
        for (int i = 0; i < MEMBER_TIER - count(Tier.MEMBER_TIER); i++) {
            tiers.add(Tier.MEMBER_TIER);
        }
        Collections.shuffle(tiers, random);
        List<Inspector> pool = new ArrayList<>();
        for (Linked linked : LINKED) {
            Inspector inspector = Inspector.enrol(
                    district.id(),
                    district.path(),
                    new Inspector.Profile(
                            linked.name(),
                            linked.sex(),
                            linked.unit(),
                            unitKind(linked.unit()),
                            linked.post(),
                            PoliticalStatus.CPC_MEMBER,
                            linked.tier(),
                            linked.expertise(),
                            byName(townships, linked.work()),
                            byName(townships, linked.home()),
                            linked.username(),
                            phone(random)));
            completeDemoFacts(inspector, random, today);
            pool.add(inspector);
        }
        int next = 0;
        for (Unit unit : UNITS) {
            int people = unit.people()
                    - (int) LINKED.stream()
                            .filter(l -> l.unit().equals(unit.name()))
                            .count();
            for (int i = 0; i < people; i++) {
                Tier tier = tiers.get(next++);
                Sex sex = random.nextInt(100) < 68 ? Sex.MALE : Sex.FEMALE;
                Set<Expertise> expertise = EnumSet.of(unit.expertise().get(0));
                if (unit.expertise().size() > 1 && random.nextBoolean()) {
                    expertise.add(unit.expertise().get(1));
                }
                if (random.nextInt(100) < 25) {
                    expertise.add(Expertise.values()[random.nextInt(Expertise.values().length)]);
                }
                List<String> posts = tier == Tier.LEADER_TIER ? unit.leaderPosts() : unit.memberPosts();
                RegionSummary work = random.nextInt(100) < 60
                        ? urbanOrAll.get(random.nextInt(urbanOrAll.size()))
                        : townships.get(random.nextInt(townships.size()));
                RegionSummary home = townships.get(random.nextInt(townships.size()));
                PoliticalStatus status = random.nextInt(100) < 93
                        ? PoliticalStatus.CPC_MEMBER
                        : random.nextBoolean() ? PoliticalStatus.CPC_PROBATIONARY : PoliticalStatus.DEMOCRATIC_PARTY;
                Inspector inspector = Inspector.enrol(
                        district.id(),
                        district.path(),
                        new Inspector.Profile(
                                name(random, sex),
                                sex,
                                unit.name(),
                                unit.kind(),
                                posts.get(random.nextInt(posts.size())),
                                status,
                                tier,
                                expertise,
                                work.id(),
                                home.id(),
                                null,
                                phone(random)));
                if (random.nextInt(100) < 15) {
                    for (int r = 1 + random.nextInt(2); r > 0; r--) {
                        RegionSummary where =
                                random.nextInt(100) < 60 ? home : townships.get(random.nextInt(townships.size()));
                        List<RegionSummary> candidates = localities.getOrDefault(where.id(), List.of());
                        if (!candidates.isEmpty()) {
                            RegionSummary locality = candidates.get(random.nextInt(candidates.size()));
                            if (inspector.relatives().stream().noneMatch(x -> x.localityId() == locality.id())) {
                                inspector.declareRelative(
                                        locality.id(), RELATIONS.get(random.nextInt(RELATIONS.size())));
                            }
                        }
                    }
                }
                completeDemoFacts(inspector, random, today);
                pool.add(inspector);
            }
        }
        return pool;
    }

    private void completeDemoFacts(Inspector inspector, Random random, LocalDate today) {
        String id = idNumber(random);
        inspector.recordIdNumber(cipher.encrypt(id), id);
        for (int t = 1 + random.nextInt(3); t > 0; t--) {
            inspector.recordTraining(
                    today.minusDays(20 + random.nextInt(700)), COURSES.get(random.nextInt(COURSES.size())));
        }
        if (inspector.profile().linkedUsername() == null && random.nextInt(100) < 10) {
            LocalDate from = today.plusDays(random.nextInt(120));
            inspector.markUnavailable(
                    new DateRange(from, from.plusDays(7 + random.nextInt(38))), AWAY.get(random.nextInt(AWAY.size())));
        }
    }

    private static int count(Tier tier) {
        return (int) LINKED.stream().filter(l -> l.tier() == tier).count();
    }

    private static UnitKind unitKind(String unit) {
        return UNITS.stream()
                .filter(u -> u.name().equals(unit))
                .findFirst()
                .orElseThrow()
                .kind();
    }

    private static @Nullable Long byName(List<RegionSummary> townships, String name) {
        return townships.stream()
                .filter(t -> t.name().equals(name))
                .map(RegionSummary::id)
                .findFirst()
                .orElse(null);
    }

    private static String name(Random random, Sex sex) {
        String given = sex == Sex.MALE ? GIVEN_MALE : GIVEN_FEMALE;
        String name = String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())))
                + given.charAt(random.nextInt(given.length()));
        return random.nextInt(100) < 60 ? name + given.charAt(random.nextInt(given.length())) : name;
    }

    private static String phone(Random random) {
        return "1" + "35789".charAt(random.nextInt(5)) + String.format("%09d", random.nextInt(1_000_000_000));
    }

    /** A well-formed 18-digit resident ID number (GB 11643) registered in 睢阳区. */
    private static String idNumber(Random random) {
        String body = "411403" + (1966 + random.nextInt(30)) + String.format("%02d", 1 + random.nextInt(12))
                + String.format("%02d", 1 + random.nextInt(28)) + String.format("%03d", random.nextInt(1000));
        return body + ResidentIdNumber.checkCharacter(body);
    }
}
