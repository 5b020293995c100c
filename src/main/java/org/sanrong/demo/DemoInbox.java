package org.sanrong.demo;

import java.util.UUID;
import org.sanrong.identity.AccountView;
import org.sanrong.identity.Membership;
import org.sanrong.inbox.Inbox;
import org.sanrong.inbox.Notice;
import org.sanrong.inbox.Notice.Recipient;
import org.sanrong.platform.DatabaseMode;
import org.sanrong.platform.SanrongProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A few welcome messages for the demo accounts, so the badge and the 消息 page have something to show on the first
 * visit. Sent once: a database that has any message about {@value #WELCOME} is left alone.
 */
@Component
@Order(5)
class DemoInbox implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoInbox.class);
    static final String WELCOME = "demo:welcome";

    private final Inbox inbox;
    private final Membership membership;
    private final SanrongProperties properties;
    private final DatabaseMode databaseMode;

    DemoInbox(Inbox inbox, Membership membership, SanrongProperties properties, DatabaseMode databaseMode) {
        this.inbox = inbox;
        this.membership = membership;
        this.properties = properties;
        this.databaseMode = databaseMode;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.seedDemo(databaseMode.embedded()) || inbox.sentAbout(WELCOME)) {
            return;
        }
        welcome("admin", "/admin/organisations", "欢迎使用三融平台运营后台",
                "您可以在“组织管理”中审核金融机构的注册申请，在“审计日志”中查看平台上的全部操作记录。");
        welcome("gov", "/catalog/review", "欢迎使用三融平台",
                "金融机构提交的产品经您审核后上架金融超市；企业申报的资质请在“资质核验”中核验。");
        welcome("bank", "/institution/products", "欢迎入驻三融平台",
                "贵行已通过平台审核。请在“我的产品”中发布金融产品，并在“需求大厅”查看科技企业的融资需求。");
        welcome("investor", "/demands/open", "欢迎入驻三融平台",
                "贵机构已通过平台审核。“需求大厅”中可以看到接受股权融资的科技企业。");
        welcome("enterprise", "/enterprise/profile", "欢迎使用三融平台",
                "完善企业信息并申报资质，平台会为您匹配可申请的金融产品；发布融资需求后，金融机构接单时您会在这里收到通知。");
        membership.account("enterprise").ifPresent(a -> inbox.send(Notice.of(
                Recipient.member(a.organisationId(), a.username()), Notice.SYSTEM, "请设置接收通知的电子邮箱",
                "在“消息”页右上角的“邮件通知设置”中填写邮箱，平台开启邮件通知后，重要消息会同时发到您的邮箱。")
                .linkTo("/inbox/settings").about(WELCOME)));
        log.info("Demo welcome messages sent.");
    }

    private void welcome(String username, String link, String title, String body) {
        UUID organisation = membership.account(username).map(AccountView::organisationId).orElse(null);
        if (organisation != null) {
            inbox.send(Notice.of(Recipient.organisation(organisation), Notice.SYSTEM, title, body).linkTo(link)
                    .about(WELCOME));
        }
    }
}
