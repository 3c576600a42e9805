package org.parley.account;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AccountRepository implements PanacheRepository<Account> {

    public Optional<Account> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    /** Every account, by user name: curators are counted in dozens, not thousands. */
    public List<Account> listByUsername() {
        return listAll(Sort.by("username"));
    }
}
