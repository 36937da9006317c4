package dev.warden.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfidentialTextTest {

    private static final String TEXT = "Call me at 555-867-5309 after school, you loser";
    private static final String URL = "https://uploads.example-cdn.net/u/8c1f2e/photo.jpg?X-Amz-Signature=5d41402abc4b";
    private static final String API_KEY = "sk-test-warden-0123456789";

    private static final ConfidentialText SENT = ConfidentialText.of(new ClassificationInput(List.of(
            new ContentPart.Text(TEXT), new ContentPart.Image(URL))), API_KEY);

    @ParameterizedTest
    @ValueSource(strings = {
            "Invalid input: 'Call me at 555-867-5309 after school, you loser'",
            "Invalid phone number 555-867-5309 in input",
            "Input contains 'AFTER SCHOOL'",
            "Input contains 'after\n   school,' which we refuse",
            "Could not download uploads.example-cdn.net",
            "Could not download image /u/8c1f2e/photo.jpg",
            "Signature X-Amz-Signature=5d41402abc4b has expired",
            "Signature 5d41402abc4b has expired",
            "Incorrect API key provided: sk-test-warden-01234****" })
    void aMessageQuotingAnyPartOfTheRequestIsWithheld(String vendorMessage) {
        assertThat(SENT.isQuotedIn(vendorMessage)).isTrue();
        assertThat(SENT.shareable(vendorMessage)).isEqualTo(ConfidentialText.WITHHELD);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Rate limit reached for omni-moderation-latest on requests per min (RPM): Limit 3, Used 3",
            "The server had an error while processing your request. Sorry about that!",
            "Image URL must use https://",
            "Input mentions a school",
            "Number of images (2) exceeds maximum of 1" })
    void anUnrelatedMessageIsKept(String vendorMessage) {
        assertThat(SENT.isQuotedIn(vendorMessage)).isFalse();
        assertThat(SENT.shareable(vendorMessage)).isEqualTo(vendorMessage);
    }

    @Test
    void aShortTextCountsAsAWholeWordOnly() {
        ConfidentialText sent = ConfidentialText.of(new ClassificationInput(List.of(new ContentPart.Text("KYS"))));

        assertThat(sent.isQuotedIn("Invalid input 'kys'")).isTrue();
        assertThat(sent.isQuotedIn("kys")).isTrue();
        assertThat(sent.isQuotedIn("Cannot reach skyscanner")).isFalse();
    }

    @Test
    void aSharedRunShorterThanTheRuleIsNoQuote() {
        String sevenCharacters = TEXT.substring(11, 11 + ConfidentialText.QUOTED_RUN_LENGTH - 1);

        assertThat(SENT.isQuotedIn("Invalid value:" + sevenCharacters)).isFalse();
    }

    @Test
    void aKeptMessageIsOneBoundedLine() {
        String shown = SENT.shareable("The engine is\n  currently overloaded. " + "Please retry. ".repeat(40));

        assertThat(shown).startsWith("The engine is currently overloaded. Please retry.").doesNotContain("\n")
                .hasSize(ConfidentialText.MAX_MESSAGE_LENGTH + 1).endsWith("…");
    }

    @Test
    void onlyWhatWouldBeShownIsJudged() {
        String quoteAfterTheCut = "x".repeat(ConfidentialText.MAX_MESSAGE_LENGTH) + " " + TEXT;

        assertThat(SENT.shareable(quoteAfterTheCut)).isEqualTo("x".repeat(ConfidentialText.MAX_MESSAGE_LENGTH) + "…");
    }

    @Test
    void moreSecretsCanBeAddedWithoutLosingTheFirst() {
        ConfidentialText more = SENT.with("AKIDEXAMPLE12345", "acme");

        assertThat(more.isQuotedIn("The security token AKIDEXAMPLE12345 is invalid")).isTrue();
        assertThat(more.isQuotedIn("user acme is not allowed")).isTrue();
        assertThat(more.isQuotedIn("Phone 555-867-5309")).isTrue();
        assertThat(SENT.isQuotedIn("The security token AKIDEXAMPLE12345 is invalid")).isFalse();
    }
}
