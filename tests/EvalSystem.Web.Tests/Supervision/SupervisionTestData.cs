using EvalSystem.Domain.Common;
using EvalSystem.Domain.Supervision;
using EvalSystem.Web.Data;
using EvalSystem.Web.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Supervision;

/// <summary>Helpers shared by the supervision tests: the seeded departments, today in Beijing, tasks written straight to the database.</summary>
internal static class SupervisionTestData
{
    public static readonly UserRef Office = new("seed-office", "评估办");
    public static readonly UserRef Clerk = new("seed-clerk", "填报员");

    public static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    public static DateTimeOffset At(DateOnly date) => new(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));

    public static async Task<Guid> DepartmentAsync(AppFixture app, string code)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EvalDbContext>().Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
    }

    /// <summary>
    /// A task issued ten days before <paramref name="deadline"/> (so a deadline in the past is possible), optionally closed
    /// on <paramref name="closedOn"/>; stored directly, as if it had been handled over the past weeks.
    /// </summary>
    public static async Task<SupervisionTask> StoreAsync(AppFixture app, int sequence, Guid department, string? region, DateOnly deadline, DateOnly? closedOn = null)
    {
        var task = new SupervisionTask(new SupervisionNumber(2026, sequence),
            new SupervisionTaskDraft($"测试任务{sequence}", "测试问题。", SupervisionSource.Manual, department, deadline) { RegionCode = region },
            Office, At(deadline.AddDays(-10)));
        if (closedOn is { } closed)
        {
            var at = At(closed);
            task.Accept(Clerk, department, at);
            task.ReportProgress(Clerk, department, "已整改。", null, at);
            task.SubmitForVerification(Clerk, department, null, at);
            task.Close(Office, null, at);
        }
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        db.SupervisionTasks.Add(task);
        await db.SaveChangesAsync();
        return task;
    }
}
