package io.batchcall.examples.boot;

import io.batchcall.BatchCalls;
import io.batchcall.csv.ImportOptions;
import io.batchcall.csv.ImportReport;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.Money;
import io.batchcall.model.PhoneNumber;
import io.batchcall.schedule.CallWindow;
import io.batchcall.spi.CreditLedger;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Launches campaigns with the beans the starter provides. */
@Service
public class CampaignService {
    private static final PhoneNumber FROM = PhoneNumber.of("+14155552000");

    private final BatchCalls calls;
    private final CreditLedger ledger;
    private final ImportOptions importOptions;

    public CampaignService(BatchCalls calls, CreditLedger ledger, ImportOptions importOptions) {
        this.calls = calls;
        this.ledger = ledger;
        this.importOptions = importOptions;
    }

    /** Creates a draft, imports the CSV (phone, name and any variables) and sends it now. */
    public Launched launch(AccountId account, String name, InputStream csv) {
        BatchSpec spec = BatchSpec.builder(name, account, FROM, CallWindow.always(ZoneId.of("America/New_York")))
                .batchLimit(5).build();
        Batch draft = calls.createDraft(spec);
        ImportReport report = calls.importRecipients(draft.id(), csv, importOptions);
        calls.send(draft.id());
        return new Launched(draft.id(), report);
    }

    /** Adds credit to the account, in US dollars. */
    public void topUp(AccountId account, String usd) {
        ledger.topUp(account, Money.usd(usd), "top-up-" + UUID.randomUUID());
    }

    public CampaignView view(BatchId id) {
        return CampaignView.of(calls.batch(id));
    }

    /** A launched campaign and what its import did. */
    public record Launched(BatchId id, ImportReport report) {
    }
}
