package org.sanrong.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.catalog.Collateral;
import org.sanrong.catalog.EligibilityCriteria;
import org.sanrong.catalog.ProductCatalog;
import org.sanrong.catalog.ProductContent;
import org.sanrong.catalog.ProductType;
import org.sanrong.catalog.Terms;
import org.sanrong.enterprise.LifecycleStage;
import org.sanrong.identity.AccountView;
import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.Membership;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.sanrong.platform.DatabaseMode;
import org.sanrong.platform.OrganisationMember;
import org.sanrong.platform.SanrongProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo 金融超市: the products the policy documents name (天使贷, 科技人才贷, 园区保, 首台套保险...) spread over the
 * demo bank and fund and four more demo institutions (a second bank, a guarantor, an insurer, a lessor), each
 * created, submitted and approved through the catalogue like any institution and reviewer would. Runs after
 * {@link DemoData} when demo data is seeded and the catalogue is still empty.
 */
@Component
@Order(20)
class DemoCatalogue implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

    /** The institutions this runner adds, with their first account's username (password as the other demos). */
    record DemoInstitution(String username, InstitutionType type, String name, String next9) {
    }

    static final List<DemoInstitution> INSTITUTIONS = List.of(
            new DemoInstitution("bank2", InstitutionType.BANK, "东莞农商银行科技支行（演示）", "MA52KX7D4"),
            new DemoInstitution("guarantor", InstitutionType.GUARANTOR, "东莞市科技融资担保有限公司（演示）", "MA53GT8E6"),
            new DemoInstitution("insurer", InstitutionType.INSURER, "东莞科技保险服务中心（演示）", "MA54BX9F1"),
            new DemoInstitution("lessor", InstitutionType.LESSOR, "东莞科融融资租赁有限公司（演示）", "MA55WL3H2"));

    private static final String SONGSHAN_LAKE = "441900401";
    private static final String ECO_PARK = "441900403";
    private static final String BINHAI_BAY = "441900404";
    private static final String CHANG_AN = "441900119";

    private record Actor(String username, UUID organisationId, String organisationName)
            implements OrganisationMember {
    }

    private final ProductCatalog catalog;
    private final OrganisationRegistry registry;
    private final Membership membership;
    private final SanrongProperties properties;
    private final DatabaseMode databaseMode;
    private final Clock clock;

    DemoCatalogue(ProductCatalog catalog, OrganisationRegistry registry, Membership membership,
            SanrongProperties properties, DatabaseMode databaseMode, Clock clock) {
        this.catalog = catalog;
        this.registry = registry;
        this.membership = membership;
        this.properties = properties;
        this.databaseMode = databaseMode;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.seedDemo(databaseMode.embedded()) || !catalog.isEmpty()
                || membership.account("bank").isEmpty() || membership.account("gov").isEmpty()) {
            return;
        }
        for (DemoInstitution i : INSTITUTIONS) {
            if (membership.account(i.username()).isEmpty()) {
                UUID id = registry.register(new Registration(i.name(), DemoData.code("91441900", i.next9()),
                        i.type(), "演示联系人", "1380013" + String.format("%04d", 8010 + INSTITUTIONS.indexOf(i)),
                        i.username(), i.name().replace("（演示）", "") + " 客户经理", DemoData.PASSWORD));
                registry.approve(id, "system");
            }
        }
        Actor gov = actor("gov");
        LocalDate from = LocalDate.now(clock).withDayOfYear(1);
        LocalDate until = from.plusYears(3).minusDays(1);
        int n = 0;
        for (Seed seed : seeds(from, until)) {
            Actor institution = actor(seed.username());
            UUID id = catalog.create(seed.content(), institution);
            catalog.submit(id, institution);
            if (catalog.reviewRequired()) {
                catalog.approve(id, gov);
            }
            n++;
        }
        log.info("Demo catalogue seeded: {} products. Institution accounts (password {}): bank, investor, {}", n,
                DemoData.PASSWORD, String.join(", ", INSTITUTIONS.stream().map(DemoInstitution::username).toList()));
    }

    private Actor actor(String username) {
        AccountView account = membership.account(username).orElseThrow();
        return new Actor(account.username(), account.organisationId(), account.organisationName());
    }

    private record Seed(String username, ProductContent content) {
    }

    private static Seed seed(String username, ProductType type, String name, String description, Terms terms,
            EligibilityCriteria criteria, @Nullable String collateralNeeds, String materials, LocalDate from,
            LocalDate until, String contact, String phone) {
        return new Seed(username, new ProductContent(type, name, description, terms, criteria, collateralNeeds,
                materials, from, until, contact, phone));
    }

    private static Terms loan(long minWan, long maxWan, int minMonths, int maxMonths, String minRate,
            String maxRate) {
        return new Terms(wan(minWan), wan(maxWan), minMonths, maxMonths, new BigDecimal(minRate),
                new BigDecimal(maxRate), null, null, null, null, null);
    }

    private static long wan(long wan) {
        return wan * 1_000_000L;
    }

    private static EligibilityCriteria criteria(List<String> towns, List<String> industries,
            List<LifecycleStage> stages, List<String> allOf, List<String> anyOf, @Nullable Integer minYears,
            @Nullable Long minRevenueWan, @Nullable Long maxRevenueWan, @Nullable String grade,
            List<Collateral> collateral) {
        return new EligibilityCriteria(towns, industries, List.of(), stages, allOf, anyOf, minYears,
                minRevenueWan == null ? null : wan(minRevenueWan), maxRevenueWan == null ? null : wan(maxRevenueWan),
                null, null, grade, null, collateral);
    }

    private static final String BASIC_MATERIALS = "营业执照；近两年财务报表及纳税证明；法定代表人身份证明；企业征信授权书";
    private static final List<String> TECH = List.of("C39", "C35", "C40", "I65", "M73");

    private static List<Seed> seeds(LocalDate from, LocalDate until) {
        var seed = List.of(LifecycleStage.SEED, LifecycleStage.START_UP);
        var young = List.of(LifecycleStage.START_UP, LifecycleStage.GROWTH);
        return List.of(
                seed("bank", ProductType.CREDIT_LOAN, "天使贷",
                        "面向种子期、初创期科技型中小企业的纯信用贷款，无需抵押，随借随还，纳入科技信贷风险补偿。",
                        loan(10, 300, 6, 36, "3.45", "4.50"),
                        criteria(List.of(), List.of(), seed, List.of(), List.of("TECH_SME", "TALENT_STARTUP"), null,
                                null, null, null, List.of(Collateral.NONE)),
                        "无需抵押；可追加创始人连带责任保证", BASIC_MATERIALS + "；商业计划书", from, until, "陈经理",
                        "0769-22880001"),
                seed("bank", ProductType.CREDIT_LOAN, "科技人才贷",
                        "支持入选市级以上人才计划的科技人才创办企业，以人才信用为主授信。",
                        loan(50, 1000, 12, 36, "3.50", "4.35"),
                        criteria(List.of(), TECH, List.of(), List.of("TALENT_STARTUP"), List.of(), null, null, null,
                                null, List.of(Collateral.NONE)),
                        null, BASIC_MATERIALS + "；人才认定证书", from, until, "陈经理", "0769-22880001"),
                seed("bank", ProductType.CREDIT_LOAN, "重大科技项目专项贷",
                        "为列入重大科技项目库的企业提供项目建设与研发资金，额度高、期限长。",
                        loan(500, 5000, 12, 60, "3.30", "4.20"),
                        criteria(List.of(), List.of(), List.of(), List.of("MAJOR_PROJECT"), List.of(), 2, null, null,
                                null, List.of()),
                        "视项目情况提供设备抵押或第三方担保", BASIC_MATERIALS + "；项目立项文件；项目预算",
                        from, until, "陈经理", "0769-22880001"),
                seed("bank", ProductType.CREDIT_LOAN, "评级贷",
                        "依据平台科技企业信用评级授信，评级越高额度越高、利率越低。",
                        loan(100, 2000, 12, 36, "3.60", "4.80"),
                        criteria(List.of(), List.of(), List.of(), List.of(), List.of("HIGH_TECH", "SRDI_SME"), 2,
                                500L, null, "BBB", List.of(Collateral.NONE)),
                        null, BASIC_MATERIALS, from, until, "陈经理", "0769-22880001"),
                seed("bank", ProductType.IP_PLEDGE_LOAN, "知识产权质押贷",
                        "以发明专利、商标等知识产权质押融资，可申请贴息和评估费补贴。",
                        loan(100, 3000, 12, 36, "3.80", "5.00"),
                        criteria(List.of(), List.of(), List.of(), List.of(), List.of("HIGH_TECH", "TECH_SME"), 1, null,
                                null, null, List.of(Collateral.IP)),
                        "以有效发明专利或注册商标质押", BASIC_MATERIALS + "；专利证书及评估报告", from, until,
                        "陈经理", "0769-22880001"),
                seed("bank", ProductType.INVESTMENT_LINKED_LOAN, "投贷联动",
                        "与合作创投机构联动，对已获股权投资的科技企业给予信贷支持，投资额越大授信越高。",
                        loan(200, 3000, 12, 36, "3.50", "4.60"),
                        criteria(List.of(), TECH, young, List.of(), List.of(), 1, null, null, null, List.of()),
                        "须已获合作机构股权投资；可附认股选择权", BASIC_MATERIALS + "；投资协议", from, until,
                        "陈经理", "0769-22880001"),
                seed("bank2", ProductType.CREDIT_LOAN, "投资贷",
                        "对获得创投基金投资的科技企业，按投资额的一定比例发放信用贷款。",
                        loan(100, 2000, 12, 36, "3.70", "4.90"),
                        criteria(List.of(), List.of(), young, List.of(), List.of("HIGH_TECH", "TECH_SME", "GAZELLE"),
                                null, null, null, null, List.of(Collateral.NONE)),
                        null, BASIC_MATERIALS + "；股权投资协议及到账凭证", from, until, "李经理", "0769-22990002"),
                seed("bank2", ProductType.RECEIVABLES, "政采贷",
                        "以政府采购合同项下应收账款质押，线上申请，快速放款。",
                        loan(50, 1000, 3, 12, "3.80", "5.20"),
                        criteria(List.of(), List.of(), List.of(), List.of(), List.of(), 1, null, null, null,
                                List.of(Collateral.RECEIVABLES)),
                        "政府采购合同项下应收账款质押", BASIC_MATERIALS + "；政府采购中标通知书及合同", from, until,
                        "李经理", "0769-22990002"),
                seed("bank2", ProductType.CREDIT_LOAN, "银税互动",
                        "依据企业纳税信用授信，纳税信用A/B级企业可申请，纯信用、线上办理。",
                        loan(10, 500, 6, 12, "3.95", "5.50"),
                        criteria(List.of(), List.of(), List.of(), List.of(), List.of(), 2, 100L, null, null,
                                List.of(Collateral.NONE)),
                        null, "营业执照；纳税信用等级证明；近两年纳税申报表", from, until, "李经理", "0769-22990002"),
                seed("bank2", ProductType.CREDIT_LOAN, "云量贷",
                        "依据企业上云用云数据授信，支持数字化转型的软件和信息服务企业。",
                        loan(10, 300, 6, 12, "4.00", "6.00"),
                        criteria(List.of(), List.of("I64", "I65"), List.of(), List.of(), List.of(), 1, null, null,
                                null, List.of(Collateral.NONE)),
                        null, BASIC_MATERIALS + "；云服务使用证明", from, until, "李经理", "0769-22990002"),
                seed("bank2", ProductType.MORTGAGE_LOAN, "园区厂房按揭贷",
                        "支持园区内科技企业购置自用研发及生产厂房。",
                        loan(500, 10000, 60, 120, "3.90", "4.90"),
                        criteria(List.of(SONGSHAN_LAKE, BINHAI_BAY, ECO_PARK), List.of("C"), List.of(), List.of(),
                                List.of(), 2, 2000L, null, null, List.of(Collateral.REAL_ESTATE)),
                        "以所购厂房抵押，首付不低于三成", BASIC_MATERIALS + "；购房合同", from, until, "李经理",
                        "0769-22990002"),
                seed("investor", ProductType.EQUITY_INVESTMENT, "松山湖天使投资",
                        "投资松山湖的种子期、初创期硬科技团队，提供投后赋能。",
                        new Terms(wan(200), wan(2000), null, null, null, null, new BigDecimal("5"),
                                new BigDecimal("20"), null, null, null),
                        criteria(List.of(SONGSHAN_LAKE), TECH, seed, List.of(), List.of(), null, null, null, null,
                                List.of()),
                        null, "商业计划书；核心团队简历；知识产权清单", from, until, "黄总", "0769-22660003"),
                seed("investor", ProductType.EQUITY_INVESTMENT, "成长期股权投资",
                        "投资成长期的新一代信息技术、高端装备与生物医药企业。",
                        new Terms(wan(1000), wan(10000), null, null, null, null, new BigDecimal("5"),
                                new BigDecimal("15"), null, null, null),
                        criteria(List.of(), List.of("C39", "C35", "C27"), List.of(LifecycleStage.GROWTH), List.of(),
                                List.of("HIGH_TECH", "SRDI_SME", "LITTLE_GIANT"), 3, 3000L, null, null, List.of()),
                        null, "商业计划书；近三年审计报告", from, until, "黄总", "0769-22660003"),
                seed("guarantor", ProductType.GUARANTEE, "园区保",
                        "为园区内科技企业银行贷款提供担保，费率优惠，与合作银行风险共担。",
                        new Terms(wan(100), wan(2000), 6, 12, null, null, null, null, new BigDecimal("1.0"), null,
                                null),
                        criteria(List.of(SONGSHAN_LAKE, BINHAI_BAY, ECO_PARK), List.of(), List.of(), List.of(),
                                List.of(), 1, null, null, null, List.of()),
                        "一般无需抵押，视情况追加股东保证", BASIC_MATERIALS, from, until, "周经理", "0769-22770004"),
                seed("guarantor", ProductType.GUARANTEE, "科技企业融资担保",
                        "为高新技术企业、专精特新企业的银行融资提供担保。",
                        new Terms(wan(50), wan(1000), 6, 36, null, null, null, null, new BigDecimal("1.5"), null,
                                null),
                        criteria(List.of(), List.of(), List.of(), List.of(), List.of("HIGH_TECH", "SRDI_SME"), 1,
                                null, null, null, List.of()),
                        "反担保：股东个人连带责任保证", BASIC_MATERIALS, from, until, "周经理", "0769-22770004"),
                seed("insurer", ProductType.TECH_INSURANCE, "首台套保险",
                        "首台（套）重大技术装备综合保险，保障产品质量与责任风险，可申请保费补贴。",
                        new Terms(null, null, 12, 12, null, null, null, null, null, wan(30), wan(5000)),
                        criteria(List.of(), List.of("C34", "C35", "C38", "C39", "C40"), List.of(), List.of(),
                                List.of(), null, null, null, null, List.of()),
                        null, "首台（套）装备认定文件；产品销售合同", from, until, "吴经理", "0769-22550005"),
                seed("insurer", ProductType.TECH_INSURANCE, "专利执行保险",
                        "保障企业维权诉讼费用，支持科技企业保护核心知识产权。",
                        new Terms(null, null, 12, 12, null, null, null, null, null, wan(2), wan(100)),
                        criteria(List.of(), List.of(), List.of(), List.of(), List.of("HIGH_TECH", "TECH_SME"), null,
                                null, null, null, List.of()),
                        null, "专利证书；专利清单", from, until, "吴经理", "0769-22550005"),
                seed("lessor", ProductType.LEASING, "设备融资租赁",
                        "以生产及研发设备直租或售后回租，缓解设备投入资金压力。",
                        loan(100, 5000, 12, 60, "4.50", "7.50"),
                        criteria(List.of(), List.of("C"), List.of(), List.of(), List.of(), 1, 500L, null, null,
                                List.of(Collateral.EQUIPMENT)),
                        "以租赁设备所有权作保障", BASIC_MATERIALS + "；设备清单及购置合同", from, until, "郑经理",
                        "0769-22440006"),
                seed("lessor", ProductType.LEASING, "长安镇智能装备租赁",
                        "面向长安镇电子信息与智能装备企业的设备回租。",
                        loan(50, 2000, 12, 48, "4.80", "7.20"),
                        criteria(List.of(CHANG_AN), List.of("C39", "C34"), List.of(), List.of(), List.of(), null,
                                null, null, null, List.of(Collateral.EQUIPMENT)),
                        "以租赁设备所有权作保障", BASIC_MATERIALS, from, until, "郑经理", "0769-22440006"));
    }
}
