package io.batchcall.examples.boot;

import io.batchcall.model.AccountId;
import io.batchcall.model.BatchId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The example's API: {@code POST /accounts/{account}/top-ups?usd=5}, {@code POST
 * /accounts/{account}/campaigns?name=...} with a CSV body, {@code GET /campaigns/{id}}.
 */
@RestController
public class CampaignController {
    private final CampaignService campaigns;

    public CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @PostMapping("/accounts/{account}/top-ups")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void topUp(@PathVariable String account, @RequestParam String usd) {
        campaigns.topUp(AccountId.of(account), usd);
    }

    @PostMapping(path = "/accounts/{account}/campaigns", consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> launch(@PathVariable String account, @RequestParam String name,
            @RequestBody String csv) {
        CampaignService.Launched l = campaigns.launch(AccountId.of(account), name,
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        return Map.of("id", l.id().value(), "accepted", l.report().accepted(), "rejected", l.report().rejected());
    }

    @GetMapping("/campaigns/{id}")
    public CampaignView campaign(@PathVariable long id) {
        return campaigns.view(BatchId.of(id));
    }
}
