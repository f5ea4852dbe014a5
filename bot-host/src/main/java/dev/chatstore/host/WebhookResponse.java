package dev.chatstore.host;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every webhook response.
 *
 * @param ok      whether the update is stored (or needs no storing)
 * @param outcome {@code stored}, {@code duplicate}, {@code edited}, {@code ignored}, {@code malformed},
 *                {@code refused}, {@code failed}, {@code unauthorized}, {@code busy}, {@code rejected} (wrong method) or
 *                {@code not-found}
 * @param error   what went wrong, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookResponse(boolean ok, String outcome, String error) {
    static WebhookResponse success(String outcome) {
        return new WebhookResponse(true, outcome, null);
    }

    static WebhookResponse failure(String outcome, String error) {
        return new WebhookResponse(false, outcome, error);
    }
}
