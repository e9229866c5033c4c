package io.batchcall.jdbc.internal;

import io.batchcall.model.AccountId;
import io.batchcall.spi.WebhookRegistration;
import io.batchcall.spi.WebhookStore;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Webhook registrations on the webhooks table; every statement but {@link #all()} is scoped by account. */
public final class JdbcWebhookStore implements WebhookStore {
    private static final String COLUMNS = "SELECT id, account_id, url, secret, created_at_us FROM {p}webhooks";

    private final Jdbc jdbc;
    private final String add;
    private final String list;
    private final String all;
    private final String remove;

    public JdbcWebhookStore(Jdbc jdbc, Tables t) {
        this.jdbc = jdbc;
        this.add = t.sql("INSERT INTO {p}webhooks (account_id, url, secret, created_at_us) VALUES (?, ?, ?, ?)");
        this.list = t.sql(COLUMNS + " WHERE account_id = ? ORDER BY id");
        this.all = t.sql(COLUMNS + " ORDER BY account_id, id");
        this.remove = t.sql("DELETE FROM {p}webhooks WHERE account_id = ? AND id = ?");
    }

    @Override
    public WebhookRegistration add(AccountId account, URI url, String secret, Instant at) {
        long id = jdbc.statement(account.value(), "registering a webhook of account " + account, c -> Sql.insert(c, add,
                account.value(), url.toString(), secret, Micros.of(at)));
        return new WebhookRegistration(id, account, url, secret, Micros.instant(Micros.of(at)));
    }

    @Override
    public List<WebhookRegistration> list(AccountId account) {
        return jdbc.statement(account.value(), "reading the webhooks of account " + account, c -> Sql.list(c, list,
                JdbcWebhookStore::map, account.value()));
    }

    @Override
    public List<WebhookRegistration> all() {
        return jdbc.statementAcrossAccounts("reading every webhook", c -> Sql.list(c, all, JdbcWebhookStore::map));
    }

    @Override
    public boolean remove(AccountId account, long id) {
        return jdbc.statement(account.value(), "removing webhook " + id + " of account " + account, c -> Sql.update(c, remove,
                account.value(), id) == 1);
    }

    private static WebhookRegistration map(ResultSet rs) throws SQLException {
        return new WebhookRegistration(rs.getLong("id"), AccountId.of(rs.getString("account_id")),
                URI.create(rs.getString("url")), rs.getString("secret"), Micros.instant(rs.getLong("created_at_us")));
    }
}
