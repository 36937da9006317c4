package dev.warden.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import dev.warden.spi.AdapterDescriptor;
import dev.warden.spi.ClassifierAdapterType;
import dev.warden.spi.Modality;

/**
 * The catalogue in {@code adapters/README.md} is the one line a new adapter adds outside its folder: every adapter
 * type has a row that matches its descriptor, every row names a folder with a README, and each README's settings
 * table is the one its descriptor generates. Failures say what to paste.
 */
class AdapterCatalogueTest {

    private static final Path ADAPTERS = Path.of("adapters");
    private static final String SETTINGS_BEGIN = "<!-- settings:begin -->";
    private static final String SETTINGS_END = "<!-- settings:end -->";
    private static final Pattern ROW = Pattern.compile(
            "^\\|\\s*`([^`]+)`\\s*\\|([^|]*)\\|([^|]*)\\|\\s*\\[[^\\]]*\\]\\(([^)]+)/README\\.md\\)\\s*\\|\\s*$");

    private record Row(String id, String modalities, String mode, String folder) {
    }

    private static Map<String, AdapterDescriptor> descriptors;
    private static Map<String, Row> rows;

    @BeforeAll
    static void readTypesAndCatalogue() throws IOException {
        descriptors = new LinkedHashMap<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.warden.adapters")) {
            if (type.isAssignableTo(ClassifierAdapterType.class) && type.isAnnotatedWith(ApplicationScoped.class)) {
                AdapterDescriptor descriptor = instantiate(type.reflect()).descriptor();
                descriptors.put(descriptor.id(), descriptor);
            }
        }
        rows = new LinkedHashMap<>();
        for (String line : catalogueSection()) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                rows.put(row.group(1), new Row(row.group(1), row.group(2).trim(), row.group(3).trim(),
                        row.group(4).trim()));
            }
        }
    }

    @Test
    void findsTheAdapterTypes() {
        assertThat(descriptors).containsKeys("local-rules", "openai");
        assertThat(rows).as("rows of the catalogue table").isNotEmpty();
    }

    @Test
    void everyAdapterTypeHasARowThatMatchesItsDescriptor() {
        descriptors.values().forEach(descriptor -> assertThat(rows.get(descriptor.id()))
                .as("adapters/README.md ## Catalogue needs this row:%n%s", expectedRow(descriptor, folderOf(descriptor)))
                .isNotNull()
                .satisfies(row -> assertThat(rowText(row)).as("the catalogue row of " + descriptor.id())
                        .isEqualTo(expectedRow(descriptor, row.folder()))));
    }

    @Test
    void everyRowNamesAFolderWithAReadme() {
        rows.values().forEach(row -> assertThat(ADAPTERS.resolve(row.folder()).resolve("README.md"))
                .as("the folder of " + row.id()).isRegularFile());
    }

    @Test
    void everyReadmeHoldsTheSettingsTableItsDescriptorGenerates() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        for (AdapterDescriptor descriptor : descriptors.values()) {
            Row row = rows.get(descriptor.id());
            if (row == null) {
                continue;
            }
            String expected = descriptor.settings().markdownTable();
            String readme = Files.readString(ADAPTERS.resolve(row.folder()).resolve("README.md"));
            int begin = readme.indexOf(SETTINGS_BEGIN);
            int end = readme.indexOf(SETTINGS_END);
            String paste = SETTINGS_BEGIN + "\n" + expected + SETTINGS_END;
            String table = begin >= 0 && end > begin ? readme.substring(begin + SETTINGS_BEGIN.length(), end) : "";
            softly.assertThat(table.trim())
                    .as("adapters/%s/README.md: the settings table between the markers; paste:%n%s", row.folder(),
                            paste)
                    .isEqualTo(expected.trim());
        }
        softly.assertAll();
    }

    /** The row as the test expects it: id, modalities in the SPI's order, mode, and a link to the folder's README. */
    static String expectedRow(AdapterDescriptor descriptor, String folder) {
        Set<Modality> modalities = EnumSet.noneOf(Modality.class);
        modalities.addAll(descriptor.declaredCapabilities().modalities());
        String mode = descriptor.declaredCapabilities().async() ? "sync or callback" : "sync";
        return "| `" + descriptor.id() + "` | " + modalities.stream().map(Modality::wireName)
                .collect(Collectors.joining(", ")) + " | " + mode + " | [" + folder + "/](" + folder
                + "/README.md) |";
    }

    private static String rowText(Row row) {
        return "| `" + row.id() + "` | " + row.modalities() + " | " + row.mode() + " | [" + row.folder() + "/]("
                + row.folder() + "/README.md) |";
    }

    /** Where the README of a type without a row would be: its id is its folder by convention. */
    private static String folderOf(AdapterDescriptor descriptor) {
        return descriptor.id();
    }

    private static List<String> catalogueSection() throws IOException {
        List<String> section = new ArrayList<>();
        boolean inside = false;
        for (String line : Files.readAllLines(ADAPTERS.resolve("README.md"))) {
            if (line.startsWith("## ")) {
                inside = line.equals("## Catalogue");
            } else if (inside) {
                section.add(line);
            }
        }
        return section;
    }

    private static ClassifierAdapterType instantiate(Class<?> type) {
        try {
            return (ClassifierAdapterType) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(type.getName() + " needs a no-argument constructor, as a CDI bean has", e);
        }
    }
}
