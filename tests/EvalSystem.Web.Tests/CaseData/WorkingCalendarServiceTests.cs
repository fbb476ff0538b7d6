using EvalSystem.Domain.Calendar;
using EvalSystem.Domain.Common;
using EvalSystem.Web.Features.CaseData;
using EvalSystem.Web.Security;
using EvalSystem.Web.Tests.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.CaseData;

public sealed class WorkingCalendarServiceTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task TheOfficialSchedules_AreThereFromTheStart_AndCountTheSpringFestival()
    {
        await using var admin = await app.ScopeAsAccountAsync("admin");
        var service = admin.ServiceProvider.GetRequiredService<WorkingCalendarService>();

        var years = await service.YearsAsync();
        var calendar = await service.CalendarAsync();

        Assert.Equal([2024, 2025, 2026], years.Where(y => y.Official).Select(y => y.Year));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 2, 17))); // 春节
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 2, 28)));  // 调休上班 (Saturday)
    }

    [Fact]
    public async Task AnAdmin_EntersALaterYear_AsAWhole_AndAWrongDayRefusesItAll()
    {
        await using var admin = await app.ScopeAsAccountAsync("admin");
        var service = admin.ServiceProvider.GetRequiredService<WorkingCalendarService>();
        CalendarDay[] wrong =
        [
            new(new DateOnly(2027, 1, 1), CalendarDayKind.PublicHoliday, "元旦"),
            new(new DateOnly(2027, 1, 6), CalendarDayKind.AdjustedWorkday, "元旦"), // a Wednesday cannot be a 调休 weekend day
        ];

        var refused = await Assert.ThrowsAsync<DomainException>(() => service.SaveYearAsync(2027, wrong));
        Assert.Contains("2027年", refused.Message);
        Assert.DoesNotContain(await service.YearsAsync(), y => y.Year == 2027);

        await service.SaveYearAsync(2027, [wrong[0], new(new DateOnly(2027, 1, 2), CalendarDayKind.PublicHoliday, "元旦")]);
        var calendar = await service.CalendarAsync();
        Assert.Contains(2027, calendar.Years);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public async Task AShippedYear_CannotBeEdited_AndOnlyAdminsEditTheCalendar()
    {
        await using var admin = await app.ScopeAsAccountAsync("admin");
        var edit = await Assert.ThrowsAsync<DomainException>(() => admin.ServiceProvider.GetRequiredService<WorkingCalendarService>()
            .SaveYearAsync(2025, [new(new DateOnly(2025, 1, 1), CalendarDayKind.PublicHoliday, "元旦")]));
        Assert.Contains("国务院办公厅", edit.Message);

        await using var office = await app.ScopeAsAccountAsync("office");
        await Assert.ThrowsAsync<AccessDeniedException>(() => office.ServiceProvider.GetRequiredService<WorkingCalendarService>().YearsAsync());
    }
}
