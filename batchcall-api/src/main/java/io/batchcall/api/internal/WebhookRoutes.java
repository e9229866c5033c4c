package io.batchcall.api.internal;

import io.batchcall.AccountWebhooks;
import io.batchcall.NotFoundException;
import io.batchcall.api.ApiResponse;
import io.batchcall.delivery.DeadLetter;
import io.batchcall.delivery.Webhook;
import io.batchcall.model.AccountId;
import java.util.List;

/**
 * An account's webhooks: register (the secret is never echoed back), list, remove, and the dead
 * letters of each endpoint (list, redeliver one or all). Everything goes through the account's
 * view of the core, so another account's webhook id answers like an unknown one.
 */
final class WebhookRoutes {
    private final ApiContext ctx;

    WebhookRoutes(ApiContext ctx) {
        this.ctx = ctx;
    }

    void register(Router router) {
        OptionalPart.Adder r = OptionalPart.routes(router, "webhooks");
        r.add("POST", "/webhooks", Media.JSON, this::create);
        r.add("GET", "/webhooks", Media.JSON, c -> Responses.json(200, new Dto.Page<>(hooks(c.account()).list()
                .stream().map(WebhookRoutes::view).toList(), null)));
        r.add("GET", "/webhooks/dead-letters", Media.JSON, c -> Responses.json(200, new Dto.Page<>(
                hooks(c.account()).deadLetters(c.intParam("limit", 100, 1, 1000)).stream()
                        .map(WebhookRoutes::view).toList(), null)));
        r.add("DELETE", "/webhooks/{webhook_id}", Media.JSON, c -> {
            long id = webhookId(c);
            owned(c.account(), id).remove(id);
            return Responses.noContent();
        });
        r.add("GET", "/webhooks/{webhook_id}/dead-letters", Media.JSON, c -> {
            long id = webhookId(c);
            int limit = c.intParam("limit", 100, 1, 1000);
            Long after = c.cursorParam("cursor");
            List<Dto.DeadLetterView> items = owned(c.account(), id).deadLetters(id, after == null ? 0 : after, limit)
                    .stream().map(WebhookRoutes::view).toList();
            String next = items.size() == limit ? Long.toString(items.get(items.size() - 1).id()) : null;
            return Responses.json(200, new Dto.Page<>(items, next));
        });
        r.add("POST", "/webhooks/{webhook_id}/dead-letters/redeliver", Media.JSON, c -> {
            long id = webhookId(c);
            return Responses.json(202, new Dto.Redelivery(owned(c.account(), id).redeliverAll(id)));
        });
        r.add("POST", "/webhooks/{webhook_id}/dead-letters/{dead_letter_id}/redeliver", Media.JSON, c -> {
            long id = webhookId(c);
            long letter = Call.positive("dead_letter_id", c.vars.get("dead_letter_id"));
            AccountWebhooks hooks = owned(c.account(), id);
            try {
                hooks.redeliver(id, letter);
            } catch (NotFoundException e) {
                throw ApiProblem.notFound("dead letter " + letter + " of webhook " + id + " does not exist");
            }
            return Responses.json(202, new Dto.Redelivery(1));
        });
    }

    private ApiResponse create(Call c) {
        Dto.WebhookRequest body = c.json(Dto.WebhookRequest.class);
        if (body.url() == null) {
            throw ApiProblem.invalid("url", "an absolute https URL (http only on localhost)", null);
        }
        if (body.secret() == null) {
            throw ApiProblem.invalid("secret", "16-256 printable ASCII characters without spaces", null);
        }
        Webhook w;
        try {
            w = hooks(c.account()).register(body.url(), body.secret());
        } catch (IllegalArgumentException e) {
            boolean secret = String.valueOf(e.getMessage()).startsWith("webhook secret");
            // the secret is never echoed, not even when it is refused
            throw ApiProblem.badRequest("validation", e.getMessage(), secret ? "secret" : "url",
                    secret ? null : body.url());
        }
        return Responses.json(201, view(w));
    }

    private AccountWebhooks hooks(AccountId account) {
        return ctx.calls().forAccount(account).webhooks();
    }

    /** The account's webhooks view once {@code id} is known to be one of them; else 404. */
    private AccountWebhooks owned(AccountId account, long id) {
        AccountWebhooks hooks = hooks(account);
        if (hooks.list().stream().noneMatch(w -> w.id() == id)) {
            throw ApiProblem.notFound("webhook " + id + " does not exist");
        }
        return hooks;
    }

    private static long webhookId(Call c) {
        return Call.positive("webhook_id", c.vars.get("webhook_id"));
    }

    static Dto.WebhookView view(Webhook w) {
        return new Dto.WebhookView(w.id(), w.url().toString(), w.createdAt().toString(), w.consumer());
    }

    static Dto.DeadLetterView view(DeadLetter d) {
        return new Dto.DeadLetterView(d.id(), d.consumer(), Views.event(d.event()), d.attempts(), d.lastError(),
                d.deadAt().toString(), d.redeliveryRequested());
    }
}
