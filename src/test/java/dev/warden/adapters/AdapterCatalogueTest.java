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
import dev.warden.spi.SettingsSpec;
import dev.warden.spi.reporting.ReportingAdapterType;
import dev.warden.spi.reporting.ReportingDescriptor;

/**
 * The catalogue in {@code adapters/README.md} is the one line a new adapter adds outside its folder: every adapter
 * type, classifier or reporting partner, has a row that matches its descriptor in its table ("Catalogue", "Reporting
 * partners"), every row names a folder with a README, and each README's settings table is the one its descriptor
 * generates. Failures say what to paste.
 */
class AdapterCatalogueTest {

    private static final Path ADAPTERS = Path.of("adapters");
    private static final String SETTINGS_BEGIN = "<!-- settings:begin -->";
    private static final String SETTINGS_END = "<!-- settings:end -->";
    private static final Pattern ROW = Pattern.compile(
            "^\\|\\s*`([^`]+)`\\s*\\|([^|]*)\\|([^|]*)\\|\\s*\\[[^\\]]*\\]\\(([^)]+)/README\\.md\\)\\s*\\|\\s*$");
    private static final Pattern REPORTING_ROW = Pattern.compile(
            "^\\|\\s*`([^`]+)`\\s*\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|\\s*\\[[^\\]]*\\]\\(([^)]+)/README\\.md\\)\\s*\\|\\s*$");
    private static final String CATALOGUE = "## Catalogue";
    private static final String REPORTING = "## Reporting partners";

    private record Row(String id, String modalities, String mode, String folder) {
    }

    private record ReportingRow(String id, String vendor, String format, String batching, String folder) {
    }

    private static Map<String, AdapterDescriptor> descriptors;
    private static Map<String, Row> rows;
    private static Map<String, ReportingDescriptor> reportingDescriptors;
    private static Map<String, ReportingRow> reportingRows;

    @BeforeAll
    static void readTypesAndCatalogue() throws IOException {
        descriptors = new LinkedHashMap<>();
        reportingDescriptors = new LinkedHashMap<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.warden.adapters")) {
            if (type.isAssignableTo(ClassifierAdapterType.class) && type.isAnnotatedWith(ApplicationScoped.class)) {
                AdapterDescriptor descriptor = instantiate(type.reflect(), ClassifierAdapterType.class).descriptor();
                descriptors.put(descriptor.id(), descriptor);
            }
            if (type.isAssignableTo(ReportingAdapterType.class) && type.isAnnotatedWith(ApplicationScoped.class)) {
                ReportingDescriptor descriptor = instantiate(type.reflect(), ReportingAdapterType.class).descriptor();
                reportingDescriptors.put(descriptor.id(), descriptor);
            }
        }
        reportingRows = new LinkedHashMap<>();
        for (String line : section(REPORTING)) {
            Matcher row = REPORTING_ROW.matcher(line);
            if (row.matches()) {
                reportingRows.put(row.group(1), new ReportingRow(row.group(1), row.group(2).trim(),
                        row.group(3).trim(), row.group(4).trim(), row.group(5).trim()));
            }
        }
        rows = new LinkedHashMap<>();
        for (String line : section(CATALOGUE)) {
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
            if (row != null) {
                checkSettingsTable(softly, row.folder(), descriptor.settings());
            }
        }
        for (ReportingDescriptor descriptor : reportingDescriptors.values()) {
            ReportingRow row = reportingRows.get(descriptor.id());
            if (row != null) {
                checkSettingsTable(softly, row.folder(), descriptor.settings());
            }
        }
        softly.assertAll();
    }

    @Test
    void findsTheReportingPartnerTypes() {
        assertThat(reportingDescriptors).containsKey("dsa-transparency");
        assertThat(reportingRows).as("rows of the reporting partners table").isNotEmpty();
    }

    @Test
    void everyReportingPartnerTypeHasARowThatMatchesItsDescriptor() {
        reportingDescriptors.values().forEach(descriptor -> assertThat(reportingRows.get(descriptor.id()))
                .as("adapters/README.md %s needs this row:%n%s", REPORTING,
                        expectedReportingRow(descriptor, descriptor.id()))
                .isNotNull()
                .satisfies(row -> assertThat(reportingRowText(row)).as("the reporting row of " + descriptor.id())
                        .isEqualTo(expectedReportingRow(descriptor, row.folder()))));
    }

    @Test
    void everyReportingRowNamesAFolderWithAReadme() {
        reportingRows.values().forEach(row -> assertThat(ADAPTERS.resolve(row.folder()).resolve("README.md"))
                .as("the folder of " + row.id()).isRegularFile());
    }

    private static void checkSettingsTable(SoftAssertions softly, String folder, SettingsSpec settings)
            throws IOException {
        String expected = settings.markdownTable();
        String readme = Files.readString(ADAPTERS.resolve(folder).resolve("README.md"));
        int begin = readme.indexOf(SETTINGS_BEGIN);
        int end = readme.indexOf(SETTINGS_END);
        String paste = SETTINGS_BEGIN + "\n" + expected + SETTINGS_END;
        String table = begin >= 0 && end > begin ? readme.substring(begin + SETTINGS_BEGIN.length(), end) : "";
        softly.assertThat(table.trim())
                .as("adapters/%s/README.md: the settings table between the markers; paste:%n%s", folder, paste)
                .isEqualTo(expected.trim());
    }

    /** The reporting row: id, vendor, the format as stored, how many reports one call carries, the folder. */
    static String expectedReportingRow(ReportingDescriptor descriptor, String folder) {
        String batching = descriptor.maxBatch() == 1 ? "one report per call" : "up to " + descriptor.maxBatch()
                + " per call";
        return "| `" + descriptor.id() + "` | " + descriptor.vendor() + " | " + descriptor.format().wireName() + " | "
                + batching + " | [" + folder + "/](" + folder + "/README.md) |";
    }

    private static String reportingRowText(ReportingRow row) {
        return "| `" + row.id() + "` | " + row.vendor() + " | " + row.format() + " | " + row.batching() + " | ["
                + row.folder() + "/](" + row.folder() + "/README.md) |";
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

    private static List<String> section(String heading) throws IOException {
        List<String> section = new ArrayList<>();
        boolean inside = false;
        for (String line : Files.readAllLines(ADAPTERS.resolve("README.md"))) {
            if (line.startsWith("## ")) {
                inside = line.equals(heading);
            } else if (inside) {
                section.add(line);
            }
        }
        return section;
    }

    private static <T> T instantiate(Class<?> type, Class<T> as) {
        try {
            return as.cast(type.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(type.getName() + " needs a no-argument constructor, as a CDI bean has", e);
        }
    }
}
