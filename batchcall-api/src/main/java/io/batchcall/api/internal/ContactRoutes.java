package io.batchcall.api.internal;

import io.batchcall.AccountContacts;
import io.batchcall.BatchCallException;
import io.batchcall.api.ApiResponse;
import io.batchcall.csv.CsvImportException;
import io.batchcall.csv.ImportOptions;
import io.batchcall.model.AccountId;
import io.batchcall.model.PhoneNumber;
import io.batchcall.policy.SuppressionImport;
import io.batchcall.spi.Erasure;
import io.batchcall.spi.Suppression;
import java.util.List;
import java.util.Optional;

/**
 * An account's contact data: its suppression (do-not-call) list — add a number with a reason,
 * look one up, remove it, bulk-load a CSV streamed like a recipients' upload — and the erasure of
 * a number. Everything goes through the account's view of the core, so one account never sees or
 * changes another's list. Numbers are shown in E.164 as recipients are.
 */
final class ContactRoutes {
    /** The reason of imported entries when the upload names none. */
    static final String DEFAULT_IMPORT_REASON = "imported do-not-call list";

    private final ApiContext ctx;

    ContactRoutes(ApiContext ctx) {
        this.ctx = ctx;
    }

    void register(Router router) {
        OptionalPart.Adder r = OptionalPart.routes(router, "contact data (suppression lists, erasure)");
        r.add("POST", "/suppressions", Media.JSON, this::suppress);
        r.add("POST", "/suppressions/import", Media.JSON, this::importList);
        r.add("POST", "/erasures", Media.JSON, c -> {
            Dto.ErasureRequest body = c.json(Dto.ErasureRequest.class);
            Erasure e = contacts(c.account()).erase(SpecMapper.phone("phone", body.phone()));
            return Responses.json(200, new Dto.ErasureView(e.recipients(), e.attempts(), e.events(),
                    e.suppressionKept()));
        });
        r.add("GET", "/suppressions/{phone}", Media.JSON, c -> {
            PhoneNumber phone = pathPhone(c);
            return Responses.json(200, view(contacts(c.account()).suppression(phone)
                    .orElseThrow(() -> notListed(phone))));
        });
        r.add("DELETE", "/suppressions/{phone}", Media.JSON, c -> {
            PhoneNumber phone = pathPhone(c);
            if (!contacts(c.account()).unsuppress(phone)) {
                throw notListed(phone);
            }
            return Responses.noContent();
        });
    }

    /** 201 with the new entry; 200 with the first entry when the number was listed already. */
    private ApiResponse suppress(Call c) {
        Dto.SuppressionRequest body = c.json(Dto.SuppressionRequest.class);
        PhoneNumber phone = SpecMapper.phone("phone", body.phone());
        String reason = reason("reason", body.reason());
        AccountContacts contacts = contacts(c.account());
        Optional<Suppression> before = contacts.suppression(phone);
        if (before.isPresent()) {
            return Responses.json(200, view(before.get()));
        }
        return Responses.json(201, view(contacts.suppress(phone, reason)));
    }

    private ApiResponse importList(Call c) {
        String ct = c.request.header("Content-Type");
        if (ct == null || !Media.isCsv(ct)) {
            throw ApiProblem.unsupported(ct, "text/csv");
        }
        String region = ctx.importOptions().defaultRegion();
        String asked = c.request.param("default_region");
        if (asked != null) {
            try {
                region = ImportOptions.from(ctx.importOptions()).defaultRegion(asked).build().defaultRegion();
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("default_region", "an ISO 3166 region such as US or GB, or ZZ", asked);
            }
        }
        String given = c.request.param("reason");
        String reason = reason("reason", given == null ? DEFAULT_IMPORT_REASON : given);
        AccountContacts contacts = contacts(c.account());
        LimitedBody body = c.body(c.limits().maxCsvBytes());
        SuppressionImport report;
        try {
            report = contacts.importSuppressions(body, region, reason);
        } catch (CsvImportException e) {
            ApiProblem p = body.problem();
            String kept = "; numbers written before that stay listed, and loading the file again is harmless";
            if (p != null) {
                throw new ApiProblem(p.status(), p.type(), p.title(), p.getMessage() + kept, "body", p.rule(), null,
                        null);
            }
            throw ApiProblem.badRequest("csv-rejected", e.getMessage() + kept, "body", null);
        } catch (BatchCallException e) {
            ApiProblem p = body.problem();
            if (p != null) {
                throw p;
            }
            throw e;
        }
        return Responses.json(200, view(report));
    }

    private AccountContacts contacts(AccountId account) {
        return ctx.calls().forAccount(account).contacts();
    }

    /** The number of the path, {@code +} written as is or as {@code %2B}; 400 when it is not E.164. */
    private static PhoneNumber pathPhone(Call c) {
        String raw = c.vars.get("phone");
        return SpecMapper.phone("phone", raw.replace("%2B", "+").replace("%2b", "+"));
    }

    private static String reason(String field, String value) {
        if (value == null || value.isBlank() || value.strip().length() > 200) {
            throw ApiProblem.invalid(field, "1-200 characters", value);
        }
        return value.strip();
    }

    private static ApiProblem notListed(PhoneNumber phone) {
        return ApiProblem.notFound(phone.e164() + " is not on the account's suppression list");
    }

    static Dto.SuppressionView view(Suppression s) {
        return new Dto.SuppressionView(s.phone().e164(), s.reason(), s.source(), s.at().toString());
    }

    static Dto.SuppressionImportView view(SuppressionImport r) {
        List<Dto.LineProblem> rows = r.firstRejections().entrySet().stream()
                .map(e -> new Dto.LineProblem(e.getKey(), e.getValue())).toList();
        return new Dto.SuppressionImportView(r.read(), r.added(), r.alreadyListed(), r.rejected(),
                r.rejected() > rows.size(), rows);
    }
}
