using EvalSystem.Domain.Auditing;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Measurements;
using EvalSystem.Domain.Submissions;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Periods;
using EvalSystem.Web.Features.Scoring;
using EvalSystem.Web.Features.Submissions;
using EvalSystem.Web.Security;
using EvalSystem.Web.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Submissions;

public sealed class SubmissionServiceTests(AppFixture app) : IClassFixture<AppFixture>
{
    internal sealed record Ids(Guid Period, Guid ClosedPeriod, Guid KB1, Guid NS1, Guid Target, Guid Amr, Guid Tax);

    private Task<Ids> IdsAsync(string targetName = "中心区") => IdsAsync(app, targetName);

    internal static async Task<Ids> IdsAsync(AppFixture app, string targetName)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        var q4 = await db.Periods.SingleAsync(p => p.Name == "2026年第四季度");
        var q3 = await db.Periods.SingleAsync(p => p.Name == "2026年第三季度");
        var nodes = await db.IndicatorNodes.Where(n => n.SystemId == q4.IndicatorSystemId).ToDictionaryAsync(n => n.Code, n => n.Id);
        var target = await db.Targets.SingleAsync(t => t.Name == targetName);
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id);
        return new(q4.Id, q3.Id, nodes["KB-1"], nodes["NS-1"], target.Id, departments["AMR"], departments["TAX"]);
    }

    [Fact]
    public async Task ReviewQueue_FiltersByPeriodDepartmentAndStatus_AndShowsThePeersMedian()
    {
        var ids = await IdsAsync();
        await using var office = app.ScopeAs("office", Roles.Office);
        var queries = office.ServiceProvider.GetRequiredService<SubmissionQueries>();

        var approvedTax = await queries.QueueAsync(new ReviewFilter(ids.ClosedPeriod, ids.Tax, Status: SubmissionStatus.Approved));
        var ns1 = await queries.QueueAsync(new ReviewFilter(ids.ClosedPeriod, IndicatorCode: "NS-1", Status: SubmissionStatus.Approved));

        Assert.Equal(24, approvedTax.Count); // NS-1 and NS-2 for 12 districts
        Assert.All(approvedTax, r => Assert.Equal(("税务局", "2026年第三季度"), (r.Department, r.PeriodName)));
        Assert.Equal(12, ns1.Count);
        var values = ns1.Select(r => r.Value).ToList();
        var first = ns1[0];
        var others = values.Skip(1).Order().ToList();
        Assert.Equal(11, others.Count);
        Assert.Equal(others[5], first.PeerMedian!.Value, precision: 9); // the middle of the 11 other districts
        Assert.DoesNotContain(await queries.QueueAsync(), r => r.Status != SubmissionStatus.Submitted);
        var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
        var lastQuarter = await (from v in db.IndicatorValues
                                 join p in db.Periods on v.PeriodId equals p.Id
                                 join n in db.IndicatorNodes on v.IndicatorNodeId equals n.Id
                                 join t in db.Targets on v.TargetId equals t.Id
                                 where p.Name == "2026年第二季度" && n.Code == "NS-1" && t.Name == first.TargetName
                                 select v.Value).SingleAsync();
        Assert.Equal(lastQuarter, first.PreviousValue);
    }

    [Fact]
    public async Task Department_CannotSubmitForAnotherDepartmentsIndicator_AndTheAttemptIsAudited()
    {
        var ids = await IdsAsync();
        await using var dept = app.ScopeAs("dept-amr", Roles.Department, ids.Amr);
        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            dept.ServiceProvider.GetRequiredService<SubmissionService>().SaveDraftAsync(ids.Period, ids.NS1, ids.Target, 100, null));

        Assert.Contains("不由贵部门填报", ex.Message);
        var db = dept.ServiceProvider.GetRequiredService<EvalDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AccessDenied && a.EntityKey == ids.NS1.ToString() && a.UserName == "dept-amr"));
        Assert.False(await db.Submissions.AnyAsync(s => s.PeriodId == ids.Period && s.IndicatorNodeId == ids.NS1));
    }

    [Fact]
    public async Task Department_CannotActOnAnotherDepartmentsSubmissionById()
    {
        var ids = await IdsAsync("西城区");
        Guid amrSubmission;
        await using (var amr = app.ScopeAs("dept-amr", Roles.Department, ids.Amr))
            amrSubmission = await amr.ServiceProvider.GetRequiredService<SubmissionService>().SaveDraftAsync(ids.Period, ids.KB1, ids.Target, 4, null);

        await using var tax = app.ScopeAs("dept-tax", Roles.Department, ids.Tax);
        await Assert.ThrowsAsync<AccessDeniedException>(() => tax.ServiceProvider.GetRequiredService<SubmissionService>().SubmitAsync(amrSubmission));
        await Assert.ThrowsAsync<AccessDeniedException>(() => tax.ServiceProvider.GetRequiredService<SubmissionQueries>().HistoryAsync(amrSubmission));

        var db = tax.ServiceProvider.GetRequiredService<EvalDbContext>();
        Assert.Equal(SubmissionStatus.Draft, (await db.Submissions.SingleAsync(s => s.Id == amrSubmission)).Status);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AccessDenied && a.EntityKey == amrSubmission.ToString() && a.UserName == "dept-tax"));
    }

    [Theory]
    [InlineData(-1, "负数")]
    [InlineData(double.NaN, "有效数字")]
    public async Task OutOfRangeValue_IsRefusedAndNothingIsStored(double value, string reason)
    {
        var ids = await IdsAsync("南湖区");
        await using var dept = app.ScopeAs("dept-amr", Roles.Department, ids.Amr);
        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            dept.ServiceProvider.GetRequiredService<SubmissionService>().SaveDraftAsync(ids.Period, ids.KB1, ids.Target, value, null));
        Assert.Contains(reason, ex.Message);
        Assert.False(await dept.ServiceProvider.GetRequiredService<EvalDbContext>().Submissions.AnyAsync(s => s.PeriodId == ids.Period && s.TargetId == ids.Target));
    }

    [Fact]
    public async Task TwoColleaguesEditingTheSameDraft_TheSecondIsToldAndLosesNothing()
    {
        var ids = await IdsAsync("临江市");
        await using var first = app.ScopeAs("amr-zhang", Roles.Department, ids.Amr);
        await using var second = app.ScopeAs("amr-li", Roles.Department, ids.Amr);
        // Both opened the empty entry; the first saves.
        var id = await first.ServiceProvider.GetRequiredService<SubmissionService>().SaveDraftAsync(ids.Period, ids.KB1, ids.Target, 3, null);

        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            second.ServiceProvider.GetRequiredService<SubmissionService>().SaveDraftAsync(ids.Period, ids.KB1, ids.Target, 5, null));

        Assert.Contains("amr-zhang", ex.Message);
        var db = second.ServiceProvider.GetRequiredService<EvalDbContext>();
        var stored = await db.Submissions.SingleAsync(s => s.Id == id);
        Assert.Equal(3, stored.Value);
        // Reopened with the current state, the second colleague can save.
        await second.ServiceProvider.GetRequiredService<SubmissionService>().SaveDraftAsync(ids.Period, ids.KB1, ids.Target, 5, null, seenUpdatedAtUtc: stored.UpdatedAtUtc);
        Assert.Equal(5, (await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == id)).Value);
    }

    [Fact]
    public async Task PeriodThatNoLongerCollects_RefusesSubmissions()
    {
        var ids = await IdsAsync();
        await using var dept = app.ScopeAs("dept-amr", Roles.Department, ids.Amr);
        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            dept.ServiceProvider.GetRequiredService<SubmissionService>().SaveDraftAsync(ids.ClosedPeriod, ids.KB1, ids.Target, 3, null));
        Assert.Contains("不接受填报", ex.Message);
    }

    [Fact]
    public async Task OnlyTheOffice_Reviews()
    {
        var ids = await IdsAsync("北山区");
        Guid id;
        await using (var amr = app.ScopeAs("dept-amr", Roles.Department, ids.Amr))
        {
            var service = amr.ServiceProvider.GetRequiredService<SubmissionService>();
            id = await service.SaveDraftAsync(ids.Period, ids.KB1, ids.Target, 2, null);
            await service.SubmitAsync(id);
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.ApproveAsync(id));
        }
        await using var office = app.ScopeAs("office", Roles.Office);
        var review = office.ServiceProvider.GetRequiredService<SubmissionService>();
        await Assert.ThrowsAsync<DomainException>(() => review.ReturnAsync(id, " "));
        await review.ReturnAsync(id, "请补充盖章的佐证材料。");
        var returned = await office.ServiceProvider.GetRequiredService<EvalDbContext>().Submissions.SingleAsync(s => s.Id == id);
        Assert.Equal(SubmissionStatus.Returned, returned.Status);
    }
}

/// <summary>Its own app: the journey closes the collecting period, which the other tests need open.</summary>
public sealed class SubmissionJourneyTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Department_SubmitsItsValue_OfficeApproves_AndTheScoreRunUsesIt()
    {
        var ids = await SubmissionServiceTests.IdsAsync(app, "东城区");
        Guid submissionId;
        await using (var dept = app.ScopeAs("dept-amr", Roles.Department, ids.Amr))
        {
            var service = dept.ServiceProvider.GetRequiredService<SubmissionService>();
            submissionId = await service.SaveDraftAsync(ids.Period, ids.KB1, ids.Target, 3, "依据登记系统导出");
            await service.SubmitAsync(submissionId);
        }
        await using (var office = app.ScopeAs("office", Roles.Office))
        {
            await office.ServiceProvider.GetRequiredService<SubmissionService>().ApproveAsync(submissionId);
            await office.ServiceProvider.GetRequiredService<PeriodService>().CloseCollectionAsync(ids.Period);
            var run = await office.ServiceProvider.GetRequiredService<ScoreRunService>().ComputeAsync(ids.Period);

            var db = office.ServiceProvider.GetRequiredService<EvalDbContext>();
            var submission = await db.Submissions.Include(s => s.History).SingleAsync(s => s.Id == submissionId);
            Assert.Equal(SubmissionStatus.Approved, submission.Status);
            Assert.Equal([SubmissionAction.Created, SubmissionAction.Saved, SubmissionAction.Submitted, SubmissionAction.Approved],
                submission.History.OrderBy(e => e.AtUtc).ThenBy(e => e.Action).Select(e => e.Action));
            var value = await db.IndicatorValues.SingleAsync(v => v.PeriodId == ids.Period && v.TargetId == ids.Target && v.IndicatorNodeId == ids.KB1);
            Assert.Equal((3.0, ValueOrigin.ApprovedSubmission, submissionId), (value.Value, value.Origin, value.SubmissionId!.Value));
            var scored = await db.IndicatorScores.SingleAsync(s => s.RunId == run.Id && s.TargetId == ids.Target && s.IndicatorNodeId == ids.KB1);
            Assert.Equal(3.0, scored.RawValue);
        }
    }
}
