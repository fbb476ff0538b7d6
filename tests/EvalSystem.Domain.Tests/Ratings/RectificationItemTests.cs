using EvalSystem.Domain.Calendar;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Ratings;
using static EvalSystem.Domain.Tests.Ratings.RatingTests;

namespace EvalSystem.Domain.Tests.Ratings;

public class RectificationItemTests
{
    private static readonly WorkingDayCalendar Calendar = ChinaOfficialHolidays.Calendar();
    private static readonly UserRef Clerk = new("u-1", "张三");
    private static readonly UserRef Office = new("u-2", "评估办李四");

    // Rated Fri 2025-09-26 10:00; 5 working days: Sun 9/28, Mon 9/29, Tue 9/30, (国庆节、中秋节) Thu 10/9, Fri 10/10.
    private static RectificationItem OpenItem() =>
        RectificationItem.Open(Rating(RatingLevel.VeryDissatisfied), Calendar);

    private static DateTime At(int month, int day, int hour = 10) => new(2025, month, day, hour, 0, 0);

    private static RectificationItem CalledBack()
    {
        var item = OpenItem();
        item.CallBack(Clerk, At(9, 28), "评价人反映窗口排队时间长");
        return item;
    }

    private static RectificationItem Rectified()
    {
        var item = CalledBack();
        item.Rectify(Clerk, At(9, 30), "增设两个综合窗口");
        return item;
    }

    private static RectificationItem Closed(DateTime at)
    {
        var item = Rectified();
        item.Close(Office, at);
        return item;
    }

    [Fact]
    public void Open_DefaultDeadline_IsFiveWorkingDaysOverNationalDay()
    {
        var item = OpenItem();
        Assert.Equal(new DateOnly(2025, 10, 10), item.Deadline);
        Assert.Equal(5, item.DeadlineWorkingDays);
        Assert.Equal(RectificationStatus.Open, item.Status);
        Assert.Equal("PJ2025000001", item.RatingId);
    }

    [Fact]
    public void Open_RatedOnSaturday_CountsFromMonday()
    {
        // Sat 3/8 → received Mon 3/10; 5 working days: 3/11 … 3/17 (Mon).
        var item = RectificationItem.Open(Rating(RatingLevel.Dissatisfied, new DateTime(2025, 3, 8, 11, 0, 0)), Calendar);
        Assert.Equal(new DateOnly(2025, 3, 17), item.Deadline);
    }

    [Fact]
    public void Open_FifteenWorkingDays_AcrossSpringFestival()
    {
        // Fri 1/24: 1/26, 1/27, (春节) 2/5, 2/6, 2/7, 2/8 (6), 2/10 … 2/14 (11), 2/17 … 2/20 (15).
        var item = RectificationItem.Open(Rating(RatingLevel.Dissatisfied, new DateTime(2025, 1, 24, 10, 0, 0)), Calendar, 15);
        Assert.Equal(new DateOnly(2025, 2, 20), item.Deadline);
    }

    [Theory]
    [InlineData(RatingLevel.Basic)]
    [InlineData(RatingLevel.Satisfied)]
    [InlineData(RatingLevel.VerySatisfied)]
    public void Open_NotABadReview_IsRefused(RatingLevel level) =>
        Assert.Contains("只有差评", Assert.Throws<DomainException>(() => RectificationItem.Open(Rating(level), Calendar)).Message);

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public void Open_DeadlineOutOfRange_IsRefused(int days) =>
        Assert.Contains("整改时限必须在1–30个工作日之间",
            Assert.Throws<DomainException>(() => RectificationItem.Open(Rating(RatingLevel.Dissatisfied), Calendar, days)).Message);

    [Fact]
    public void FullPath_RecordsEveryStep()
    {
        var item = Closed(At(10, 9));
        Assert.Equal(RectificationStatus.Closed, item.Status);
        Assert.Equal(Clerk, item.CalledBackBy);
        Assert.Equal("评价人反映窗口排队时间长", item.CallBackResult);
        Assert.Equal(At(9, 30), item.RectifiedAt);
        Assert.Equal("增设两个综合窗口", item.RectificationDescription);
        Assert.Equal(Office, item.ClosedBy);
        Assert.True(item.ClosedOnTime);
    }

    [Fact]
    public void Rectify_WithoutCallBack_IsAllowed()
    {
        var item = OpenItem();
        item.Rectify(Clerk, At(9, 29), "调整取号规则");
        Assert.Equal(RectificationStatus.Rectified, item.Status);
        Assert.Null(item.CalledBackAt);
    }

    [Fact]
    public void ClosedOnTime_ClosedOnTheDeadlineDay_IsOnTime() => Assert.True(Closed(At(10, 10, 23)).ClosedOnTime);

    [Fact]
    public void ClosedOnTime_ClosedAfterTheDeadline_IsLate() => Assert.False(Closed(At(10, 11)).ClosedOnTime);

    [Fact]
    public void ClosedOnTime_NotClosed_IsFalse() => Assert.False(Rectified().ClosedOnTime);

    [Fact]
    public void IsOverdue_OpenPastTheDeadlineDay()
    {
        var item = OpenItem();
        Assert.False(item.IsOverdue(At(10, 10, 23)));
        Assert.True(item.IsOverdue(At(10, 11, 0)));
    }

    [Fact]
    public void IsOverdue_ClosedLate_WasOverdueUntilClosed()
    {
        var item = Closed(At(10, 13));
        Assert.True(item.IsOverdue(At(10, 11)));
        Assert.False(item.IsOverdue(At(10, 14)));
    }

    [Fact]
    public void IsOverdue_ClosedOnTime_NeverOverdue() => Assert.False(Closed(At(10, 9)).IsOverdue(At(12, 31)));

    [Fact]
    public void CallBack_Twice_IsRefused() =>
        Assert.Equal("只能对待整改的差评进行回访，当前为已回访。",
            Assert.Throws<DomainException>(() => CalledBack().CallBack(Clerk, At(9, 29), "再次回访")).Message);

    [Fact]
    public void CallBack_AfterRectification_IsRefused() =>
        Assert.Contains("当前为已整改", Assert.Throws<DomainException>(() => Rectified().CallBack(Clerk, At(10, 1), "回访")).Message);

    [Fact]
    public void CallBack_AfterClosing_IsRefused() =>
        Assert.Contains("当前为已办结", Assert.Throws<DomainException>(() => Closed(At(10, 9)).CallBack(Clerk, At(10, 9), "回访")).Message);

    [Fact]
    public void CallBack_WithoutResult_IsRefused()
    {
        var item = OpenItem();
        Assert.Contains("回访结果", Assert.Throws<DomainException>(() => item.CallBack(Clerk, At(9, 28), " ")).Message);
        Assert.Equal(RectificationStatus.Open, item.Status);
    }

    [Fact]
    public void CallBack_BeforeTheRating_IsRefused() =>
        Assert.Contains("不能早于评价时间", Assert.Throws<DomainException>(() => OpenItem().CallBack(Clerk, At(9, 25), "回访")).Message);

    [Fact]
    public void Rectify_Twice_IsRefused() =>
        Assert.Equal("只能对待整改或已回访的差评提交整改情况，当前为已整改。",
            Assert.Throws<DomainException>(() => Rectified().Rectify(Clerk, At(10, 1), "再次整改")).Message);

    [Fact]
    public void Rectify_AfterClosing_IsRefused() =>
        Assert.Contains("当前为已办结", Assert.Throws<DomainException>(() => Closed(At(10, 9)).Rectify(Clerk, At(10, 9), "整改")).Message);

    [Fact]
    public void Rectify_WithoutDescription_IsRefused() =>
        Assert.Contains("整改情况", Assert.Throws<DomainException>(() => CalledBack().Rectify(Clerk, At(9, 30), "")).Message);

    [Fact]
    public void Rectify_BeforeTheCallBack_IsRefused() =>
        Assert.Contains("不能早于回访时间", Assert.Throws<DomainException>(() => CalledBack().Rectify(Clerk, At(9, 27), "整改")).Message);

    [Fact]
    public void Rectify_BeforeTheRating_IsRefused() =>
        Assert.Contains("不能早于评价时间", Assert.Throws<DomainException>(() => OpenItem().Rectify(Clerk, At(9, 26, 9), "整改")).Message);

    [Fact]
    public void Close_WhileOpen_IsRefused() =>
        Assert.Equal("只能对已整改的差评办结，当前为待整改。",
            Assert.Throws<DomainException>(() => OpenItem().Close(Office, At(10, 1))).Message);

    [Fact]
    public void Close_AfterCallBackOnly_IsRefused() =>
        Assert.Contains("当前为已回访", Assert.Throws<DomainException>(() => CalledBack().Close(Office, At(10, 1))).Message);

    [Fact]
    public void Close_Twice_IsRefused() =>
        Assert.Contains("当前为已办结", Assert.Throws<DomainException>(() => Closed(At(10, 9)).Close(Office, At(10, 10))).Message);

    [Fact]
    public void Close_BeforeTheRectification_IsRefused() =>
        Assert.Contains("不能早于整改时间", Assert.Throws<DomainException>(() => Rectified().Close(Office, At(9, 29))).Message);
}
