package org.xuncha.planning;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * 巡察重点: one point of a district's focus checklist (巡察重点清单), kept by the office in its order and taken into
 * each round's work plan while active.
 */
class FocusItem {

    /** A point of the checklist as first written. */
    record Seed(String title, String description) {}

    /** The checklist of the article's district, with which every district starts. */
    static final List<Seed> ARTICLE_LIST = List.of(
            new Seed("“六围绕一加强”监督重点", "紧扣“六围绕一加强”，以党章党纪为尺子，检查村居党组织贯彻落实党的路线方针政策和上级决策部署情况。"),
            new Seed("“两个维护”执行情况", "把“两个维护”作为根本任务，检查村居党组织在政治立场、政治方向、政治原则上同党中央保持高度一致的情况。"),
            new Seed("村居党组织作用发挥情况", "重点发现和推动解决村居党组织作用发挥不充分、党建工作薄弱、“关键少数”履职不到位的问题。"),
            new Seed("村居干部纪律规矩和作风问题", "检查村居干部遵守政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律、生活纪律情况。"),
            new Seed("群众身边的腐败问题", "检查优亲厚友、吃拿卡要、虚报冒领、侵占挪用等群众身边的腐败问题。"),
            new Seed("民生领域问题", "检查低保、五保、危房改造、医疗救助等民生政策落实情况和群众反映强烈的问题。"),
            new Seed("扶贫领域腐败和作风问题", "检查扶贫领域腐败和作风问题专项治理情况，推动脱贫攻坚政策落地见效。"),
            new Seed("扫黑除恶专项斗争", "检查扫黑除恶专项斗争开展情况，发现“村霸”、宗族恶势力及其“保护伞”线索。"),
            new Seed("农地非农化", "检查违法占用耕地、乱占耕地建房等农地非农化问题。"),
            new Seed("乡村振兴战略实施情况", "检查产业发展、人居环境整治、基础设施建设等乡村振兴战略实施情况。"),
            new Seed("社区治理情况", "检查社区党组织领导下的居民自治、网格化管理、为民服务等社区治理情况。"),
            new Seed("形式主义、官僚主义问题", "检查文山会海、层层加码、敷衍塞责等形式主义、官僚主义问题。"),
            new Seed("“三资”管理情况", "检查农村集体资金、资产、资源管理使用情况，发现侵占、挪用、贱卖集体“三资”问题。"),
            new Seed("党风廉政建设和意识形态工作", "检查党风廉政建设主体责任落实和意识形态工作责任制落实情况。"));

    private final long id;
    private final long districtId;
    private final int position;
    private String title;
    private @Nullable String description;
    private boolean active;
    private final int version;

    FocusItem(
            long id,
            long districtId,
            int position,
            String title,
            @Nullable String description,
            boolean active,
            int version) {
        this.id = id;
        this.districtId = districtId;
        this.position = position;
        this.title = title;
        this.description = description;
        this.active = active;
        this.version = version;
    }

    void revise(String title, @Nullable String description) {
        if (title.isBlank()) {
            throw new RoundRuleViolation("focus.rule.titleRequired");
        }
        this.title = title.strip();
        this.description = description == null || description.isBlank() ? null : description.strip();
    }

    /** Kept in the list but left out of new work plans. */
    void deactivate() {
        this.active = false;
    }

    void activate() {
        this.active = true;
    }

    public long id() {
        return id;
    }

    public long districtId() {
        return districtId;
    }

    public int position() {
        return position;
    }

    public String title() {
        return title;
    }

    public @Nullable String description() {
        return description;
    }

    public boolean active() {
        return active;
    }

    public int version() {
        return version;
    }
}
