package io.jenkins.plugins.loadmilltestrail.engine.testrail;

import io.jenkins.plugins.loadmilltestrail.engine.http.CallStats;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.ConfigGroup;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.CustomField;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Milestone;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewCase;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewPlan;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewRun;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.PlanEntry;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.PostedResult;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Project;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.ResultEntry;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Section;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Status;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Suite;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Test;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestCase;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestPlan;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestRun;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.User;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The TestRail API v2 calls the product needs. List calls follow every page and accept both the
 * paginated object and the legacy bare array. Errors are {@link TestRailException}s whose messages
 * say what to do; {@link InterruptedException} means the caller was interrupted (build aborted).
 *
 * <p>Writes (add_*, update_*, close_*) are never repeated blindly: a write is retried only when it
 * cannot have taken effect (e.g. 429, or a connection refused before sending), or after checking
 * that it did not.
 */
public interface TestRailApi {

    /** A cheap authenticated call: who the API answers as. */
    User currentUser() throws InterruptedException;

    List<Project> getProjects() throws InterruptedException;

    Project getProject(long projectId) throws InterruptedException;

    List<Suite> getSuites(long projectId) throws InterruptedException;

    Suite getSuite(long suiteId) throws InterruptedException;

    Suite addSuite(long projectId, String name, String description) throws InterruptedException;

    /** Deletes a suite with its sections, cases and active runs (delete_suite); cannot be undone. */
    void deleteSuite(long suiteId) throws InterruptedException;

    /** @param suiteId 0 to leave it out (single-suite projects) */
    List<Section> getSections(long projectId, long suiteId) throws InterruptedException;

    /** @param suiteId 0 to leave it out; @param parentId empty for a root section */
    Section addSection(long projectId, long suiteId, String name, OptionalLong parentId) throws InterruptedException;

    /** Deletes a section with its sub-sections, their cases and active tests (delete_section); cannot be undone. */
    void deleteSection(long sectionId) throws InterruptedException;

    /** @param suiteId 0 to leave it out */
    List<TestCase> getCases(long projectId, long suiteId) throws InterruptedException;

    List<TestCase> getCases(long projectId, long suiteId, long sectionId) throws InterruptedException;

    /**
     * The suite's cases TestRail changed or created after {@code updatedAfter} (UNIX seconds, TestRail's
     * {@code updated_after} filter; a new case's {@code updated_on} is its {@code created_on}). Deleted
     * cases and cases moved to another suite are not in it.
     *
     * @param suiteId 0 to leave it out
     */
    default List<TestCase> getCasesUpdatedAfter(long projectId, long suiteId, long updatedAfter)
            throws InterruptedException {
        return getCases(projectId, suiteId).stream().filter(c -> c.updatedOn() > updatedAfter).toList();
    }

    TestCase getCase(long caseId) throws InterruptedException;

    TestCase addCase(long sectionId, NewCase newCase) throws InterruptedException;

    /** Deletes a case with its tests and results in active runs (delete_case); cannot be undone. */
    void deleteCase(long caseId) throws InterruptedException;

    List<CustomField> getCaseFields() throws InterruptedException;

    List<CustomField> getResultFields() throws InterruptedException;

    List<Status> getStatuses() throws InterruptedException;

    /** One milestone, sub-milestones included (get_milestones lists only the top-level ones). */
    Milestone getMilestone(long milestoneId) throws InterruptedException;

    List<Milestone> getMilestones(long projectId) throws InterruptedException;

    TestRun addRun(long projectId, NewRun run) throws InterruptedException;

    /**
     * The open run an add_run named {@code name} made, if TestRail holds one: the newest by name and
     * suite ({@code suiteId} 0: any). How a write whose answer never arrived is checked.
     */
    Optional<TestRun> findRun(long projectId, long suiteId, String name) throws InterruptedException;

    /** Replaces the run's case selection with {@code caseIds} (TestRail does not append). */
    TestRun updateRunCases(long runId, List<Long> caseIds) throws InterruptedException;

    TestRun getRun(long runId) throws InterruptedException;

    TestRun closeRun(long runId) throws InterruptedException;

    TestPlan addPlan(long projectId, NewPlan plan) throws InterruptedException;

    /** The open plan an add_plan named {@code name} made, with its entries, if TestRail holds one (the newest). */
    Optional<TestPlan> findPlan(long projectId, String name) throws InterruptedException;

    PlanEntry addPlanEntry(long planId, NewRun entry) throws InterruptedException;

    /** The entry an add_plan_entry named {@code name} for {@code suiteId} made in the plan, if any (the newest). */
    Optional<PlanEntry> findPlanEntry(long planId, long suiteId, String name) throws InterruptedException;

    /** Replaces the case selection of a plan entry (update_plan_entry). */
    PlanEntry updatePlanEntryCases(long planId, String entryId, List<Long> caseIds) throws InterruptedException;

    TestPlan getPlan(long planId) throws InterruptedException;

    /** The project's configuration groups with their configurations (get_configs). */
    default List<ConfigGroup> getConfigs(long projectId) throws InterruptedException {
        throw new UnsupportedOperationException("get_configs");
    }

    /** Replaces the case selection of one run of a plan entry (update_run_in_plan_entry, TestRail 6.4+). */
    default TestRun updateRunInPlanEntryCases(long runId, List<Long> caseIds) throws InterruptedException {
        throw new UnsupportedOperationException("update_run_in_plan_entry");
    }

    /** Deletes a plan entry with its runs (delete_plan_entry). */
    default void deletePlanEntry(long planId, String entryId) throws InterruptedException {
        throw new UnsupportedOperationException("delete_plan_entry");
    }

    TestPlan closePlan(long planId) throws InterruptedException;

    List<Test> getTests(long runId) throws InterruptedException;

    /** One add_results_for_cases call; TestRail validates the whole batch or stores nothing. */
    List<PostedResult> addResultsForCases(long runId, List<ResultEntry> results) throws InterruptedException;

    /**
     * The results an add_results_for_cases of {@code results} stored in the run: all of them, or
     * empty when none is there (posting is safe). Part of them is an unknown outcome, thrown as
     * {@link TestRailWriteUnknownException}, since posting again could double them.
     */
    Optional<List<PostedResult>> findResults(long runId, List<ResultEntry> results) throws InterruptedException;

    /**
     * The user with this email (get_user_by_email). TestRail answers an unknown email with 400
     * ("Field :email is not a valid email address"), thrown as {@link TestRailBadRequestException}.
     */
    User userByEmail(String email) throws InterruptedException;

    /**
     * Uploads a file to a result (add_attachment_to_result, multipart/form-data, form field
     * "attachment") and returns the attachment's id as text (TestRail 7.1+ ids are UUIDs). Never
     * sent twice: a failure after sending is thrown as {@link TestRailWriteUnknownException}.
     */
    String addAttachmentToResult(long resultId, String fileName, String contentType, byte[] content)
            throws InterruptedException;

    /** The server root with one trailing slash, for building web links. */
    String baseUrl();

    /** Calls made and time waited by this client. */
    CallStats stats();
}
