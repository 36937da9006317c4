package dev.warden.adapters.localrules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LetterRunsTest {

    @ParameterizedTest(name = "{0} spells {1}: {2}")
    @CsvSource({
            "idiot, idiot, true",
            "idiooooot, idiot, true",
            "kiiilll, kill, true",
            "killll, kill, true",
            "moon, moon, true",
            "mooon, moon, true",
            "asss, ass, true",
            "kil, kill, false",
            "as, ass, false",
            "ass, as, false",
            "mon, moon, false",
            "skill, kill, false"})
    void recognisesStretchedLettersOnly(String word, String term, boolean spells) {
        assertThat(LetterRuns.of(word).spells(LetterRuns.of(term))).isEqualTo(spells);
    }
}
