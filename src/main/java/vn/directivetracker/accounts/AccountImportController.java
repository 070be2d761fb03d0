package vn.directivetracker.accounts;

import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/users/import} (text/csv, UTF-8): onboard a province's officers and heads
 * at once. Administrators only — the rule on {@code /api/admin/} in access.SecurityConfig, and the engine's
 * own authorization on every identity write.
 */
@RestController
class AccountImportController {

    private final AccountImport accountImport;

    AccountImportController(AccountImport accountImport) {
        this.accountImport = accountImport;
    }

    /** The body is read as bytes and decoded as UTF-8 whatever charset the client declares (or omits). */
    @PostMapping(path = "/api/admin/users/import", consumes = "text/csv")
    AccountImport.Result importAccounts(@RequestBody byte[] csv) {
        return accountImport.importCsv(new String(csv, StandardCharsets.UTF_8));
    }
}
