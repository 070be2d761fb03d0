package vn.directivetracker.accounts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.common.FieldViolation;
import vn.directivetracker.common.InvalidRequestException;
import vn.directivetracker.identity.CamundaIdentity;
import vn.directivetracker.identity.PasswordRules;

/**
 * Creates or updates accounts and their agency and role memberships from an account file, all or
 * nothing: the whole file is checked first and any problem rejects it naming every bad line; the
 * writes then run in one transaction with the engine's. Memberships are only added, never removed
 * (leaving an agency is done in Camunda Admin). Passwords follow Camunda's default policy in every
 * profile; a new account without one gets a generated password, returned once in the answer.
 */
@Service
public class AccountImport {

    /** Camunda's default id whitelist. */
    private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9]{1,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s;]+@[^@\\s;]+\\.[^@\\s;]+");

    private final IdentityService identityService;
    private final CamundaIdentity identity;
    private final AgencyRegistry registry;
    private final PasswordGenerator passwords;

    AccountImport(IdentityService identityService, CamundaIdentity identity, AgencyRegistry registry, PasswordGenerator passwords) {
        this.identityService = identityService;
        this.identity = identity;
        this.registry = registry;
        this.passwords = passwords;
    }

    public record Imported(String id, boolean created, List<String> groups, String initialPassword) {}

    public record Result(int created, int updated, List<Imported> accounts) {}

    @Transactional
    public Result importCsv(String csv) {
        List<FieldViolation> problems = new ArrayList<>();
        List<AccountRow> rows = AccountCsv.parse(csv, problems);
        Set<String> agencies = registry.all().stream().map(Agency::code).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        for (AccountRow row : rows) {
            check(row, agencies, seen, problems);
        }
        if (problems.isEmpty() && rows.isEmpty()) {
            problems.add(new FieldViolation("dòng 2", "Tệp không có tài khoản nào"));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(p -> Integer.parseInt(p.field().replaceAll("\\D", ""))));
            throw new InvalidRequestException(problems);
        }
        List<Imported> imported = rows.stream().map(this::write).toList();
        int created = (int) imported.stream().filter(Imported::created).count();
        return new Result(created, imported.size() - created, imported);
    }

    private void check(AccountRow row, Set<String> agencies, Set<String> seen, List<FieldViolation> problems) {
        String field = row.field();
        if (!USER_ID.matcher(row.id()).matches()) {
            problems.add(new FieldViolation(field, "Tên đăng nhập chỉ gồm chữ cái không dấu và chữ số: " + row.id()));
        } else if (!seen.add(row.id().toLowerCase())) {
            problems.add(new FieldViolation(field, "Tên đăng nhập lặp lại trong tệp: " + row.id()));
        }
        if (row.firstName().isEmpty() || row.lastName().isEmpty()) {
            problems.add(new FieldViolation(field, "Thiếu họ đệm hoặc tên (firstName, lastName)"));
        }
        if (row.email() != null && !EMAIL.matcher(row.email()).matches()) {
            problems.add(new FieldViolation(field, "Email không hợp lệ: " + row.email()));
        }
        boolean ofAgency = row.roles().stream().anyMatch(AccountRole::ofAgency);
        if (ofAgency && row.agencyCode() == null) {
            problems.add(new FieldViolation(field, "Vai trò officer/head cần mã đơn vị (agencyCode)"));
        } else if (!ofAgency && row.agencyCode() != null) {
            problems.add(new FieldViolation(field, "Mã đơn vị chỉ dùng với vai trò officer hoặc head"));
        } else if (row.agencyCode() != null && !agencies.contains(row.agencyCode())) {
            problems.add(new FieldViolation(field, "Không có đơn vị mã " + row.agencyCode() + " trong danh mục"));
        }
        if (row.password() != null) {
            List<String> broken = PasswordRules.violations(row.password(), asUser(row));
            if (!broken.isEmpty()) {
                problems.add(new FieldViolation(field, "Mật khẩu không đạt chính sách: " + String.join(", ", broken)));
            }
        }
    }

    private Imported write(AccountRow row) {
        User user = identityService.createUserQuery().userId(row.id()).singleResult();
        boolean created = user == null;
        String initialPassword = null;
        if (created) {
            user = identityService.newUser(row.id());
            initialPassword = row.password() == null ? passwords.generate(asUser(row)) : null;
            user.setPassword(row.password() == null ? initialPassword : row.password());
        } else if (row.password() != null) {
            user.setPassword(row.password());
        }
        user.setFirstName(row.firstName());
        user.setLastName(row.lastName());
        user.setEmail(row.email());
        identityService.saveUser(user);
        List<String> groups = List.copyOf(row.groups());
        groups.forEach(group -> identity.ensureMembership(row.id(), group));
        return new Imported(row.id(), created, groups, initialPassword);
    }

    private static User asUser(AccountRow row) {
        UserEntity user = new UserEntity(row.id());
        user.setFirstName(row.firstName());
        user.setLastName(row.lastName());
        user.setEmail(row.email());
        return user;
    }
}
