package dev.warden.adapters.localrules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = ';', textBlock = """
            IDIOT                       ; idiot
            ｉｄｉｏｔ                   ; idiot
            \uD835\uDC22\uD835\uDC1D\uD835\uDC22\uD835\uDC28\uD835\uDC2D ; idiot
            ídìöt                       ; idiot
            \u0456d\u0456\u043Et        ; idiot
            \u0399D\u0399\u039FT      ; idiot
            1d10t                       ; idiot
            !d!0t                       ; idiot
            $tup1d                      ; stupid
            sh!t                        ; shit
            4$$h0l3                     ; asshole
            |oser                       ; loser
            i\u200Bd\u200Ci\u200Do\u2060t ; idiot
            i\u00ADdiot                 ; idiot
            h.a.t.e                     ; hate
            i d i o t                   ; idiot
            i-d-i-o-t                   ; idiot
            i_d_i_o_t                   ; idiot
            ÍDÌÖT                       ; idiot
            """)
    void undoesEvasion(String disguised, String plain) {
        assertThat(normalizer.words(disguised)).containsExactly(plain);
    }

    @Test
    void mapsLookalikeCapitalsByHowTheyLook() {
        assertThat(normalizer.words("\u0397\u039F\u03A4 \u03B7\u03BF\u03C4")).containsExactly("hot", "not");
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "skilled", "scunthorpe", "assessment"})
    void keepsOrdinaryWordsWhole(String word) {
        assertThat(normalizer.words(word)).containsExactly(word);
    }

    @Test
    void splitsOnSpacesAndPunctuation() {
        assertThat(normalizer.words("Hello, world! How's it going?"))
                .containsExactly("hello", "world", "how", "s", "it", "going");
    }

    @Test
    void readsAnExclamationMarkAtAWordsEndAsPunctuation() {
        assertThat(normalizer.words("you idiot!!")).containsExactly("you", "idiot");
    }

    @Test
    void leavesNumbersAsNumbers() {
        assertThat(normalizer.words("call 555-455-1234 at 7")).containsExactly("call", "555", "455", "1234", "at", "7");
    }

    @Test
    void joinsOnlyLettersOneSeparatorApart() {
        assertThat(normalizer.words("Plan B. I will")).containsExactly("plan", "b", "i", "will");
        assertThat(normalizer.words("I'm here")).containsExactly("im", "here");
    }

    @Test
    void keepsEmailsAndDigitsForPatterns() {
        assertThat(normalizer.forPatterns("Mail ＪＯＥ@Example.com or call 555-123-4567"))
                .isEqualTo("mail joe@example.com or call 555-123-4567");
    }

    @Test
    void removesInvisibleCharactersForPatternsToo() {
        assertThat(normalizer.forPatterns("buy\u200B now")).isEqualTo("buy now");
    }

    @Test
    void findsNoWordsInPunctuation() {
        assertThat(normalizer.words("... !!! ---")).isEmpty();
    }
}
