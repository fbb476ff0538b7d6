using EvalSystem.Domain.Calendar;
using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Measurements;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.Ratings;
using EvalSystem.Web.Data;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.CaseData;

/// <summary>One computed value: an indicator bound to a measure, for one target, with how many records it rests on.</summary>
public sealed record ComputedValue(Guid TargetId, string TargetName, Guid IndicatorNodeId, string IndicatorCode, string IndicatorName,
    CaseMeasureKind Measure, double? Value, int Basis);

/// <summary>One record behind a computed value (the value's evidence).</summary>
public sealed record BasisRow(string Number, string Item, string Channel, DateTime Start, DateTime? End, string Detail);

/// <summary>The records behind a computed value: the first ones and how many there are in all.</summary>
public sealed record BasisList(int Total, IReadOnlyList<BasisRow> Rows);

/// <summary>What a refresh did for a period.</summary>
public sealed record MeasureRefresh(Guid PeriodId, string PeriodName, int Written, int WithoutData, IReadOnlyList<ComputedValue> Values);

/// <summary>
/// 计算指标: fills the indicators whose source is case data (办件) or ratings (好差评) from the stored records, so nobody types
/// them in. A period takes the cases completed within it, the ratings given within it and the rectification items opened
/// within it (methodology §13). A region target counts the records of its own region and every region below it; a
/// department target counts its department's records. Published periods are never changed.
/// </summary>
public sealed class CaseMeasureService(IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access, TimeProvider clock)
{
    public async Task<MeasureRefresh> RefreshAsync(Guid periodId, CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ImportCaseData, ct);
        return await RefreshUncheckedAsync(periodId, ct);
    }

    /// <summary>For callers that already checked the user's right (an import, a score run).</summary>
    internal async Task<MeasureRefresh> RefreshUncheckedAsync(Guid periodId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await db.Periods.SingleOrDefaultAsync(p => p.Id == periodId, ct) ?? throw new DomainException("评价周期不存在或已被删除。");
        if (period.Status is PeriodStatus.Published or PeriodStatus.Archived)
            throw new DomainException($"「{period.Name}」已发布，计算指标不再更新。");
        var values = await ComputeAsync(db, period, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var nodeIds = values.Select(v => v.IndicatorNodeId).Distinct().ToList();
        var stored = await db.IndicatorValues.Where(v => v.PeriodId == periodId && nodeIds.Contains(v.IndicatorNodeId))
            .ToDictionaryAsync(v => (v.TargetId, v.IndicatorNodeId), ct);
        var written = 0;
        foreach (var value in values)
        {
            var origin = value.Measure.Source() == IndicatorSource.Ratings ? ValueOrigin.Ratings : ValueOrigin.CaseData;
            stored.TryGetValue((value.TargetId, value.IndicatorNodeId), out var existing);
            // No records behind it: leave whatever the period has (nothing, or a value entered another way) untouched.
            if (value.Value is not { } number)
                continue;
            if (existing is null)
                db.IndicatorValues.Add(new IndicatorValue(periodId, value.TargetId, value.IndicatorNodeId, number, origin, now));
            else if (existing.Value != number || existing.Origin != origin)
                existing.ReplaceComputed(number, origin, now);
            written++;
        }
        await db.SaveChangesAsync(ct);
        return new MeasureRefresh(period.Id, period.Name, written, values.Count(v => v.Value is null), values);
    }

    /// <summary>The computed values of a period without storing them (for the case-data page).</summary>
    public async Task<IReadOnlyList<ComputedValue>> PreviewAsync(Guid periodId, CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ViewCaseData, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await db.Periods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId, ct) ?? throw new DomainException("评价周期不存在或已被删除。");
        return await ComputeAsync(db, period, ct);
    }

    /// <summary>
    /// The records a computed value rests on — the cases (or ratings, or rectification items) of the target and period the
    /// measure counts — longest approvals first, at most <paramref name="take"/> of them.
    /// </summary>
    public async Task<BasisList> BasisAsync(Guid periodId, Guid targetId, CaseMeasureKind measure, int take = 200, CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ViewCaseData, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await db.Periods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId, ct) ?? throw new DomainException("评价周期不存在或已被删除。");
        var target = await db.Targets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == targetId, ct) ?? throw new DomainException("评价对象不存在。");
        var scope = Scope.Of(target, await db.Regions.AsNoTracking().ToListAsync(ct));
        var from = period.StartDate.ToDateTime(TimeOnly.MinValue);
        var until = period.EndDate.AddDays(1).ToDateTime(TimeOnly.MinValue);
        if (measure.Source() == IndicatorSource.Ratings)
        {
            if (measure is CaseMeasureKind.RectificationRate or CaseMeasureKind.OnTimeRectificationRate)
            {
                var items = scope.Filter(db.RectificationItems.AsNoTracking().Where(r => r.OpenedAt >= from && r.OpenedAt < until));
                var rows = await items.OrderBy(r => r.Deadline).Take(take).ToListAsync(ct);
                return new BasisList(await items.CountAsync(ct), rows.Select(r => new BasisRow(r.RatingId, r.Level.DisplayName(), "", r.OpenedAt, r.ClosedAt,
                    $"{RectificationItem.Label(r.Status)}，时限 {r.Deadline:yyyy-MM-dd}{(r.Status == RectificationStatus.Closed ? (r.ClosedOnTime ? "，按期" : "，逾期") : "")}")).ToList());
            }
            var ratings = scope.Filter(db.Ratings.AsNoTracking().Where(r => r.RatedAt >= from && r.RatedAt < until));
            if (measure == CaseMeasureKind.BadReviewCount)
                ratings = ratings.Where(r => r.Level <= RatingLevel.Dissatisfied);
            var list = await ratings.OrderBy(r => r.Level).ThenBy(r => r.RatedAt).Take(take).ToListAsync(ct);
            return new BasisList(await ratings.CountAsync(ct), list.Select(r => new BasisRow(r.RatingId, r.Level.DisplayName(), r.Channel.Label(), r.RatedAt, null,
                string.Join("、", r.Items) + (r.Comment is { } c ? $"：{c}" : ""))).ToList());
        }

        var calendar = await WorkingCalendarService.CalendarAsync(db, ct);
        var cases = scope.Filter(db.ServiceCases.AsNoTracking().Where(c => c.CompletedAt >= from && c.CompletedAt < until));
        if (measure == CaseMeasureKind.StartupDays)
            cases = cases.Where(c => c.IsBusinessStartup && c.Status == CaseStatus.Completed);
        else if (measure != CaseMeasureKind.OnlineShare)
            cases = cases.Where(c => c.Status == CaseStatus.Completed);
        // Longest first: the cases that pull the average up are the ones a reader wants to see.
        var page = (await cases.ToListAsync(ct))
            .Select(c => (Case: c, Days: measure == CaseMeasureKind.StartupDays ? c.StartupWorkingDays(calendar) : c.ApprovalWorkingDays(calendar)))
            .OrderByDescending(x => x.Days ?? -1).ThenBy(x => x.Case.CaseNumber)
            .ToList();
        return new BasisList(page.Count, page.Take(take).Select(x => new BasisRow(x.Case.CaseNumber, x.Case.ItemName, x.Case.Channel.Label(), x.Case.ReceivedAt,
            x.Case.CompletedAt, x.Days is { } d ? $"{d} 个工作日（承诺 {x.Case.PromisedWorkingDays}）{(d > x.Case.PromisedWorkingDays ? "，超时" : "")}" : ServiceCase.Label(x.Case.Status))).ToList());
    }

    private static async Task<List<ComputedValue>> ComputeAsync(EvalDbContext db, EvaluationPeriod period, CancellationToken ct)
    {
        var indicators = await db.IndicatorNodes.AsNoTracking()
            .Where(n => n.SystemId == period.IndicatorSystemId && n.Kind == NodeKind.Indicator && n.Measure != null)
            .OrderBy(n => n.Code).ToListAsync(ct);
        var result = new List<ComputedValue>();
        if (indicators.Count == 0)
            return result;
        var calendar = await WorkingCalendarService.CalendarAsync(db, ct);
        var targets = await db.Targets.AsNoTracking().Where(t => t.Kind == period.TargetKind).OrderBy(t => t.Name).ToListAsync(ct);
        var regions = await db.Regions.AsNoTracking().ToListAsync(ct);
        var from = period.StartDate.ToDateTime(TimeOnly.MinValue);
        var until = period.EndDate.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var needsCases = indicators.Any(i => i.Measure!.Value.Source() == IndicatorSource.CaseData);
        var needsRatings = indicators.Any(i => i.Measure!.Value.Source() == IndicatorSource.Ratings);

        foreach (var target in targets)
        {
            var scope = Scope.Of(target, regions);
            CaseMeasureResult? cases = null;
            RatingMeasureResult? ratings = null;
            if (needsCases)
            {
                var query = scope.Filter(db.ServiceCases.AsNoTracking().Where(c => c.CompletedAt >= from && c.CompletedAt < until));
                cases = CaseMeasures.Compute(query.AsEnumerable(), calendar);
            }
            if (needsRatings)
            {
                var rated = scope.Filter(db.Ratings.AsNoTracking().Where(r => r.RatedAt >= from && r.RatedAt < until)).ToList();
                var items = scope.Filter(db.RectificationItems.AsNoTracking().Where(r => r.OpenedAt >= from && r.OpenedAt < until)).ToList();
                ratings = RatingMeasures.Compute(rated, items);
            }
            foreach (var indicator in indicators)
            {
                var measure = indicator.Measure!.Value;
                var (value, basis) = measure.Source() == IndicatorSource.Ratings
                    ? (ratings!.Value(measure), ratings.RatingCount)
                    : (cases!.Value(measure), measure is CaseMeasureKind.OnlineShare ? cases.CaseCount : measure == CaseMeasureKind.StartupDays ? cases.StartupCaseCount : cases.CompletedCount);
                result.Add(new ComputedValue(target.Id, target.Name, indicator.Id, indicator.Code, indicator.NameZh, measure, value, basis));
            }
        }
        return result;
    }

    /// <summary>Which records belong to a target: its department's, or its region's and every region's below it.</summary>
    private sealed record Scope(Guid? DepartmentId, IReadOnlyList<string> RegionCodes)
    {
        public static Scope Of(EvaluationTarget target, IReadOnlyList<Region> regions)
        {
            if (target.DepartmentId is { } department)
                return new Scope(department, []);
            var codes = new List<string>();
            var pending = new Queue<Guid>([target.RegionId!.Value]);
            while (pending.TryDequeue(out var id))
            {
                var region = regions.Single(r => r.Id == id);
                codes.Add(region.Code);
                foreach (var child in regions.Where(r => r.ParentId == id))
                    pending.Enqueue(child.Id);
            }
            return new Scope(null, codes);
        }

        public IQueryable<ServiceCase> Filter(IQueryable<ServiceCase> q) =>
            DepartmentId is { } d ? q.Where(c => c.DepartmentId == d) : q.Where(c => RegionCodes.Contains(c.RegionCode));

        public IQueryable<Rating> Filter(IQueryable<Rating> q) =>
            DepartmentId is { } d ? q.Where(r => r.DepartmentId == d) : q.Where(r => RegionCodes.Contains(r.RegionCode));

        public IQueryable<RectificationItem> Filter(IQueryable<RectificationItem> q) =>
            DepartmentId is { } d ? q.Where(r => r.DepartmentId == d) : q.Where(r => RegionCodes.Contains(r.RegionCode));
    }
}
