package org.xuncha.findings;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.xuncha.identity.ReceivingBody;
import org.xuncha.inspectors.GroupRole;
import org.xuncha.organization.RegionScope;
import org.xuncha.planning.FieldworkFinished;
import org.xuncha.planning.RoundGroup;
import org.xuncha.planning.RoundKind;
import org.xuncha.planning.RoundLocality;
import org.xuncha.planning.RoundSummary;
import org.xuncha.planning.Rounds;

/**
 * Demo findings for the pilot round, made through the module's own services once its fieldwork is finished: two or
 * three findings per 村居 with their working papers at every stage (most approved, one returned with comments, some
 * waiting), two 立行立改, a recurrence in one 村居 and a common problem across a township, and one lead transferred to
 * 区纪委监委 and received by {@code receiver}, who reported the start of a preliminary check.
 */
@Component
class FindingsDemo {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FindingsDemo.class);

    /** A demo finding: category, description, source, people, amount, severity, facts, rule, handling. */
    record Sample(
            String category,
            String description,
            SourceKind source,
            String people,
            @Nullable String amount,
            Severity severity,
            String facts,
            String rule,
            String handling) {}

    static final List<Sample> SAMPLES = List.of(
            new Sample(
                    "三资管理",
                    "村集体机动地发包未经村民代表会议表决，承包费未及时入账。",
                    SourceKind.DOCUMENT_REVIEW,
                    "村党支部书记、村委会主任",
                    "36000.00",
                    Severity.SERIOUS,
                    "经查阅2023年至2024年村集体财务账目和土地承包合同，村集体机动地86亩发包给个人，未召开村民代表会议表决，承包费3.6万元在村干部手中滞留5个月后才入账。",
                    "《村集体经济组织财务制度》关于资金收入及时入账的规定；“四议两公开”工作法",
                    "责令村党支部规范集体资产发包程序，承包费全部入账并公开，对相关责任人进行批评教育。"),
            new Sample(
                    "民生保障",
                    "低保户认定不精准，存在关系保、人情保现象。",
                    SourceKind.VISIT,
                    "村委会委员",
                    null,
                    Severity.SERIOUS,
                    "入户走访低保户23户，其中2户家庭有经营性车辆和门面房，不符合低保条件；1户为村干部近亲属，未按规定备案。",
                    "《社会救助暂行办法》；民政部门关于村干部近亲属享受低保备案的规定",
                    "对不符合条件的低保户按程序退出，近亲属享受低保情况补充备案并公示，对负有责任的村干部进行提醒谈话。"),
            new Sample(
                    "党组织作用发挥",
                    "“三会一课”制度落实不到位，党员大会记录缺失。",
                    SourceKind.DOCUMENT_REVIEW,
                    "村党支部书记",
                    null,
                    Severity.GENERAL,
                    "查阅党支部会议记录本，2024年仅召开党员大会2次，支部委员会会议记录后补痕迹明显，党课记录空缺。",
                    "《中国共产党支部工作条例（试行）》第十五条",
                    "严格落实“三会一课”制度，补齐学习教育，支部书记带头讲党课。"),
            new Sample(
                    "干部纪律作风",
                    "村干部值班制度形同虚设，群众办事找不到人。",
                    SourceKind.TALK,
                    "村两委成员",
                    null,
                    Severity.GENERAL,
                    "个别谈话中，5名群众反映村室工作日经常无人值班；巡察组三次实地查看，两次无人在岗。",
                    "村级组织坐班值班制度",
                    "落实村干部坐班值班和为民服务全程代办制度，公开值班电话。"),
            new Sample(
                    "农地非农化",
                    "基本农田上违规建设养殖大棚。",
                    SourceKind.SITE_CHECK,
                    "村民",
                    null,
                    Severity.SERIOUS,
                    "实地查看发现，村东基本农田上建有养殖大棚2座，占地约4.2亩，未办理设施农用地备案。",
                    "《中华人民共和国土地管理法》第三十七条",
                    "责令限期整改，恢复耕种条件，村党支部加强耕地保护巡查。"),
            new Sample(
                    "群众身边腐败和不正之风",
                    "危房改造补助资金被村干部截留。",
                    SourceKind.PETITION,
                    "村委会原会计",
                    "12000.00",
                    Severity.GRAVE,
                    "信访反映并经查阅资料，2022年2户危房改造户每户补助6000元，实际只领到部分资金，差额由原会计经手未发放。",
                    "《中国共产党纪律处分条例》关于侵害群众利益行为的规定",
                    "移交区纪委监委处置，督促将截留资金足额发放到户。"));

    private final FindingWork work;
    private final LeadWork leads;
    private final Categories categories;
    private final FindingRecords records;
    private final Rounds rounds;
    private final boolean demo;

    FindingsDemo(
            FindingWork work,
            LeadWork leads,
            Categories categories,
            FindingRecords records,
            Rounds rounds,
            @Value("${xuncha.demo.enabled}") String demoFlag,
            @Value("${xuncha.database.url}") String databaseUrl) {
        this.work = work;
        this.leads = leads;
        this.categories = categories;
        this.records = records;
        this.rounds = rounds;
        this.demo = StringUtils.hasText(demoFlag)
                ? Boolean.parseBoolean(demoFlag.trim())
                : !StringUtils.hasText(databaseUrl);
    }

    @ApplicationModuleListener
    void on(FieldworkFinished event) {
        if (!demo) {
            return;
        }
        RegionScope scope = RegionScope.of(event.localityIds());
        RoundSummary round = rounds.find(event.roundId(), scope).orElse(null);
        if (round == null || round.kind() != RoundKind.PILOT || !"五届区委".equals(round.termName())) {
            return;
        }
        List<RoundLocality> localities = rounds.localities(event.roundId(), scope);
        if (!records.ofRound(event.roundId(), event.localityIds(), null).isEmpty()) {
            return;
        }
        Map<String, Long> categoryIds =
                categories.all().stream().collect(Collectors.toMap(Category::name, Category::id));
        Caller office = new Caller("office", "巡察办", Set.of("OFFICE_STAFF"), null, null);
        int index = 0;
        int fixes = 0;
        Finding forLead = null;
        String wuqiang = "坞墙镇";
        for (RoundLocality locality : localities) {
            RoundGroup group =
                    rounds.groupOf(event.roundId(), locality.localityId()).orElse(null);
            if (group == null) {
                continue;
            }
            boolean accountsGroup = locality.townshipName().equals(wuqiang);
            Caller member = caller(group, GroupRole.MEMBER, accountsGroup ? "groupmember" : null);
            Caller leader = caller(group, GroupRole.LEADER, accountsGroup ? "groupleader" : null);
            if (member == null || leader == null) {
                continue;
            }
            int count = 2 + (index % 2);
            for (int k = 0; k < count; k++) {
                Sample sample = SAMPLES.get((index + k) % SAMPLES.size());
                Finding f = work.recordFor(
                        member.username(), event.roundId(), locality.localityId(), entry(sample, categoryIds), null);
                if (k == 0) {
                    work.addEvidence(member, f, Evidence.Purpose.FINDING, "现场照片", "现场照片.png", photo(sample.category()));
                    f = records.find(f.id()).orElseThrow();
                }
                Finding.Paper paper = new Finding.Paper(sample.facts(), sample.rule(), sample.handling());
                int stage = (index + k) % 5;
                if (stage == 4 && !accountsGroup) {
                    work.draftPaper(member, f, paper, f.version());
                    continue;
                }
                f = work.submit(member, f, paper, f.version());
                if (stage == 3) {
                    if (accountsGroup) {
                        work.leaderDecides(leader, f, false, "事实部分请补充走访笔录编号和当事人确认情况，违反的规定引用到具体条款。", f.version());
                    }
                    continue;
                }
                f = work.leaderDecides(leader, f, true, "同意，报巡察办审核。", f.version());
                f = work.officeDecides(office, f, true, "", f.version());
                if (sample.amount() != null && forLead == null && accountsGroup) {
                    forLead = f;
                }
                if (fixes < 2 && k == 1) {
                    f = work.fixedOnTheSpot(
                            member,
                            f,
                            "巡察期间即知即改：" + sample.handling(),
                            round.exitDate().minusDays(2),
                            f.version());
                    work.addEvidence(member, f, Evidence.Purpose.FIX, "整改后照片", "整改后.png", photo("整改"));
                    fixes++;
                }
            }
            index++;
        }
        if (forLead != null) {
            RoundGroup group =
                    rounds.groupOf(event.roundId(), forLead.localityId()).orElseThrow();
            Caller leader = caller(group, GroupRole.LEADER, "groupleader");
            Caller director = new Caller("director", "巡察办主任", Set.of("OFFICE_DIRECTOR"), null, null);
            Caller receiver =
                    new Caller("receiver", "区纪委监委", Set.of("LEAD_RECEIVER"), null, ReceivingBody.DISCIPLINE_COMMISSION);
            long id = leads.raise(
                    leader,
                    event.roundId(),
                    forLead.localityId(),
                    forLead.id(),
                    new LeadWork.NewLead(
                            "村委会原会计（姓名见附件）",
                            "2022年危房改造补助资金1.2万元由原会计经手，未足额发放到户，涉嫌截留挪用。",
                            new BigDecimal("12000.00"),
                            ReceivingBody.DISCIPLINE_COMMISSION,
                            "",
                            Lead.Sensitivity.SENSITIVE));
            Lead lead = leads
                    .register(new LeadRecords.Filter(null, null, List.of(event.roundId() + ":" + forLead.localityId())))
                    .stream()
                    .filter(l -> l.id() == id)
                    .findFirst()
                    .orElseThrow();
            lead = leads.transfer(director, lead, lead.version());
            lead = leads.receive(receiver, lead, lead.version());
            leads.reportDisposition(
                    receiver,
                    lead,
                    Lead.DispositionKind.PRELIMINARY_CHECK,
                    lead.transferredOn(),
                    "已启动初步核实。",
                    lead.version());
        }
        log.info("Demo: findings recorded for the pilot round {}", event.roundId());
    }

    private static FindingWork.NewFinding entry(Sample sample, Map<String, Long> categoryIds) {
        return new FindingWork.NewFinding(
                categoryIds.get(sample.category()),
                sample.description(),
                sample.source(),
                null,
                sample.source() == SourceKind.PETITION ? "信访举报（来信）" : "",
                sample.people(),
                sample.amount() == null ? null : new BigDecimal(sample.amount()),
                sample.severity());
    }

    private static @Nullable Caller caller(RoundGroup group, GroupRole role, @Nullable String username) {
        return group.members().stream()
                .filter(m -> m.role() == role)
                .findFirst()
                .map(m -> new Caller(
                        username == null ? m.name() : username,
                        m.name(),
                        Set.of(role == GroupRole.LEADER ? "GROUP_LEADER" : "GROUP_MEMBER"),
                        m.inspector(),
                        null))
                .orElse(null);
    }

    static byte[] photo(String label) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(Math.abs(label.hashCode()) % 0xFFFFFF));
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
