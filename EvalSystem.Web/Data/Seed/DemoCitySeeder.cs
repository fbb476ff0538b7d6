using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Measurements;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.Submissions;
using EvalSystem.Web.Features.CaseData;
using EvalSystem.Web.Features.Scoring;
using EvalSystem.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Web.Data.Seed;

/// <summary>
/// Seeds the demo city: regions, departments, the indicator system, four quarters of values
/// with a believable spread, trend and a few laggards, a collecting quarter, and the demo accounts.
/// Deterministic: the same random seed gives the same city every time.
/// </summary>
public sealed class DemoCitySeeder(IDbContextFactory<EvalDbContext> dbFactory, UserManager<ApplicationUser> users, TimeProvider clock,
    IOptions<CaseDataOptions> caseData, ILogger<DemoCitySeeder> logger)
{
    public const string DemoPassword = "Eval@2026";
    private const int RandomSeed = 20260101;

    /// <summary>Region codes of the districts that lag behind, and by how much (quality −1 … +1 elsewhere).</summary>
    private static readonly Dictionary<string, double> Laggards = new()
    {
        ["990123"] = -1.8, // 石桥县: far behind, an outlier on start-up and permits
        ["990122"] = -1.2, // 云岭县
        ["990182"] = -0.9, // 白河市
    };

    public async Task<bool> SeedAsync(CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Regions.AnyAsync(ct))
            {
                logger.LogInformation("数据库中已有数据，跳过示范数据初始化。 Demo data already present; skipped.");
                return false;
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var random = new Random(RandomSeed);
            var departments = SeedOrganization(db, out var targets, out var departmentTargets);
            var system = SeedIndicatorSystem(db, "示范市营商环境评价指标体系（区县）", TargetKind.Region, DemoCatalog.Groups, DemoCatalog.Indicators, departments, now);
            var scored = SeedPeriods(db, system, targets, departments, random, now);
            var departmentSystem = SeedIndicatorSystem(db, "示范市营商环境部门考核指标体系", TargetKind.Department,
                DemoCatalog.DepartmentGroups, DemoCatalog.DepartmentIndicators, departments, now);
            var departmentScored = SeedDepartmentPeriods(db, departmentSystem, departmentTargets, departments, random);
            await db.SaveChangesAsync(ct);
            await SeedUsersAsync(departments);
            await SeedScoresAsync(scored, publishNewest: false, ct);
            await SeedScoresAsync(departmentScored, publishNewest: true, ct);
            await new DemoCaseSeeder(dbFactory, clock, caseData.Value, logger).SeedAsync(ct);
        }
        logger.LogInformation("已初始化示范市演示数据。 Demo city seeded.");
        return true;
    }

    private static Dictionary<string, Department> SeedOrganization(EvalDbContext db, out List<(Region Region, EvaluationTarget Target)> targets,
        out List<(Department Department, EvaluationTarget Target)> departmentTargets)
    {
        departmentTargets = [];
        var city = new Region(DemoCatalog.CityCode, DemoCatalog.CityName, RegionLevel.City);
        db.Regions.Add(city);
        targets = [];
        foreach (var (code, name, level) in DemoCatalog.Districts)
        {
            var region = new Region(code, name, level, city);
            var target = EvaluationTarget.ForRegion(region);
            db.Regions.Add(region);
            db.Targets.Add(target);
            targets.Add((region, target));
        }
        var departments = new Dictionary<string, Department>();
        foreach (var (code, name, kind) in DemoCatalog.Departments)
        {
            var department = new Department(code, name, kind);
            departments[code] = department;
            db.Departments.Add(department);
            var target = EvaluationTarget.ForDepartment(department);
            db.Targets.Add(target);
            departmentTargets.Add((department, target));
        }
        return departments;
    }

    private static IndicatorSystem SeedIndicatorSystem(EvalDbContext db, string name, TargetKind kind,
        (string Code, string Name, string NameEn, decimal Weight)[] groups, DemoIndicator[] indicators, Dictionary<string, Department> departments, DateTime now)
    {
        var system = new IndicatorSystem(name, kind, now.AddMonths(-14));
        foreach (var (code, groupName, nameEn, weight) in groups)
        {
            var group = system.AddGroup(code, groupName, nameEn, weight);
            foreach (var i in indicators.Where(i => i.Group == code))
            {
                system.AddIndicator(group, i.Code, i.Name, i.NameEn, i.Weight, new IndicatorDefinition(
                    i.Unit, i.Direction, i.Source, departments[i.Department].Id,
                    SupportingDepartmentIds: i.Code.StartsWith("ZW", StringComparison.Ordinal) ? [departments["AMR"].Id] : null,
                    WarningValue: i.Warning, AdvancedValue: i.Advanced, RuleJson: i.RuleJson, Measure: i.Measure));
            }
        }
        system.Publish(now.AddMonths(-14));
        db.IndicatorSystems.Add(system);
        return system;
    }

    /// <summary>
    /// Scores every quarter and publishes them; the newest region quarter stays unpublished, for the office to check and publish.
    /// </summary>
    private async Task SeedScoresAsync(IReadOnlyList<EvaluationPeriod> quarters, bool publishNewest, CancellationToken ct)
    {
        var office = new UserRef("seed", "office");
        for (var i = 0; i < quarters.Count; i++)
        {
            // Each quarter is scored about three weeks after it closed, as an office would.
            var at = quarters[i].EndDate.ToDateTime(new TimeOnly(2, 30), DateTimeKind.Utc).AddDays(20);
            var scoring = new ScoreRunner(dbFactory, new FixedClock(at < clock.GetUtcNow().UtcDateTime ? at : clock.GetUtcNow().UtcDateTime));
            var run = await scoring.ComputeAsync(quarters[i].Id, office, null, ct);
            if (publishNewest || i < quarters.Count - 1)
                await scoring.PublishAsync(run.Id, office, ct);
        }
    }

    private sealed class FixedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
    }

    private static List<EvaluationPeriod> SeedPeriods(EvalDbContext db, IndicatorSystem system, List<(Region Region, EvaluationTarget Target)> targets,
        Dictionary<string, Department> departments, Random random, DateTime now)
    {
        var quality = targets.ToDictionary(t => t.Region.Code,
            t => Laggards.TryGetValue(t.Region.Code, out var q) ? q : random.NextDouble() * 2 - 1);
        var quarters = new[] { (2025, 4), (2026, 1), (2026, 2), (2026, 3) };
        var indicators = system.Indicators.ToDictionary(n => n.Code);
        var periods = new List<EvaluationPeriod>();
        for (var t = 0; t < quarters.Length; t++)
        {
            var (year, quarter) = quarters[t];
            var (period, closedAt) = ClosedQuarter(db, system, year, quarter);
            periods.Add(period);
            foreach (var (region, target) in targets)
            {
                foreach (var spec in DemoCatalog.Indicators)
                {
                    var value = Generate(spec, quality[region.Code], t, region.Code, random);
                    var at = closedAt.AddDays(2 + random.Next(10)).AddMinutes(random.Next(600));
                    AddValue(db, period, target, indicators[spec.Code], spec, value, departments[spec.Department], at, closedAt);
                }
            }
        }
        var current = QuarterPeriod(system, 2026, 4);
        var deadline = new DateTime(2027, 1, 15, 9, 0, 0, DateTimeKind.Utc);
        current.OpenCollection(deadline > now ? deadline : now.AddDays(30), now);
        // One department with its own deadline, so that 单独截止 shows in the demo.
        current.SetDepartmentDeadline(departments["NRP"].Id, current.SubmissionDeadlineUtc!.Value.AddDays(3), "不动产登记系统升级，延长3天", now);
        db.Periods.Add(current);
        return periods;
    }

    /// <summary>
    /// Two published quarters of the department assessment (部门考核), so departments see their own scores and rank change,
    /// and leaders see departments next to regions. Named apart from the region quarters they run alongside.
    /// </summary>
    private static List<EvaluationPeriod> SeedDepartmentPeriods(EvalDbContext db, IndicatorSystem system,
        List<(Department Department, EvaluationTarget Target)> targets, Dictionary<string, Department> departments, Random random)
    {
        var quality = targets.ToDictionary(t => t.Department.Code, _ => random.NextDouble() * 2 - 1);
        var indicators = system.Indicators.ToDictionary(n => n.Code);
        var periods = new List<EvaluationPeriod>();
        foreach (var (quarter, index) in new[] { (2, 0), (3, 1) })
        {
            var (period, closedAt) = ClosedQuarter(db, system, 2026, quarter, "·部门考核");
            periods.Add(period);
            foreach (var (department, target) in targets)
            {
                foreach (var spec in DemoCatalog.DepartmentIndicators)
                {
                    var value = Generate(spec, quality[department.Code], index, department.Code, random);
                    AddValue(db, period, target, indicators[spec.Code], spec, value, departments[spec.Department], closedAt.AddDays(2 + random.Next(10)), closedAt);
                }
            }
        }
        return periods;
    }

    /// <summary>A past quarter whose collection ran and closed the morning after its last day.</summary>
    private static (EvaluationPeriod Period, DateTime ClosedAt) ClosedQuarter(EvalDbContext db, IndicatorSystem system, int year, int quarter, string suffix = "")
    {
        var period = QuarterPeriod(system, year, quarter, suffix);
        var closedAt = period.EndDate.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc).AddDays(1);
        period.OpenCollection(closedAt.AddDays(15), closedAt);
        period.CloseCollection();
        db.Periods.Add(period);
        return (period, closedAt);
    }

    /// <summary>A value as it would have arrived: a submitted one approved by the office two days later, a computed one at closing.</summary>
    private static void AddValue(EvalDbContext db, EvaluationPeriod period, EvaluationTarget target, IndicatorNode node, DemoIndicator spec, double value,
        Department department, DateTime at, DateTime closedAt)
    {
        if (spec.Source != IndicatorSource.DepartmentSubmission)
        {
            db.IndicatorValues.Add(new IndicatorValue(period.Id, target.Id, node.Id, value, OriginOf(spec.Source), closedAt));
            return;
        }
        var submitter = new UserRef("seed", $"dept-{department.Code.ToLowerInvariant()}");
        var submission = new Submission(period.Id, node.Id, target.Id, department.Id, submitter, at);
        submission.Edit(value, null, submitter, at);
        submission.Submit(submitter, at.AddMinutes(5));
        submission.Approve(new UserRef("seed", "office"), at.AddDays(2));
        db.Submissions.Add(submission);
        db.IndicatorValues.Add(new IndicatorValue(period.Id, target.Id, node.Id, value, ValueOrigin.ApprovedSubmission, at.AddDays(2), submission.Id));
    }

    private static EvaluationPeriod QuarterPeriod(IndicatorSystem system, int year, int quarter, string suffix = "")
    {
        var start = new DateOnly(year, quarter * 3 - 2, 1);
        var name = $"{year}年第{"一二三四"[quarter - 1]}季度{suffix}";
        return new EvaluationPeriod(name, system, start, start.AddMonths(3).AddDays(-1));
    }

    /// <summary>
    /// A raw value: good regions (quality near +1) sit near the advanced value, laggards near or
    /// beyond the warning value; everybody improves a little every quarter; noise keeps it honest.
    /// </summary>
    private static double Generate(DemoIndicator spec, double quality, int quarterIndex, string regionCode, Random random)
    {
        var noise = random.NextDouble() * 2 - 1;
        double value;
        if (spec.Direction == IndicatorDirection.LowerIsBetter)
        {
            value = spec.Typical * Math.Exp(-0.3 * quality + 0.08 * noise) * (1 - 0.03 * quarterIndex);
            // The worst laggard is an outlier on the headline time indicators: the case that must
            // not flatten everybody else's scores.
            if (regionCode == "990123" && spec.Code is "KB-2" or "JZ-1")
                value *= 2.2;
        }
        else
        {
            var gap = (spec.Max - spec.Typical) * Math.Exp(-0.5 * quality + 0.15 * noise) * (1 - 0.05 * quarterIndex);
            value = spec.Max - gap;
        }
        return Math.Round(Math.Clamp(value, spec.Min, spec.Max), spec.Decimals);
    }

    private static ValueOrigin OriginOf(IndicatorSource source) => source switch
    {
        IndicatorSource.CaseData => ValueOrigin.CaseData,
        IndicatorSource.Ratings => ValueOrigin.Ratings,
        IndicatorSource.Supervision => ValueOrigin.Supervision,
        _ => ValueOrigin.Formula,
    };

    private async Task SeedUsersAsync(Dictionary<string, Department> departments)
    {
        await CreateUserAsync("office", "评估办 王主任", Roles.Office, null);
        await CreateUserAsync("leader", "分管副市长 李领导", Roles.Leader, null);
        await CreateUserAsync("auditor", "审计局 赵审计", Roles.Auditor, null);
        await CreateUserAsync("admin", "系统管理员", Roles.Admin, null);
        foreach (var department in departments.Values)
            await CreateUserAsync($"dept-{department.Code.ToLowerInvariant()}", $"{department.Name}填报员", Roles.Department, department.Id);
    }

    private async Task CreateUserAsync(string userName, string displayName, string role, Guid? departmentId)
    {
        var user = new ApplicationUser { UserName = userName, DisplayName = displayName, DepartmentId = departmentId };
        var result = await users.CreateAsync(user, DemoPassword);
        if (result.Succeeded)
            result = await users.AddToRoleAsync(user, role);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Creating demo user {userName} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
