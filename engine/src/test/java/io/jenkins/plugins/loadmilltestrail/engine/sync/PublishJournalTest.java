package io.jenkins.plugins.loadmilltestrail.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishJournalTest {
    @TempDir
    Path dir;

    @Test
    void livesBesideTheResultsFile() {
        assertThat(PublishJournal.besides(dir.resolve("results.json"))).isEqualTo(dir.resolve("results.json.journal.json"));
    }

    @Test
    void savesEveryWriteAndReadsItBack() throws Exception {
        Path file = dir.resolve("r.json.journal.json");
        PublishJournal journal = PublishJournal.open(file);
        assertThat(journal.hasHistory()).isFalse();
        journal.bind("https://tr.example/", 7, "plan-run-1");
        journal.suiteCreated("Payments", 12);
        journal.sectionCreated(12, "Loadmill", 40);
        journal.caseCreated(40, "Card", 901);
        journal.planCreated(55);
        journal.run(12, 77, "e-1", true, List.of(901L, 902L));
        journal.posted(77, List.of("fr-1", "fr-2"));
        journal.rejected(77, "fr-3", "Field :results contains one or more invalid results");
        journal.closed();
        assertThat(Files.readString(file)).contains("\"testRailUrl\" : \"https://tr.example/\"").doesNotContain("apiKey");
        try (var listing = Files.list(dir)) {
            assertThat(listing.toList()).as("no temporary files left").containsExactly(file);
        }

        PublishJournal again = PublishJournal.open(file);
        assertThat(again.hasHistory()).isTrue();
        again.bind("https://tr.example/", 7, "plan-run-1");
        assertThat(again.planId()).hasValue(55);
        assertThat(again.runFor(12)).hasValueSatisfying(r -> {
            assertThat(r.runId()).isEqualTo(77);
            assertThat(r.entryId()).isEqualTo("e-1");
            assertThat(r.caseIds()).containsExactlyInAnyOrder(901L, 902L);
        });
        assertThat(again.isPosted(77, "fr-2")).isTrue();
        assertThat(again.isPosted(77, "fr-3")).isFalse();
        assertThat(again.rejection(77, "fr-3")).hasValueSatisfying(r -> assertThat(r).contains("invalid results"));
        assertThat(again.isClosed()).isTrue();
        assertThat(again.createdSuites() + again.createdSections() + again.createdCases()).isEqualTo(3);
        assertThat(again.postedCount()).isEqualTo(2);
    }

    @Test
    void aWriteStaysUnconfirmedUntilItsSuccessIsJournaled() {
        Path file = dir.resolve("r.json.journal.json");
        PublishJournal journal = PublishJournal.open(file);
        journal.bind("https://tr.example/", 7, "run-1");
        journal.intend(new PublishJournal.Intent("add_run", 12, "Nightly 2026-01-02", List.of()));
        journal.intend(new PublishJournal.Intent(PublishJournal.RESULTS, 77, "", List.of("fr-1", "fr-2")));

        PublishJournal resumed = PublishJournal.open(file);
        resumed.bind("https://tr.example/", 7, "run-1");
        assertThat(resumed.pending("add_run", 12)).hasValueSatisfying(i -> assertThat(i.name()).isEqualTo("Nightly 2026-01-02"));
        assertThat(resumed.pendingResults(77)).singleElement()
                .satisfies(i -> assertThat(i.flowRunIds()).containsExactly("fr-1", "fr-2"));

        resumed.run(12, 77, "", true, List.of(901L));
        resumed.posted(77, List.of("fr-1"));
        assertThat(resumed.pending("add_run", 12)).as("the run is journaled").isEmpty();
        assertThat(resumed.pendingResults(77)).as("half of the batch is not proof of the whole").hasSize(1);
        resumed.posted(77, List.of("fr-2"));
        assertThat(PublishJournal.open(file).pendingResults(77)).isEmpty();
    }

    @Test
    void refusesToResumeAgainstAnotherTestRailOrProject() {
        Path file = dir.resolve("r.journal.json");
        PublishJournal journal = PublishJournal.open(file);
        journal.bind("https://tr.example/", 7, "run-1");
        journal.planCreated(5);
        assertThatThrownBy(() -> PublishJournal.open(file).bind("https://other.example/", 7, "run-1"))
                .isInstanceOf(SyncConfigurationException.class).hasMessageContaining("https://other.example/")
                .hasMessageContaining("delete the journal");
        assertThatThrownBy(() -> PublishJournal.open(file).bind("https://tr.example/", 8, "run-1"))
                .hasMessageContaining("P8");
    }

    @Test
    void aJournalOfOtherLoadmillResultsStartsAfresh() {
        Path file = dir.resolve("r.journal.json");
        PublishJournal first = PublishJournal.open(file);
        assertThat(first.bind("https://tr.example/", 7, "run-1")).isFalse();
        first.planCreated(5);
        first.posted(9, List.of("fr-1"));
        assertThat(PublishJournal.open(file).bind("https://tr.example/", 7, "run-1")).isTrue();
        PublishJournal next = PublishJournal.open(file);
        assertThat(next.bind("https://other.example/", 8, "run-2")).as("a new build's results").isFalse();
        assertThat(next.planId()).isEmpty();
        assertThat(next.isPosted(9, "fr-1")).isFalse();
    }

    @Test
    void aDamagedJournalIsAClearError() throws Exception {
        Path file = dir.resolve("r.journal.json");
        Files.writeString(file, "{\"format\": 1, \"runs\": [ {");
        assertThatThrownBy(() -> PublishJournal.open(file)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("cannot be read").hasMessageContaining("Delete it");
    }

    @Test
    void inMemoryJournalWritesNothing() {
        PublishJournal journal = PublishJournal.inMemory();
        journal.bind("https://tr.example/", 7, "r");
        journal.planCreated(3);
        assertThat(journal.planId()).hasValue(3);
        assertThat(dir.toFile().list()).isEmpty();
    }
}
