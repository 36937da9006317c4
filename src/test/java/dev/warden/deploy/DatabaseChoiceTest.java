package dev.warden.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.warden.embedded.DatabaseChoice;

/**
 * The switch the container image turns off: with {@code warden.embedded.enabled=false} and no database URL Warden
 * refuses to start, in one line naming both keys, instead of starting a PostgreSQL on a read-only or throw-away file
 * system. Outside the image nothing changes.
 */
class DatabaseChoiceTest {

    @TempDir
    Path workingDirectory;

    @Test
    void withoutAUrlTheEmbeddedDatabaseStartsByDefault() {
        assertThat(DatabaseChoice.decide(Map.of(), workingDirectory)).isEqualTo(DatabaseChoice.EMBEDDED);
        assertThat(DatabaseChoice.decide(Map.of("WARDEN_EMBEDDED_ENABLED", "true"), workingDirectory))
                .isEqualTo(DatabaseChoice.EMBEDDED);
    }

    @Test
    void aConfiguredUrlWinsWhereverItIsSet() throws IOException {
        Map<String, String> imageEnvironment = Map.of("WARDEN_EMBEDDED_ENABLED", "false");
        assertThat(DatabaseChoice.decide(Map.of("WARDEN_EMBEDDED_ENABLED", "false", "WARDEN_DATABASE_URL",
                "postgresql://db:5432/warden"), workingDirectory)).isEqualTo(DatabaseChoice.CONFIGURED);

        write("config/application.properties", "warden.database.url=postgresql://db:5432/warden\n");
        assertThat(DatabaseChoice.decide(imageEnvironment, workingDirectory)).isEqualTo(DatabaseChoice.CONFIGURED);
    }

    @Test
    void turnedOffWithoutAUrlItStopsWithOneLineNamingBothKeys() {
        assertThatThrownBy(() -> DatabaseChoice.decide(Map.of("WARDEN_EMBEDDED_ENABLED", "false"), workingDirectory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("warden.database.url").hasMessageContaining("WARDEN_DATABASE_URL")
                .hasMessageContaining("warden.embedded.enabled").hasMessageNotContaining("\n");
    }

    @Test
    void theSwitchIsReadFromTheSamePlacesAsTheUrl() throws IOException {
        write(".env", "WARDEN_EMBEDDED_ENABLED=false\n");
        assertThatThrownBy(() -> DatabaseChoice.decide(Map.of(), workingDirectory))
                .hasMessageContaining("warden.embedded.enabled is false");

        write("config/application.properties", "warden.embedded.enabled=FALSE\n");
        Files.delete(workingDirectory.resolve(".env"));
        assertThatThrownBy(() -> DatabaseChoice.decide(Map.of(), workingDirectory))
                .hasMessageContaining("warden.embedded.enabled is false");
    }

    @Test
    void aValueThatIsNeitherTrueNorFalseIsRefusedByName() {
        assertThatThrownBy(() -> DatabaseChoice.decide(Map.of("WARDEN_EMBEDDED_ENABLED", "no"), workingDirectory))
                .hasMessage("warden.embedded.enabled must be true or false, not 'no'");
    }

    private void write(String file, String content) throws IOException {
        Path path = workingDirectory.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }
}
