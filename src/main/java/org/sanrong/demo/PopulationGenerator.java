package org.sanrong.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.sanrong.enterprise.EnterpriseRecord;
import org.sanrong.reference.UnifiedSocialCreditCode;

/**
 * A synthetic Dongguan: enterprise {@code i} of seed {@code s} is always the same row, whatever else is generated,
 * so a population is reproducible and can be produced in parallel or in pieces. Credit codes and names are unique
 * by construction (each is a bijection of the index), so no set of seen values is kept and a million rows stream in
 * constant memory. The model (weights, distributions, rates) is documented in docs/demo-population.md.
 */
public final class PopulationGenerator {

    /** Figures are those of this year; no date lies after the end of it. */
    public static final int FIGURES_YEAR = 2025;
    static final LocalDate AS_OF = LocalDate.of(FIGURES_YEAR, 12, 31);
    public static final long DEFAULT_SEED = 20_260_101L;

    private static final String ALPHABET = UnifiedSocialCreditCode.ALPHABET;
    private static final long CODE_SPACE = pow(31, 9);
    private static final long FEN_PER_WAN = 1_000_000L;

    record Town(String code, String name, String shortName, double weight) {
    }

    record IndustryClass(String code, double weight, boolean tech, String[] words) {
    }

    static final List<Town> TOWNS = List.of(
            new Town("441900401", "松山湖", "松山湖", 8), new Town("441900119", "长安镇", "长安", 7),
            new Town("441900003", "东城街道", "东城", 6), new Town("441900121", "虎门镇", "虎门", 6),
            new Town("441900116", "塘厦镇", "塘厦", 5.5), new Town("441900004", "南城街道", "南城", 5.5),
            new Town("441900122", "厚街镇", "厚街", 4.5), new Town("441900111", "寮步镇", "寮步", 4.5),
            new Town("441900113", "大朗镇", "大朗", 4), new Town("441900110", "常平镇", "常平", 4),
            new Town("441900117", "凤岗镇", "凤岗", 4), new Town("441900115", "清溪镇", "清溪", 3.5),
            new Town("441900118", "大岭山镇", "大岭山", 3.5), new Town("441900114", "黄江镇", "黄江", 3),
            new Town("441900005", "万江街道", "万江", 3), new Town("441900101", "石碣镇", "石碣", 2.5),
            new Town("441900006", "莞城街道", "莞城", 2), new Town("441900103", "茶山镇", "茶山", 2),
            new Town("441900106", "横沥镇", "横沥", 1.8), new Town("441900102", "石龙镇", "石龙", 1.5),
            new Town("441900104", "石排镇", "石排", 1.5), new Town("441900107", "桥头镇", "桥头", 1.5),
            new Town("441900109", "东坑镇", "东坑", 1.5), new Town("441900112", "樟木头镇", "樟木头", 1.5),
            new Town("441900123", "沙田镇", "沙田", 1.5), new Town("441900129", "高埗镇", "高埗", 1.5),
            new Town("441900404", "东莞滨海湾新区", "滨海湾", 1.5), new Town("441900105", "企石镇", "企石", 1.2),
            new Town("441900124", "道滘镇", "道滘", 1.2), new Town("441900128", "中堂镇", "中堂", 1.2),
            new Town("441900108", "谢岗镇", "谢岗", 1), new Town("441900126", "麻涌镇", "麻涌", 1),
            new Town("441900125", "洪梅镇", "洪梅", 0.6), new Town("441900127", "望牛墩镇", "望牛墩", 0.6),
            new Town("441900403", "东莞生态园", "生态园", 0.5), new Town("441900402", "东莞港", "东莞港", 0.3));

    private static final String[] ELECTRONIC = {"电子", "电子科技", "光电科技", "通讯科技", "智能科技", "半导体"};
    private static final String[] ELECTRICAL = {"电器", "电气", "照明科技", "新能源科技", "电机", "电子科技"};
    private static final String[] EQUIPMENT = {"机械", "精密机械", "自动化设备", "智能装备", "模具", "机电"};
    private static final String[] PLASTIC = {"塑胶", "塑胶制品", "橡胶制品", "塑料科技"};
    private static final String[] METAL = {"五金", "金属制品", "精密五金", "精密科技"};
    private static final String[] TEXTILE = {"纺织", "服饰", "制衣", "针织", "织造"};
    private static final String[] SPORTS = {"文具", "工艺品", "玩具", "体育用品"};
    private static final String[] CHEMICAL = {"化工", "新材料", "材料科技", "涂料"};
    private static final String[] INSTRUMENT = {"仪器", "检测技术", "测控技术", "精密仪器"};
    private static final String[] SOFTWARE = {"信息技术", "软件", "网络科技", "数据科技", "智能科技"};
    private static final String[] RESEARCH = {"科技", "生物科技", "检测技术", "新材料科技", "技术"};
    private static final String[] TRADE = {"贸易", "供应链管理", "电子商务", "实业"};
    private static final String[] OTHER = {"实业", "包装", "印刷", "鞋业", "家具"};

    /** Dongguan-typical 4-digit classes of GB/T 4754-2017 with weights in per cent of enterprises. */
    static final List<IndustryClass> INDUSTRIES = List.of(
            // C39 electronics: the city's largest industry
            ind("C3982", 3.5, true, ELECTRONIC), ind("C3922", 3, true, ELECTRONIC),
            ind("C3976", 2, true, ELECTRONIC), ind("C3912", 2, true, ELECTRONIC),
            ind("C3913", 1.5, true, ELECTRONIC), ind("C3961", 1.5, true, ELECTRONIC),
            ind("C3983", 1.5, true, ELECTRONIC), ind("C3981", 1.2, true, ELECTRONIC),
            ind("C3969", 1, true, ELECTRONIC), ind("C3974", 0.8, true, ELECTRONIC),
            ind("C3952", 1, true, ELECTRONIC), ind("C3921", 0.8, true, ELECTRONIC),
            ind("C3914", 0.6, true, ELECTRONIC), ind("C3964", 0.6, true, ELECTRONIC),
            ind("C3973", 0.4, true, ELECTRONIC), ind("C3963", 0.3, true, ELECTRONIC),
            // C38 electrical machinery
            ind("C3872", 2, true, ELECTRICAL), ind("C3841", 1.5, true, ELECTRICAL),
            ind("C3831", 1.5, false, ELECTRICAL), ind("C3813", 1.5, true, ELECTRICAL),
            ind("C3874", 1, true, ELECTRICAL), ind("C3823", 1, true, ELECTRICAL),
            ind("C3824", 1, true, ELECTRICAL), ind("C3856", 1, false, ELECTRICAL),
            ind("C3854", 1, false, ELECTRICAL), ind("C3899", 0.5, false, ELECTRICAL),
            // C34/C35 general and special equipment
            ind("C3421", 1.5, true, EQUIPMENT), ind("C3422", 1, true, EQUIPMENT),
            ind("C3484", 1.5, true, EQUIPMENT), ind("C3489", 1, false, EQUIPMENT),
            ind("C3499", 1, false, EQUIPMENT), ind("C3523", 1, true, EQUIPMENT),
            ind("C3529", 1, false, EQUIPMENT), ind("C3562", 1, true, EQUIPMENT),
            ind("C3572", 0.5, true, EQUIPMENT), ind("C3599", 1, false, EQUIPMENT),
            // C29 rubber and plastics
            ind("C2929", 3, false, PLASTIC), ind("C2927", 1.5, false, PLASTIC),
            ind("C2922", 1, false, PLASTIC), ind("C2913", 1, false, PLASTIC),
            // C33 metal products
            ind("C3311", 1, false, METAL), ind("C3331", 1, false, METAL), ind("C3381", 1.5, false, METAL),
            ind("C3360", 1.5, false, METAL), ind("C3399", 2, false, METAL),
            // C17/C18 textiles and garments (虎门, 大朗)
            ind("C1713", 0.8, false, TEXTILE), ind("C1762", 0.7, false, TEXTILE),
            ind("C1763", 1.5, false, TEXTILE), ind("C1819", 1.5, false, TEXTILE),
            ind("C1821", 1, false, TEXTILE), ind("C1830", 0.5, false, TEXTILE),
            // C19 shoes (厚街), C22/C23 paper and printing, C21 furniture
            ind("C1951", 1.5, false, OTHER), ind("C2231", 1, false, OTHER), ind("C2319", 1, false, OTHER),
            ind("C2110", 1, false, OTHER),
            // C24 stationery, crafts, toys
            ind("C2411", 0.8, false, SPORTS), ind("C2438", 0.6, false, SPORTS), ind("C2439", 0.6, false, SPORTS),
            ind("C2452", 1, false, SPORTS), ind("C2451", 0.6, false, SPORTS),
            // C26 chemicals and materials
            ind("C2641", 0.8, false, CHEMICAL), ind("C2661", 0.8, true, CHEMICAL), ind("C2669", 0.7, true, CHEMICAL),
            ind("C2651", 0.4, true, CHEMICAL),
            // C40 instruments
            ind("C4021", 0.6, true, INSTRUMENT), ind("C4016", 0.5, true, INSTRUMENT), ind("C4090", 0.5, true,
                    INSTRUMENT),
            // I64/I65 software and internet services
            ind("I6513", 2.5, true, SOFTWARE), ind("I6520", 1.5, true, SOFTWARE), ind("I6531", 1, true, SOFTWARE),
            ind("I6550", 1, true, SOFTWARE), ind("I6511", 0.8, true, SOFTWARE), ind("I6560", 0.7, true, SOFTWARE),
            ind("I6450", 0.8, true, SOFTWARE),
            // M73/M74/M75 research, testing and technology services
            ind("M7320", 1, true, RESEARCH), ind("M7340", 0.8, true, RESEARCH), ind("M7350", 0.5, true, RESEARCH),
            ind("M7520", 1.5, true, RESEARCH), ind("M7452", 0.6, true, RESEARCH),
            // F51 wholesale of electronics and hardware
            ind("F5176", 1.5, false, TRADE), ind("F5174", 1, false, TRADE), ind("F5179", 1, false, TRADE));

    private static final String BRAND_CHARS = "华鼎盛通达联创新宏泰信科汇嘉源隆瑞恒丰鑫利兴晟昌弘誉凯德铭博远腾飞捷锐"
            + "峰光明辉耀星宇航天海川江河山林森润泽雅美佳优品精益卓越尚诚志成长久永安康健乐欣悦和顺发富"
            + "金银铜锦绣翔鹏龙凤麒麟虎豹骏驰迅速捷讯讯易思维智慧睿哲贤能力强劲坚固实诺邦友谊合众群力协同"
            + "正大中立东南新先进沿蓝绿紫青晶钻宝玉珠璟琪琦璐瑶";
    private static final char[] BRAND = distinct(BRAND_CHARS);
    private static final long B = BRAND.length;
    private static final String[][] FORMS = {{"东莞市", ""}, {"东莞", ""}, {"广东", ""}, {"", "（东莞）"}};
    private static final long TWO_CHAR_NAMES = FORMS.length * B * B;
    private static final long NAME_SPACE = TWO_CHAR_NAMES + FORMS.length * B * B * B;

    private static final String[] SURNAMES = {"陈", "李", "黄", "张", "梁", "刘", "林", "王", "叶", "袁", "何", "罗",
        "莫", "钟", "邓", "谢", "曾", "吴", "杨", "周", "郑", "蔡", "卢", "赵", "徐", "朱", "彭", "方"};
    private static final String[] GIVEN = {"伟", "敏", "静", "强", "磊", "洋", "艳", "杰", "娟", "涛", "明", "超",
        "秀英", "海燕", "志强", "建华", "嘉欣", "俊杰", "浩然", "子轩", "梓涵", "家豪", "少华", "锦荣", "国平",
        "丽华", "永康", "文辉", "晓东", "美玲"};
    private static final String[] ROADS = {"振兴路", "环城路", "工业大道", "科技路", "创业路", "人民路", "新城路",
        "东江大道", "莞太路", "莞樟路", "松山湖大道", "兴业路", "沿江路", "育才路", "长青路", "富民路"};
    private static final String[] MOBILE_PREFIXES = {"134", "135", "136", "137", "138", "139", "150", "151", "152",
        "157", "158", "159", "182", "183", "187", "188", "130", "131", "132", "155", "156", "185", "186", "133",
        "153", "180", "181", "189", "177", "199"};

    /** Marginal rates of the qualifications (fractions of all enterprises); documented in demo-population.md. */
    static final double HIGH_TECH = 0.09;
    static final double TECH_SME = 0.12;
    static final double SRDI_SME = 0.03;
    static final double LITTLE_GIANT = 0.003;
    static final double SINGLE_CHAMPION = 0.0002;
    static final double DOUBLING_PLAN = 0.012;
    static final double GAZELLE = 0.006;
    static final double UNICORN = 0.0001;
    static final double SMALL_TO_SCALE = 0.02;
    static final double MAJOR_PROJECT = 0.005;
    static final double TALENT_STARTUP = 0.008;
    static final double LISTING_RESERVE = 0.005;

    private static final double[] TOWN_CUMULATIVE = cumulative(TOWNS.stream().mapToDouble(Town::weight).toArray());
    private static final double[] INDUSTRY_CUMULATIVE =
            cumulative(INDUSTRIES.stream().mapToDouble(IndustryClass::weight).toArray());
    private static final double TECH_SHARE = INDUSTRIES.stream().filter(IndustryClass::tech)
            .mapToDouble(IndustryClass::weight).sum() / INDUSTRIES.stream().mapToDouble(IndustryClass::weight).sum();
    /** High-tech status is three times as likely in a tech industry, scaled so the overall rate stays HIGH_TECH. */
    private static final double HIGH_TECH_OTHER = HIGH_TECH / (3 * TECH_SHARE + (1 - TECH_SHARE));

    private final long seed;
    private final long codeMultiplier;
    private final long codeOffset;
    private final long nameMultiplier2;
    private final long nameMultiplier3;

    public PopulationGenerator(long seed) {
        this.seed = seed;
        SplittableRandom r = new SplittableRandom(seed);
        this.codeMultiplier = coprime(r, CODE_SPACE);
        this.codeOffset = Math.floorMod(r.nextLong(), CODE_SPACE);
        this.nameMultiplier2 = coprime(r, TWO_CHAR_NAMES);
        this.nameMultiplier3 = coprime(r, NAME_SPACE - TWO_CHAR_NAMES);
    }

    /** How many enterprises one seed can produce before names would repeat. */
    public static long capacity() {
        return NAME_SPACE;
    }

    /** Generates enterprises {@code 0 .. count-1} in order. */
    public void generate(long count, Consumer<EnterpriseRecord> sink) {
        generate(0, count, sink);
    }

    public void generate(long from, long to, Consumer<EnterpriseRecord> sink) {
        if (to > NAME_SPACE) {
            throw new IllegalArgumentException("at most " + NAME_SPACE + " enterprises per seed");
        }
        for (long i = from; i < to; i++) {
            sink.accept(enterprise(i));
        }
    }

    public List<EnterpriseRecord> list(int count) {
        List<EnterpriseRecord> out = new ArrayList<>(count);
        generate(count, out::add);
        return out;
    }

    /** Enterprise number {@code index}: a pure function of seed and index. */
    public EnterpriseRecord enterprise(long index) {
        SplittableRandom r = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + index));
        Town town = TOWNS.get(pick(TOWN_CUMULATIVE, r.nextDouble()));
        // 松山湖 is the science city: half of its enterprises come from the tech classes only
        IndustryClass industry = INDUSTRIES.get(pick(INDUSTRY_CUMULATIVE, r.nextDouble()));
        if (town.shortName().equals("松山湖") && !industry.tech() && r.nextBoolean()) {
            do {
                industry = INDUSTRIES.get(pick(INDUSTRY_CUMULATIVE, r.nextDouble()));
            } while (!industry.tech());
        }

        List<String> qualifications = new ArrayList<>(3);
        double p = industry.tech() ? 3 * HIGH_TECH_OTHER : HIGH_TECH_OTHER;
        boolean highTech = r.nextDouble() < p;
        add(qualifications, highTech, "HIGH_TECH");
        double u = r.nextDouble();
        boolean littleGiant = u < LITTLE_GIANT;
        add(qualifications, u < SRDI_SME, "SRDI_SME");
        add(qualifications, littleGiant, "LITTLE_GIANT");
        boolean champion = r.nextDouble() < SINGLE_CHAMPION;
        add(qualifications, champion, "SINGLE_CHAMPION");
        boolean doubling = r.nextDouble() < DOUBLING_PLAN;
        add(qualifications, doubling, "DOUBLING_PLAN");
        boolean gazelle = r.nextDouble() < GAZELLE;
        add(qualifications, gazelle, "GAZELLE");
        boolean unicorn = r.nextDouble() < UNICORN;
        add(qualifications, unicorn, "UNICORN");
        add(qualifications, r.nextDouble() < SMALL_TO_SCALE, "SMALL_TO_SCALE");
        boolean techSme = r.nextDouble() < TECH_SME;
        add(qualifications, techSme, "TECH_SME");
        add(qualifications, r.nextDouble() < MAJOR_PROJECT, "MAJOR_PROJECT");
        boolean talent = r.nextDouble() < TALENT_STARTUP;
        add(qualifications, talent, "TALENT_STARTUP");
        boolean listing = r.nextDouble() < LISTING_RESERVE;
        add(qualifications, listing, "LISTING_RESERVE");

        // age: exponential with mean 8 years, at most 38 (the city's reform era); start-ups are young
        double years = Math.min(38, -Math.log(1 - r.nextDouble()) * (talent || gazelle ? 3 : 8));
        LocalDate registeredOn = AS_OF.minusDays((long) (years * 365.25));

        // size: log-normal revenue (万元), median 600; qualifications move the median up
        double mu = Math.log(600) + (highTech ? 0.8 : 0) + (u < SRDI_SME ? 0.9 : 0) + (littleGiant ? 1.2 : 0)
                + (champion ? 3 : 0) + (doubling ? 1.8 : 0) + (listing ? 2.2 : 0) + (unicorn ? 3 : 0)
                + Math.min(0, Math.log(Math.max(years, 0.1) / 3));
        double revenueWan = Math.min(5_000_000, Math.exp(mu + 1.5 * r.nextGaussian()));
        if (years < 1 && r.nextDouble() < 0.3) {
            revenueWan = 0;
        }
        // headcount follows revenue (about 40万元 a head, ±50%)
        int headcount = (int) Math.max(1, Math.min(200_000,
                Math.round(Math.exp(Math.log(Math.max(revenueWan, 20) / 40) + 0.5 * r.nextGaussian()))));
        double capitalWan = Math.exp(Math.log(100) + 0.35 * Math.log1p(revenueWan / 500) + 1.0 * r.nextGaussian());

        // R&D expense as a share of revenue
        double rdShare;
        boolean rdRequired = highTech || techSme || u < SRDI_SME;
        if (rdRequired) {
            rdShare = 0.03 + 0.05 * r.nextDouble() + (industry.tech() ? 0.02 * r.nextDouble() : 0);
        } else if (r.nextDouble() < (industry.tech() ? 0.45 : 0.75)) {
            rdShare = 0;
        } else {
            rdShare = Math.min(0.3, Math.exp(Math.log(industry.tech() ? 0.03 : 0.012) + 0.6 * r.nextGaussian()));
        }
        double rdWan = revenueWan * rdShare;
        int rdStaff = rdWan == 0 ? 0 : (int) Math.max(1, Math.round(headcount * (0.05 + 0.15 * r.nextDouble()
                + (highTech ? 0.05 : 0))));
        rdStaff = Math.min(rdStaff, headcount);

        // intellectual property grows with R&D spending
        double ip = Math.pow(rdWan, 0.6) * Math.exp(0.7 * r.nextGaussian());
        int invention = (int) (0.08 * ip);
        int utility = (int) (0.35 * ip + (highTech ? 3 : 0));
        if (highTech && invention + utility == 0) {
            utility = 1;
        }
        int design = r.nextDouble() < 0.25 ? (int) Math.exp(1.0 + r.nextGaussian()) : 0;
        boolean software = industry.code().startsWith("I") || industry.code().startsWith("M");
        int copyrights = software ? (int) Math.exp(Math.log(6) + r.nextGaussian())
                : r.nextDouble() < 0.2 ? (int) Math.exp(1 + r.nextGaussian()) : 0;
        int trademarks = r.nextDouble() < 0.55 ? 1 + (int) Math.exp(0.5 + r.nextGaussian()) : 0;
        boolean equityFunded = r.nextDouble() < (unicorn || gazelle || listing ? 0.8 : highTech ? 0.1 : 0.02);

        String legalForm = listing || unicorn || r.nextDouble() < 0.06 ? "股份有限公司"
                : r.nextDouble() < 0.06 ? "有限责任公司（外商投资）"
                : r.nextDouble() < 0.08 ? "有限责任公司（自然人独资）" : "有限责任公司";
        String name = name(index, industry.words()[r.nextInt(industry.words().length)],
                legalForm.equals("股份有限公司") ? "股份有限公司" : "有限公司");
        String address = "广东省东莞市" + town.name() + ROADS[r.nextInt(ROADS.length)] + (1 + r.nextInt(399)) + "号";
        String contact = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
        // the middle four digits are 0000: a well-formed mobile that reads like a masked one
        String mobile = MOBILE_PREFIXES[r.nextInt(MOBILE_PREFIXES.length)] + "0000"
                + String.format("%04d", r.nextInt(10_000));

        boolean reported = registeredOn.getYear() <= FIGURES_YEAR;
        return new EnterpriseRecord(creditCode(index), name, legalForm, registeredOn, wanToFen(capitalWan),
                town.code(), address, industry.code(), headcount, reported ? FIGURES_YEAR : null,
                reported ? wanToFen(revenueWan) : null, reported ? wanToFen(rdWan) : null, reported ? rdStaff : null,
                invention, utility, design, copyrights, trademarks, equityFunded, contact, mobile, qualifications);
    }

    /** 91 (enterprise) + 441900 (Dongguan) + 9 characters from a bijection of the index + check character. */
    String creditCode(long index) {
        long v = (mulMod(codeMultiplier, index, CODE_SPACE) + codeOffset) % CODE_SPACE;
        char[] c = new char[17];
        "91441900".getChars(0, 8, c, 0);
        for (int k = 16; k >= 8; k--) {
            c[k] = ALPHABET.charAt((int) (v % 31));
            v /= 31;
        }
        String first17 = new String(c);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    /** Form + brand of two characters (the first 4·B² enterprises) or three: distinct for distinct indexes. */
    String name(long index, String word, String suffix) {
        long slot;
        int brandLength;
        if (index < TWO_CHAR_NAMES) {
            slot = (mulMod(nameMultiplier2, index, TWO_CHAR_NAMES) + 7919) % TWO_CHAR_NAMES;
            brandLength = 2;
        } else {
            slot = mulMod(nameMultiplier3, index - TWO_CHAR_NAMES, NAME_SPACE - TWO_CHAR_NAMES);
            brandLength = 3;
        }
        String[] form = FORMS[(int) (slot % FORMS.length)];
        slot /= FORMS.length;
        StringBuilder brand = new StringBuilder(3);
        for (int k = 0; k < brandLength; k++) {
            brand.append(BRAND[(int) (slot % B)]);
            slot /= B;
        }
        return form[0] + brand + form[1] + word + suffix;
    }

    /** A draw in 万元 rounded to whole hundred yuan, held from then on as exact fen. */
    static long wanToFen(double wan) {
        return Math.round(wan * 100) * (FEN_PER_WAN / 100);
    }

    private static IndustryClass ind(String code, double weight, boolean tech, String[] words) {
        return new IndustryClass(code, weight, tech, words);
    }

    private static void add(List<String> list, boolean condition, String code) {
        if (condition) {
            list.add(code);
        }
    }

    private static int pick(double[] cumulative, double u) {
        double target = u * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static double[] cumulative(double[] weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        return c;
    }

    private static long coprime(SplittableRandom r, long modulus) {
        while (true) {
            long a = modulus / 3 + r.nextLong(modulus / 3);
            if (gcd(a, modulus) == 1) {
                return a;
            }
        }
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** (a·b) mod m without overflow for m < 2^46, in 16-bit steps. */
    static long mulMod(long a, long b, long m) {
        a %= m;
        long result = 0;
        for (int shift = 48; shift >= 0; shift -= 16) {
            result = (result << 16) % m;
            result = (result + a * ((b >>> shift) & 0xFFFF)) % m;
        }
        return result;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long pow(long base, int exp) {
        long v = 1;
        for (int i = 0; i < exp; i++) {
            v *= base;
        }
        return v;
    }

    private static char[] distinct(String s) {
        return s.chars().distinct().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().toCharArray();
    }
}
