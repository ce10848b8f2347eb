package org.xuncha.organization;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Generates the demo district modelled on the article: 睢阳区 (商丘市, 河南省) with 19 township units (6 街道, 11 镇,
 * 2 乡) and 349 村居 (54 社区, 295 村), plausible names, party organizations, classification facts and a household
 * roster in which every 村居 has households and some are 五保户, 低保户 or 危房改造户. Deterministic: the same seed
 * gives the same district.
 */
@Component
class DemoDistrict {

    private record Township(String name, RegionKind kind, int communities, int villages) {}

    private static final List<Township> TOWNSHIPS = List.of(
            new Township("古城街道", RegionKind.SUBDISTRICT, 8, 2),
            new Township("文化街道", RegionKind.SUBDISTRICT, 7, 2),
            new Township("东方街道", RegionKind.SUBDISTRICT, 7, 2),
            new Township("新城街道", RegionKind.SUBDISTRICT, 6, 2),
            new Township("古宋街道", RegionKind.SUBDISTRICT, 6, 1),
            new Township("宋城街道", RegionKind.SUBDISTRICT, 6, 1),
            new Township("坞墙镇", RegionKind.TOWN, 2, 24),
            new Township("冯桥镇", RegionKind.TOWN, 1, 23),
            new Township("闫集镇", RegionKind.TOWN, 1, 23),
            new Township("路河镇", RegionKind.TOWN, 1, 22),
            new Township("高辛镇", RegionKind.TOWN, 1, 22),
            new Township("宋集镇", RegionKind.TOWN, 1, 22),
            new Township("郭村镇", RegionKind.TOWN, 1, 22),
            new Township("李口镇", RegionKind.TOWN, 1, 22),
            new Township("毛堌堆镇", RegionKind.TOWN, 1, 21),
            new Township("勒马镇", RegionKind.TOWN, 1, 21),
            new Township("包公庙镇", RegionKind.TOWN, 1, 21),
            new Township("临河店乡", RegionKind.XIANG, 1, 21),
            new Township("娄店乡", RegionKind.XIANG, 1, 21));

    private static final String SURNAMES =
            "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛闫段雷侯史陶贺顾毛郝龚邵万钱严武戴孔汤";
    private static final String GIVEN = "国建华明文军平志伟红秀英兰芳玉梅海强永春金德福贵忠新立学保全振东庆峰丽霞云凤桂荣杰涛刚斌勇彩霞淑珍佩俊胜利广成";
    private static final String[] VILLAGE_SUFFIXES = {
        "庄村", "楼村", "集村", "寨村", "营村", "庙村", "店村", "洼村", "桥村", "屯村", "园村", "堂村"
    };
    private static final String[] COMMUNITY_NAMES = {
        "和平", "建设", "文化", "繁荣", "幸福", "新华", "光明", "振兴", "东风", "南关", "北关", "西关", "东关", "凯旋", "华夏", "神火", "长征", "团结",
        "八一", "阳光", "锦绣", "春晖", "民主", "胜利", "新兴", "学院", "中州", "滨湖", "湖西", "湖东", "平原", "康居", "丰收", "育才", "金桥", "友谊",
        "花园", "青年", "红旗", "古城", "归德", "应天", "商祖", "阏伯", "睢水", "宋都", "文昌", "燧皇", "南湖", "北海", "梁园", "清凉", "紫荆", "朝阳",
        "永安", "兴隆"
    };

    private final RegionWriter writer;

    DemoDistrict(RegionWriter writer) {
        this.writer = writer;
    }

    /** Writes the district and returns its id. */
    long load() {
        Random random = new Random(20_190_101L);
        long province = writer.insertRegion(null, RegionLevel.PROVINCE, null, "410000000000", "河南省");
        long city = writer.insertRegion(province, RegionLevel.CITY, null, "411400000000", "商丘市");
        long district = writer.insertRegion(city, RegionLevel.DISTRICT, null, "411403000000", "睢阳区");
        Set<String> usedNames = new HashSet<>();
        int communityName = 0;
        int subdistrictNo = 1;
        int townNo = 100;
        int xiangNo = 200;
        for (Township township : TOWNSHIPS) {
            int number = switch (township.kind()) {
                case SUBDISTRICT -> subdistrictNo++;
                case XIANG -> xiangNo++;
                default -> townNo++;
            };
            String townshipCode = "411403" + String.format("%03d", number);
            long townshipId = writer.insertRegion(
                    district, RegionLevel.TOWNSHIP, township.kind(), townshipCode + "000", township.name());
            List<RegionWriter.NewHousehold> households = new ArrayList<>();
            for (int i = 1; i <= township.communities(); i++) {
                String name = COMMUNITY_NAMES[communityName++] + "社区";
                String code = townshipCode + String.format("%03d", i);
                long id = writer.insertRegion(townshipId, RegionLevel.LOCALITY, RegionKind.COMMUNITY, code, name);
                int count = 60 + random.nextInt(61);
                writer.insertLocality(id, facts(random, RegionKind.COMMUNITY, count));
                households.addAll(households(random, id, code, name, RegionKind.COMMUNITY, count));
            }
            for (int i = 1; i <= township.villages(); i++) {
                String name = villageName(random, usedNames);
                String code = townshipCode + String.format("%03d", 200 + i);
                long id = writer.insertRegion(townshipId, RegionLevel.LOCALITY, RegionKind.VILLAGE, code, name);
                int count = 50 + random.nextInt(61);
                writer.insertLocality(id, facts(random, RegionKind.VILLAGE, count));
                households.addAll(households(random, id, code, name, RegionKind.VILLAGE, count));
            }
            writer.upsertHouseholds(households);
        }
        return district;
    }

    private static String villageName(Random random, Set<String> used) {
        while (true) {
            String name = SURNAMES.charAt(random.nextInt(SURNAMES.length()))
                    + VILLAGE_SUFFIXES[random.nextInt(VILLAGE_SUFFIXES.length)];
            if (random.nextInt(4) == 0) {
                name = "大" + name;
            }
            if (used.add(name)) {
                return name;
            }
        }
    }

    private static Locality.Facts facts(Random random, RegionKind kind, int households) {
        Locality.PartyOrgType orgType;
        int roll = random.nextInt(100);
        if (kind == RegionKind.COMMUNITY) {
            orgType = roll < 25
                    ? Locality.PartyOrgType.PARTY_COMMITTEE
                    : roll < 70 ? Locality.PartyOrgType.GENERAL_BRANCH : Locality.PartyOrgType.BRANCH;
        } else {
            orgType = roll < 15 ? Locality.PartyOrgType.GENERAL_BRANCH : Locality.PartyOrgType.BRANCH;
        }
        int population = households * (kind == RegionKind.COMMUNITY ? 3 : 4) * 10 + random.nextInt(400);
        BigDecimal funds = money(random, random.nextInt(10) == 0 ? 600 : 150);
        BigDecimal assets = money(random, random.nextInt(10) == 0 ? 900 : 250);
        BigDecimal resources = kind == RegionKind.VILLAGE
                ? BigDecimal.valueOf(200 + random.nextInt(3000))
                : BigDecimal.valueOf(random.nextInt(50));
        return new Locality.Facts(
                orgType,
                person(random),
                15 + random.nextInt(kind == RegionKind.COMMUNITY ? 180 : 80),
                population,
                households * 10 + random.nextInt(200),
                new CollectiveEconomy(funds, assets, resources),
                random.nextInt(100) < 12,
                random.nextInt(100) < 6,
                random.nextInt(100) < 12);
    }

    private static BigDecimal money(Random random, int max) {
        return BigDecimal.valueOf(random.nextInt(max * 100) + 100, 2).setScale(2, RoundingMode.HALF_UP);
    }

    private static List<RegionWriter.NewHousehold> households(
            Random random, long localityId, String localityCode, String localityName, RegionKind kind, int count) {
        List<RegionWriter.NewHousehold> households = new ArrayList<>(count);
        int groups = 3 + random.nextInt(6);
        String groupWord = kind == RegionKind.COMMUNITY ? "居民小组" : "村民组";
        for (int i = 1; i <= count; i++) {
            int group = 1 + random.nextInt(groups);
            String villagerGroup = "第" + group + groupWord;
            int roll = random.nextInt(1000);
            households.add(new RegionWriter.NewHousehold(
                    localityId,
                    localityCode + String.format("%04d", i),
                    person(random),
                    villagerGroup,
                    localityName + villagerGroup + (1 + random.nextInt(120)) + "号",
                    roll < 25,
                    roll >= 25 && roll < 95 || roll % 97 == 0,
                    roll >= 95 && roll < 120,
                    random.nextInt(3) == 0 ? idNumber(random) : null));
        }
        return households;
    }

    private static String person(Random random) {
        String name = String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())))
                + GIVEN.charAt(random.nextInt(GIVEN.length()));
        return random.nextBoolean() ? name + GIVEN.charAt(random.nextInt(GIVEN.length())) : name;
    }

    /** A well-formed 18-digit resident ID number (GB 11643) registered in 睢阳区. */
    static String idNumber(Random random) {
        String body = "411403" + (1940 + random.nextInt(60)) + String.format("%02d", 1 + random.nextInt(12))
                + String.format("%02d", 1 + random.nextInt(28)) + String.format("%03d", random.nextInt(1000));
        return body + ResidentIdNumber.checkCharacter(body);
    }
}
