using EvalSystem.Domain.Common;
using EvalSystem.Domain.Ratings;
using EvalSystem.Web.Data;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.CaseData;

/// <summary>One rectification item as the 差评整改 list shows it.</summary>
public sealed record RectificationView(
    Guid Id, string RatingId, string? CaseNumber, string Department, Guid DepartmentId, string RegionCode, RatingLevel Level, DateTime OpenedAt,
    DateOnly Deadline, RectificationStatus Status, string? Comment, string? CallBackResult, string? RectificationDescription, DateTime? ClosedAt,
    bool Overdue, bool ClosedOnTime)
{
    public string StatusLabel => RectificationItem.Label(Status);
}

/// <summary>
/// 差评整改: the department responsible for a bad review calls the rater back (回访), states what it changed (整改) and
/// closes the item (办结); the evaluation office may act on its behalf. Leaders and auditors read every item, a department
/// only its own. Times are Beijing time, like the ratings they come from.
/// </summary>
public sealed class RectificationService(IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access, TimeProvider clock)
{
    private const string NotYours = "这条差评整改不属于贵部门。";

    public async Task<IReadOnlyList<RectificationView>> ListAsync(bool openOnly = false, CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ViewRectifications, ct);
        var seesAll = await access.AllowsAsync(user, Policies.ViewCaseData);
        Guid? department = seesAll ? null : AccessGuard.RequireDepartment(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = BeijingNow();
        var query = from i in db.RectificationItems.AsNoTracking()
                    join d in db.Departments.AsNoTracking() on i.DepartmentId equals d.Id
                    join r in db.Ratings.AsNoTracking() on i.RatingId equals r.RatingId
                    where (department == null || i.DepartmentId == department) && (!openOnly || i.Status != RectificationStatus.Closed)
                    orderby i.Deadline, i.OpenedAt
                    select new { Item = i, Department = d.Name, r.Comment };
        return (await query.Take(500).ToListAsync(ct))
            .Select(x => new RectificationView(x.Item.Id, x.Item.RatingId, x.Item.CaseNumber, x.Department, x.Item.DepartmentId, x.Item.RegionCode, x.Item.Level,
                x.Item.OpenedAt, x.Item.Deadline, x.Item.Status, x.Comment, x.Item.CallBackResult, x.Item.RectificationDescription, x.Item.ClosedAt,
                x.Item.IsOverdue(now), x.Item.ClosedOnTime))
            .ToList();
    }

    public Task CallBackAsync(Guid itemId, string result, CancellationToken ct = default) =>
        ActAsync(itemId, (item, by, now) => item.CallBack(by, now, result), ct);

    public Task RectifyAsync(Guid itemId, string description, CancellationToken ct = default) =>
        ActAsync(itemId, (item, by, now) => item.Rectify(by, now, description), ct);

    public Task CloseAsync(Guid itemId, CancellationToken ct = default) =>
        ActAsync(itemId, (item, by, now) => item.Close(by, now), ct);

    private async Task ActAsync(Guid itemId, Action<RectificationItem, UserRef, DateTime> act, CancellationToken ct)
    {
        var user = await access.RequireAsync(Policies.HandleRectifications, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.RectificationItems.SingleOrDefaultAsync(i => i.Id == itemId, ct) ?? throw new DomainException("整改事项不存在。");
        if (!await access.AllowsAsync(user, Policies.ImportCaseData))
            await access.RequireSameDepartmentAsync(user, item.DepartmentId, nameof(RectificationItem), itemId.ToString(), NotYours, ct);
        act(item, user.ToUserRef(), BeijingNow());
        await db.SaveChangesAsync(ct);
    }

    private DateTime BeijingNow() => BeijingTime.Of(clock.GetUtcNow());
}
