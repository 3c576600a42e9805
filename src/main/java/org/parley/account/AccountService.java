package org.parley.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.parley.problem.ProblemException;
import org.parley.problem.Violation;
import org.parley.security.EditorAccount;

/** Curators' accounts: created, changed, disabled and given new passwords by administrators. */
@ApplicationScoped
@Transactional
public class AccountService {

    /**
     * Names no account may take: {@code me} is the path of the signed-in user, and {@code system} the editor that
     * revisions name for Parley's own writes (the seed).
     */
    static final Set<String> RESERVED = Set.of("me", "system");
    private static final Pattern USERNAME = Pattern.compile(AccountRequest.USERNAME);

    private final AccountRepository accounts;
    private final EditorAccount configured;

    public AccountService(AccountRepository accounts, EditorAccount configured) {
        this.accounts = accounts;
        this.configured = configured;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Account> list() {
        return accounts.listByUsername();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Account read(String username) {
        return find(username).orElseThrow(() -> ProblemException.notFound("Account", username));
    }

    /** The account of this name; a name no account can have is not looked for (PostgreSQL refuses a NUL in one). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Account> find(String username) {
        return USERNAME.matcher(username).matches() ? accounts.findByUsername(username) : Optional.empty();
    }

    public Account create(AccountRequest request) {
        if (RESERVED.contains(request.username())) {
            throw ProblemException.invalid(Violation.body("username", "is reserved"));
        }
        String hash = hash("password", request.password());
        if (request.username().equals(configured.user())) {
            throw ProblemException.conflict("User name " + request.username()
                    + " is the editor account of the configuration");
        }
        if (accounts.findByUsername(request.username()).isPresent()) {
            throw ProblemException.conflict("An account named " + request.username() + " already exists");
        }
        Account account = new Account();
        account.username = request.username();
        account.displayName = blankToNull(request.displayName());
        account.passwordHash = hash;
        account.setRoles(request.roles());
        account.enabled = true;
        accounts.persist(account);
        accounts.flush(); // the times and a duplicate that raced this one show now, not at commit
        return account;
    }

    /**
     * Applies a change (a merge patch, read against the account as it stands) by {@code actor}, who may not disable
     * their own account or take their own {@code admin} role away: an administrator cannot lock themselves out.
     */
    public Account change(String username, String actor, Function<AccountChange, AccountChange> patch) {
        Account account = read(username);
        AccountChange change = patch.apply(AccountChange.of(account));
        if (!change.violations().isEmpty()) {
            throw ProblemException.invalid(change.violations());
        }
        if (username.equals(actor) && (!change.enabled() || !change.roles().contains(AccountRole.admin))) {
            throw ProblemException.conflict("An administrator cannot disable their own account or take their own"
                    + " admin role away; another administrator can");
        }
        account.displayName = blankToNull(change.displayName());
        account.setRoles(change.roles());
        account.enabled = change.enabled();
        accounts.flush();
        return account;
    }

    public Account setPassword(String username, PasswordRequest request) {
        String hash = hash("password", request.password());
        Account account = read(username);
        account.passwordHash = hash;
        accounts.flush();
        return account;
    }

    /**
     * The bcrypt hash of a password, refused (a 400 naming {@code field}) when it is longer than the 72 bytes bcrypt
     * reads: two passwords that differ only after them would both sign in.
     */
    static String hash(String field, String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > PasswordRequest.MAX) {
            throw ProblemException.invalid(Violation.body(field, "must be at most " + PasswordRequest.MAX
                    + " bytes in UTF-8"));
        }
        return BcryptUtil.bcryptHash(password);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
