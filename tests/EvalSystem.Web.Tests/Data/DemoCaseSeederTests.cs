using EvalSystem.Domain.Calendar;
using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Measurements;
using EvalSystem.Domain.Ratings;
using EvalSystem.Tests.Shared;
using EvalSystem.Web.Data;
using EvalSystem.Web.Data.Seed;
using EvalSystem.Web.Features.CaseData;
using EvalSystem.Web.Tests.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Data;

/// <summary>The demo city seeded on 20 November 2026 at noon, Beijing time: its quarter so far runs to 19 November.</summary>
public sealed class SeededOnTwentiethNovember : IAsyncLifetime
{
    public static readonly DateTimeOffset At = new(2026, 11, 20, 12, 0, 0, TimeSpan.FromHours(8));

    public AppFixture App { get; } = new(services => services.AddSingleton<TimeProvider>(new FixedClock(At)));

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();

    internal sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at.ToUniversalTime();
    }
}

/// <summary>The case records, ratings and rectification items of the demo city's collecting quarter (2026年第四季度).</summary>
public sealed class DemoCaseSeederTests(SeededOnTwentiethNovember seeded) : IClassFixture<SeededOnTwentiethNovember>
{
    private static readonly DateTime QuarterStart = new(2026, 10, 1);
    private static readonly DateTime EndOfYesterday = new(2026, 11, 20);

    private AppFixture App => seeded.App;

    private static async Task<T> ReadAsync<T>(WebApplicationFactory<Program> factory, Func<EvalDbContext, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<EvalDbContext>());
    }

    private static Task<List<string>> SnapshotAsync(EvalAppFactory factory) => ReadAsync<List<string>>(factory, async db =>
    {
        var cases = await db.ServiceCases.AsNoTracking().OrderBy(c => c.CaseNumber)
            .Select(c => $"{c.CaseNumber} {c.ItemCode} {c.RegionCode} {c.Channel} {c.ReceivedAt:O} {c.CompletedAt:O} {c.Status}").ToListAsync();
        var ratings = await db.Ratings.AsNoTracking().OrderBy(r => r.RatingId)
            .Select(r => $"{r.RatingId} {r.CaseNumber} {r.RatedAt:O} {r.Level} {r.Comment}").ToListAsync();
        var items = await db.RectificationItems.AsNoTracking().OrderBy(i => i.RatingId)
            .Select(i => $"{i.RatingId} {i.Deadline} {i.Status} {i.ClosedAt:O}").ToListAsync();
        return [.. cases, .. ratings, .. items];
    });

    [Fact]
    public async Task SeedingTwiceOnTheSameDay_GivesTheSameCasesRatingsAndRectifications()
    {
        using var second = new EvalAppFactory(services => services.AddSingleton<TimeProvider>(new SeededOnTwentiethNovember.FixedClock(SeededOnTwentiethNovember.At)));
        _ = second.Server;

        var first = await SnapshotAsync(App.Factory);

        Assert.True(first.Count > 2_000, $"only {first.Count} records");
        Assert.Equal(first, await SnapshotAsync(second));
    }

    [Fact]
    public async Task TheQuarterRunsFromItsFirstDayToYesterday_WithAFewCasesStillOpen_AndARatingForAboutEveryThirdCase()
    {
        var (cases, ratings) = await ReadAsync(App.Factory, async db =>
            (await db.ServiceCases.AsNoTracking().ToListAsync(), await db.Ratings.AsNoTracking().ToListAsync()));

        Assert.InRange(cases.Count, 1_500, 4_000);
        Assert.All(cases, c => Assert.InRange(c.ReceivedAt, QuarterStart, EndOfYesterday));
        Assert.All(cases, c => Assert.True(c.CompletedAt is null || c.CompletedAt < EndOfYesterday, c.CaseNumber));
        Assert.All(ratings, r => Assert.InRange(r.RatedAt, QuarterStart, EndOfYesterday));
        Assert.Equal(12, cases.Select(c => c.RegionCode).Distinct().Count());
        Assert.Contains(cases, c => c.Status == CaseStatus.InProgress);
        Assert.True(cases.Count(c => c.Status == CaseStatus.Completed) > 0.8 * cases.Count);
        Assert.InRange(ratings.Count, cases.Count / 5, cases.Count / 2);
        Assert.All(ratings, r => Assert.Contains(r.CaseNumber, cases.Select(c => c.CaseNumber)));
        Assert.InRange(ratings.Count(r => r.IsBadReview), 3, 30);
        Assert.True(ratings.Count(r => r.IsBadReview) < 0.05 * ratings.Count);
    }

    [Fact]
    public async Task EverySeededCaseAndRating_PassesTheImportsOwnChecks()
    {
        var (cases, ratings, departments) = await ReadAsync(App.Factory, async db => (
            await db.ServiceCases.AsNoTracking().ToListAsync(),
            await db.Ratings.AsNoTracking().ToListAsync(),
            await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Code)));
        static string? Time(DateTime? at) => at?.ToString("yyyy-MM-ddTHH:mm:ss");
        var caseItems = cases.Select(c => new CaseDto(c.CaseNumber, c.ItemCode, c.ItemName, departments[c.DepartmentId], c.RegionCode,
            c.Channel.ToString(), Time(c.ReceivedAt), Time(c.CompletedAt), c.PromisedWorkingDays, c.Status.ToString(), c.IsBusinessStartup,
            c.StartupStages.Select(s => new StartupStageDto(s.Name, Time(s.StartedAt), Time(s.CompletedAt))).ToList())).ToList();
        var ratingItems = ratings.Select(r => new RatingDto(r.RatingId, r.CaseNumber, departments[r.DepartmentId], r.RegionCode, r.Channel.ToString(),
            Time(r.RatedAt), (int)r.Level, r.Items, r.Comment)).ToList();

        await using var office = await App.ScopeAsAccountAsync("office");
        var imports = office.ServiceProvider.GetRequiredService<CaseImportService>();
        var by = new UserRef("test", "office");
        var caseCheck = await imports.ImportCasesAsync(CaseBatch.Cases(caseItems), "check", by, dryRun: true, CancellationToken.None);
        var ratingCheck = await imports.ImportRatingsAsync(CaseBatch.Ratings(ratingItems), "check", by, dryRun: true, CancellationToken.None);

        Assert.True(caseCheck.Succeeded, string.Join("；", caseCheck.Errors.Take(5).Select(e => e.Message)));
        Assert.Equal((cases.Count, 0, cases.Count), (caseCheck.Rows, caseCheck.Inserted, caseCheck.Updated));
        Assert.True(ratingCheck.Succeeded, string.Join("；", ratingCheck.Errors.Take(5).Select(e => e.Message)));
        Assert.Equal((ratings.Count, 0, ratings.Count), (ratingCheck.Rows, ratingCheck.Inserted, ratingCheck.Updated));
        Assert.DoesNotContain(ratingCheck.Notes, n => n.Contains("整改事项")); // every bad review has its item already
    }

    [Fact]
    public async Task EveryBadReview_HasOneRectificationItem_WithTheImportsDeadline_AndTheLaggardLetsItsRunOver()
    {
        var (ratings, items) = await ReadAsync(App.Factory, async db =>
            (await db.Ratings.AsNoTracking().ToListAsync(), await db.RectificationItems.AsNoTracking().ToListAsync()));
        var calendar = ChinaOfficialHolidays.Calendar();
        var bad = ratings.Where(r => r.IsBadReview).ToList();

        Assert.Equal(bad.Select(r => r.RatingId).Order(), items.Select(i => i.RatingId).Order());
        foreach (var rating in bad)
        {
            var item = items.Single(i => i.RatingId == rating.RatingId);
            Assert.Equal(RectificationItem.Open(rating, calendar).Deadline, item.Deadline);
            Assert.Equal((rating.CaseNumber, rating.DepartmentId, rating.Level), (item.CaseNumber, item.DepartmentId, item.Level));
        }
        Assert.Contains(items, i => i.Status == RectificationStatus.Closed);
        var asOf = SeededOnTwentiethNovember.At.ToOffset(TimeSpan.FromHours(8)).DateTime;
        var overdue = items.Where(i => i.IsOverdue(asOf)).ToList();
        Assert.NotEmpty(overdue);
        Assert.All(overdue, i => Assert.Equal("990123", i.RegionCode)); // 石桥县
    }

    [Fact]
    public async Task WithAConfiguredRectificationDeadline_TheSeededItemsFollowIt_AsAnImportWould()
    {
        const int workingDays = 10; // not the default 5
        using var root = new EvalAppFactory(services => services.AddSingleton<TimeProvider>(new SeededOnTwentiethNovember.FixedClock(SeededOnTwentiethNovember.At)));
        using var configured = root.WithWebHostBuilder(b => b.UseSetting("CaseData:RectificationDeadlineWorkingDays", workingDays.ToString()));

        var (ratings, items) = await ReadAsync(configured, async db =>
            (await db.Ratings.AsNoTracking().Where(r => r.Level <= RatingLevel.Dissatisfied).ToListAsync(), await db.RectificationItems.AsNoTracking().ToListAsync()));

        var calendar = ChinaOfficialHolidays.Calendar();
        Assert.NotEmpty(items);
        Assert.Equal(ratings.Select(r => r.RatingId).Order(), items.Select(i => i.RatingId).Order());
        Assert.All(items, item =>
        {
            var rating = ratings.Single(r => r.RatingId == item.RatingId);
            Assert.Equal((workingDays, calendar.Deadline(rating.RatedAt, workingDays)), (item.DeadlineWorkingDays, item.Deadline));
            Assert.NotEqual(RectificationItem.Open(rating, calendar).Deadline, item.Deadline);
        });
    }

    [Fact]
    public async Task TheOfficesRefresh_FillsStartupApprovalAndSatisfaction_ForEveryDistrict_WithTheLaggardSlowest()
    {
        var periodId = await ReadAsync(App.Factory, db => db.Periods.Where(p => p.Name == "2026年第四季度").Select(p => p.Id).SingleAsync());
        await using var office = await App.ScopeAsAccountAsync("office");

        var refresh = await office.ServiceProvider.GetRequiredService<CaseMeasureService>().RefreshAsync(periodId);

        var values = refresh.Values.Where(v => v.IndicatorCode is "KB-2" or "ZW-2" or "ZW-4").ToList();
        Assert.Equal(36, values.Count(v => v.Value is not null));
        Assert.Equal(36, refresh.Written);
        Assert.All(values.Where(v => v.IndicatorCode == "KB-2"), v => Assert.InRange(v.Value!.Value, 0.5, 15));
        Assert.All(values.Where(v => v.IndicatorCode == "ZW-2"), v => Assert.InRange(v.Value!.Value, 1, 12));
        Assert.All(values.Where(v => v.IndicatorCode == "ZW-4"), v => Assert.InRange(v.Value!.Value, 85, 100));
        Assert.Equal("石桥县", values.Where(v => v.IndicatorCode == "KB-2").MaxBy(v => v.Value)!.TargetName);
        var stored = await ReadAsync(App.Factory, db => db.IndicatorValues.AsNoTracking()
            .Where(v => v.PeriodId == periodId && (v.Origin == ValueOrigin.CaseData || v.Origin == ValueOrigin.Ratings)).CountAsync());
        Assert.Equal(36, stored);
    }

    [Fact]
    public void AfterTheQuarter_OnlyTheQuarterIsFilled_AndEveryCaseIsFinishedOrStillOpenOnItsLastDay()
    {
        var lastDay = DemoCaseSeeder.LastDay(new SeededOnTwentiethNovember.FixedClock(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(8))));

        var data = DemoCaseSeeder.Generate(Profiles(), Departments(), ChinaOfficialHolidays.Calendar(), lastDay, new CaseDataOptions());

        Assert.Equal(new DateOnly(2026, 12, 31), lastDay);
        Assert.All(data.Cases, c => Assert.InRange(c.ReceivedAt, QuarterStart, new DateTime(2027, 1, 1)));
        Assert.All(data.Cases, c => Assert.True(c.CompletedAt is null || c.CompletedAt < new DateTime(2027, 1, 1), c.CaseNumber));
        Assert.Equal(data.Ratings.Count(r => r.IsBadReview), data.RectificationItems.Count);
        Assert.InRange(data.Cases.Count, 2_000, 4_000);
    }

    [Fact]
    public void ADayLater_TheEarlierDaysAreUnchanged_OnlyMoreOfThemAreFinished()
    {
        var calendar = ChinaOfficialHolidays.Calendar();
        var today = DemoCaseSeeder.Generate(Profiles(), Departments(), calendar, new DateOnly(2026, 11, 19), new CaseDataOptions());
        var tomorrow = DemoCaseSeeder.Generate(Profiles(), Departments(), calendar, new DateOnly(2026, 11, 20), new CaseDataOptions()).Cases.ToDictionary(c => c.CaseNumber);

        Assert.All(today.Cases, c =>
        {
            var later = tomorrow[c.CaseNumber];
            Assert.Equal((c.ItemCode, c.ReceivedAt, c.Channel), (later.ItemCode, later.ReceivedAt, later.Channel));
            if (c.Status != CaseStatus.InProgress)
                Assert.Equal((c.Status, c.CompletedAt), (later.Status, later.CompletedAt));
        });
    }

    private static IReadOnlyList<DemoCaseSeeder.RegionProfile> Profiles() =>
    [
        new("990102", 2.4, 4.4, 99.1), new("990103", 2.0, 4.0, 99.4), new("990104", 3.0, 5.4, 99.0), new("990105", 1.7, 3.1, 99.5),
        new("990106", 1.9, 3.5, 99.5), new("990107", 2.5, 4.3, 99.2), new("990108", 2.0, 3.4, 99.5), new("990121", 2.9, 4.8, 99.0),
        new("990122", 3.1, 6.1, 98.8), new("990123", 8.1, 6.5, 98.4), new("990181", 1.9, 3.2, 99.5), new("990182", 2.9, 5.5, 98.8),
    ];

    private static Dictionary<string, Guid> Departments() => new() { ["AMR"] = Guid.CreateVersion7(), ["GSA"] = Guid.CreateVersion7() };
}
