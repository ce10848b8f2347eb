package org.xuncha.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.Regions;

/**
 * First start: on an empty account table creates either the demo accounts (one per role, with the demo district)
 * or, against an external database, only the system admin with a one-time password. Passwords are generated,
 * printed once to the console and, for the demo, written to {@code <data-dir>/demo-accounts.txt}.
 */
@Component
class AccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    /** A demo account: its role and the names of the regions of its scope. */
    record DemoAccount(
            String username,
            String displayName,
            Role role,
            List<String> regions,
            @Nullable ReceivingBody body) {}

    static final List<DemoAccount> DEMO_ACCOUNTS = List.of(
            new DemoAccount("sysadmin", "系统管理员", Role.SYSTEM_ADMIN, List.of(), null),
            new DemoAccount("secadmin", "安全管理员", Role.SECURITY_ADMIN, List.of(), null),
            new DemoAccount("auditor", "审计管理员", Role.AUDIT_ADMIN, List.of(), null),
            new DemoAccount("office", "巡察办 李文", Role.OFFICE_STAFF, List.of("睢阳区"), null),
            new DemoAccount("director", "巡察办主任 王进德", Role.OFFICE_DIRECTOR, List.of("睢阳区"), null),
            new DemoAccount("groupleader", "第一巡察组组长 赵明", Role.GROUP_LEADER, List.of("坞墙镇"), null),
            new DemoAccount("groupdeputy", "第一巡察组副组长 孙立", Role.GROUP_DEPUTY, List.of("坞墙镇"), null),
            new DemoAccount("groupmember", "第一巡察组组员 周洁", Role.GROUP_MEMBER, List.of("坞墙镇"), null),
            new DemoAccount("liaison", "坞墙镇联络员 陈刚", Role.TOWNSHIP_LIAISON, List.of("坞墙镇"), null),
            new DemoAccount("supervisor", "第一督导组 刘慧", Role.SUPERVISOR, List.of("坞墙镇", "冯桥镇", "闫集镇"), null),
            new DemoAccount("receiver", "区纪委监委 张岩", Role.LEAD_RECEIVER, List.of(), ReceivingBody.DISCIPLINE_COMMISSION),
            new DemoAccount("leader", "区领导 吴正", Role.LEADER, List.of("睢阳区"), null));

    private final UserAccounts accounts;
    private final Regions regions;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final TransactionTemplate transactions;
    private final boolean demo;
    private final Path dataDir;

    AccountBootstrap(
            UserAccounts accounts,
            Regions regions,
            PasswordEncoder encoder,
            PasswordPolicy policy,
            TransactionTemplate transactions,
            @Value("${xuncha.demo.enabled}") String demoFlag,
            @Value("${xuncha.database.url}") String databaseUrl,
            @Value("${xuncha.data-dir}") String dataDir) {
        this.accounts = accounts;
        this.regions = regions;
        this.encoder = encoder;
        this.policy = policy;
        this.transactions = transactions;
        this.demo = StringUtils.hasText(demoFlag)
                ? Boolean.parseBoolean(demoFlag.trim())
                : !StringUtils.hasText(databaseUrl);
        this.dataDir = Path.of(dataDir);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        List<String> lines = transactions.execute(status -> demo ? createDemo() : createAdmin());
        StringBuilder banner = new StringBuilder("\n========== Xuncha 巡察村居工作平台: first start ==========\n");
        lines.forEach(line -> banner.append(line).append('\n'));
        banner.append(
                demo
                        ? "These passwords are shown once; they are also in " + dataDir.resolve("demo-accounts.txt")
                                + "\n"
                        : "This one-time password is shown once; change it at first sign-in.\n");
        banner.append("===========================================================\n");
        System.out.println(banner);
        if (demo) {
            writeDemoFile(lines);
        }
        log.info("Created {} account(s) on first start", lines.size());
    }

    private List<String> createDemo() {
        regions.loadDemoDistrict();
        List<String> lines = new ArrayList<>();
        for (DemoAccount demoAccount : DEMO_ACCOUNTS) {
            String password = policy.generate();
            UserAccount account = UserAccount.create(
                    demoAccount.username(), demoAccount.displayName(), encoder.encode(password), false);
            List<Long> scope = demoAccount.regions().stream()
                    .map(name -> regions.findByName(name).map(RegionSummary::id).orElseThrow())
                    .toList();
            account.assign(demoAccount.role(), scope, demoAccount.body());
            accounts.save(account);
            lines.add(demoAccount.username() + "\t" + password + "\t" + demoAccount.role() + "\t"
                    + demoAccount.displayName());
        }
        return lines;
    }

    private List<String> createAdmin() {
        String password = policy.generate();
        UserAccount admin = UserAccount.create("sysadmin", "系统管理员", encoder.encode(password), true);
        admin.assign(Role.SYSTEM_ADMIN, List.of(), null);
        accounts.save(admin);
        return List.of("sysadmin\t" + password + "\t" + Role.SYSTEM_ADMIN + "\t(one-time password)");
    }

    private void writeDemoFile(List<String> lines) {
        Path file = dataDir.resolve("demo-accounts.txt");
        try {
            Files.createDirectories(dataDir);
            List<String> content = new ArrayList<>();
            content.add("# Xuncha demo accounts: username, password, role, name (generated on first start)");
            content.addAll(lines);
            Files.write(file, content);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
