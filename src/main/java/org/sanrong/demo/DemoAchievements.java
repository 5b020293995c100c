package org.sanrong.demo;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sanrong.achievement.Achievement;
import org.sanrong.achievement.AchievementContent;
import org.sanrong.achievement.AchievementKind;
import org.sanrong.achievement.AchievementLibrary;
import org.sanrong.achievement.Intent;
import org.sanrong.achievement.OwnerType;
import org.sanrong.achievement.PatentNumber;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.DatabaseMode;
import org.sanrong.platform.SanrongProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * Seeds the 科技成果库: four achievements of the demo enterprise (two granted patents, so its page shows the IP-pledge
 * loans it qualifies for) and eight of named universities and institutes recorded by the demo government, marked
 * （演示） since the achievements are invented; then the demo enterprise expresses interest in one, which reaches the
 * government's inbox. Through {@link AchievementLibrary} as those accounts; skipped when the library is not empty.
 */
@Component
@Order(70)
class DemoAchievements implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAchievements.class);

    private final AchievementLibrary library;
    private final AuthenticationProvider authentication;
    private final SanrongProperties properties;
    private final DatabaseMode databaseMode;

    DemoAchievements(AchievementLibrary library, AuthenticationProvider authentication, SanrongProperties properties,
            DatabaseMode databaseMode) {
        this.library = library;
        this.authentication = authentication;
        this.properties = properties;
        this.databaseMode = databaseMode;
    }

    private record Seed(String owner, @Nullable OwnerType ownerType, AchievementKind kind, String title,
            String description, String industry, int trl, Set<Intent> intents, @Nullable String patentDigits,
            boolean granted, String contact, String phone) {
    }

    private static final String DGUT = "东莞理工学院（演示）";
    private static final String SSLAB = "松山湖材料实验室（演示）";
    private static final String GDMU = "广东医科大学（演示）";
    private static final String UESTC = "电子科技大学广东电子信息工程研究院（演示）";

    private static final List<Seed> SEEDS = List.of(
            new Seed("enterprise", null, AchievementKind.PATENT, "基于深度学习的工业视觉缺陷检测方法",
                    "针对PCB、锂电极片和精密五金件的表面缺陷，提出小样本迁移学习的检测方法，漏检率低于0.1%，"
                            + "单工位检测节拍0.3秒，已在三条SMT产线稳定运行两年。",
                    "C3914", 8, Set.of(Intent.LICENSE, Intent.FINANCING), "202110563218", true, "王创始人",
                    "0769-22881234"),
            new Seed("enterprise", null, AchievementKind.PATENT, "多相机协同标定装置",
                    "一种用于大幅面工件检测的多相机快速标定装置，标定时间由2小时缩短到10分钟。", "C3911", 7,
                    Set.of(Intent.LICENSE, Intent.TRANSFER), "202220871406", true, "王创始人", "0769-22881234"),
            new Seed("enterprise", null, AchievementKind.PATENT, "边缘计算视觉模组散热结构",
                    "无风扇被动散热的边缘AI视觉模组结构设计，满足IP65防护，正在申请发明专利。", "C3911", 5,
                    Set.of(Intent.JOINT_DEVELOPMENT), "202510227735", false, "李工", "0769-22881235"),
            new Seed("enterprise", null, AchievementKind.RESEARCH_RESULT, "机器视觉检测软件平台 V3.0",
                    "图形化配置的视觉检测软件，支持 AI 模型与传统算法混合编排，已登记软件著作权，服务客户60余家。",
                    "I6513", 9, Set.of(Intent.LICENSE), null, false, "李工", "0769-22881235"),
            new Seed(DGUT, OwnerType.UNIVERSITY, AchievementKind.PATENT, "锂离子电池硅碳负极材料制备工艺",
                    "以多孔硅与沥青碳包覆构建缓冲层，首次库伦效率91%，500次循环容量保持率88%，已完成公斤级中试。",
                    "C3841", 5, Set.of(Intent.TRANSFER, Intent.JOINT_DEVELOPMENT), "202010998341", true, "科技处 陈老师",
                    "0769-22861001"),
            new Seed(DGUT, OwnerType.UNIVERSITY, AchievementKind.RESEARCH_RESULT, "工业机器人柔性抓取控制算法",
                    "基于触觉反馈的柔性抓取控制，适用于3C装配中易损件的上下料，实验室样机验证完成。", "C3491", 4,
                    Set.of(Intent.JOINT_DEVELOPMENT, Intent.LICENSE), null, false, "科技处 陈老师", "0769-22861001"),
            new Seed(SSLAB, OwnerType.RESEARCH_INSTITUTE, AchievementKind.PATENT, "氮化镓功率器件外延片生长技术",
                    "8英寸硅基氮化镓外延片生长技术，位错密度与翘曲度达到国际同类水平，可用于快充与车载电源。", "C3972",
                    6, Set.of(Intent.LICENSE, Intent.FINANCING), "202110412967", true, "成果转化部 刘博士",
                    "0769-89136000"),
            new Seed(SSLAB, OwnerType.RESEARCH_INSTITUTE, AchievementKind.RESEARCH_RESULT, "全固态电池硫化物电解质",
                    "室温离子电导率超过10 mS/cm 的硫化物固态电解质及其空气稳定化处理方法，寻求电池企业合作开发。",
                    "C3841", 4, Set.of(Intent.JOINT_DEVELOPMENT), null, false, "成果转化部 刘博士", "0769-89136000"),
            new Seed(GDMU, OwnerType.UNIVERSITY, AchievementKind.PATENT, "肿瘤早筛多肽标志物检测试剂盒",
                    "基于血清多肽谱的消化道肿瘤早筛试剂盒，回顾性临床样本灵敏度86%、特异度92%。", "C2761", 6,
                    Set.of(Intent.TRANSFER, Intent.LICENSE), "201910774521", true, "科研处 黄老师", "0769-22896000"),
            new Seed(GDMU, OwnerType.UNIVERSITY, AchievementKind.PATENT, "可穿戴心电监测贴片",
                    "单导联柔性心电贴片，连续监测7天，房颤识别准确率95%，已完成医院内试用。", "C3581", 7,
                    Set.of(Intent.LICENSE, Intent.FINANCING), "202220336584", true, "科研处 黄老师", "0769-22896000"),
            new Seed(UESTC, OwnerType.RESEARCH_INSTITUTE, AchievementKind.RESEARCH_RESULT, "毫米波雷达人体姿态识别",
                    "60GHz毫米波雷达的非接触人体姿态与跌倒识别，保护隐私，适用于养老与智慧病房。", "C3921", 5,
                    Set.of(Intent.JOINT_DEVELOPMENT), null, false, "产业发展部 周工", "0769-23072000"),
            new Seed(UESTC, OwnerType.RESEARCH_INSTITUTE, AchievementKind.PATENT, "5G 工业网关安全加密模块",
                    "支持国密SM2/SM4的5G工业网关硬件加密模块，吞吐率1Gbps，已通过商用密码产品检测。", "C3915", 7,
                    Set.of(Intent.LICENSE, Intent.TRANSFER), "202310125590", true, "产业发展部 周工",
                    "0769-23072000"));

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.seedDemo(databaseMode.embedded()) || library.count() > 0) {
            return;
        }
        Optional<SignedInUser> enterprise = signIn("enterprise");
        Optional<SignedInUser> gov = signIn("gov");
        if (enterprise.isEmpty() || gov.isEmpty()) {
            log.info("Demo achievements not seeded: the demo enterprise or government account is not usable");
            return;
        }
        int seeded = 0;
        Achievement.Id gateway = null;
        for (Seed s : SEEDS) {
            boolean own = s.ownerType() == null;
            String patent = s.patentDigits() == null ? null
                    : (s.granted() ? "ZL" : "CN") + s.patentDigits() + "." + PatentNumber.checkCharacter(s.patentDigits());
            try {
                Achievement.Id id = library.record(new AchievementContent(s.kind(), s.title(), s.description(),
                        s.industry(), s.trl(), s.intents(), patent, s.contact(), s.phone(), s.ownerType(),
                        own ? null : s.owner()), own ? enterprise.get() : gov.get());
                seeded++;
                if (s.title().startsWith("5G")) {
                    gateway = id;
                }
            } catch (RuntimeException e) {
                // demo data must never stop the platform from starting
                log.warn("Demo achievement {} not seeded: {}", s.title(), e.getMessage());
            }
        }
        if (gateway != null) {
            try {
                library.expressInterest(gateway, Intent.LICENSE, "我司工业视觉网关计划支持国密加密，希望获得该模块的许可，"
                        + "并就批量采购和联合测试进一步沟通。", enterprise.get());
            } catch (RuntimeException e) {
                log.warn("Demo interest not seeded: {}", e.getMessage());
            }
        }
        log.info("Demo achievements seeded: {}", seeded);
    }

    private Optional<SignedInUser> signIn(String username) {
        return DemoData.signIn(authentication, username);
    }
}
