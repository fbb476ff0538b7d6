using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Tests.Model;

public class BeijingTimeTests
{
    [Fact]
    public void AStoredInstant_IsShownInBeijingTime_AcrossMidnight()
    {
        var stored = new DateTime(2026, 12, 31, 16, 30, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2027, 1, 1, 0, 30, 0), BeijingTime.FromUtc(stored));
        Assert.Equal("2027-01-01 00:30", BeijingTime.Text(stored));
        Assert.Equal("01-01 00:30", BeijingTime.Text(stored, "MM-dd HH:mm"));
    }

    [Fact]
    public void AnUnspecifiedTime_IsReadAsUtc_AsTheDatabaseHandsItBack()
    {
        var fromDatabase = new DateTime(2026, 11, 26, 1, 0, 0, DateTimeKind.Unspecified);

        Assert.Equal(new DateTime(2026, 11, 26, 9, 0, 0), BeijingTime.FromUtc(fromDatabase));
    }

    [Fact]
    public void ALocalTime_IsConvertedToUtcFirst()
    {
        var local = new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Local);

        Assert.Equal(local.ToUniversalTime().AddHours(8), BeijingTime.FromUtc(local));
    }

    [Fact]
    public void AnEnteredBeijingTime_IsStoredAsTheUtcInstant_AndShowsAsEntered()
    {
        var entered = new DateTime(2027, 1, 15, 17, 0, 0); // a date picker's value: Beijing wall clock, kind unspecified

        var stored = BeijingTime.ToUtc(entered);

        Assert.Equal(new DateTime(2027, 1, 15, 9, 0, 0, DateTimeKind.Utc), stored);
        Assert.Equal(DateTimeKind.Utc, stored.Kind);
        Assert.Equal(entered, BeijingTime.FromUtc(stored));
    }

    [Fact]
    public void NoTime_StaysNoTime()
    {
        Assert.Null(BeijingTime.FromUtc((DateTime?)null));
        Assert.Null(BeijingTime.Text((DateTime?)null));
    }

    [Fact]
    public void Today_IsBeijingsDate_WhichIsAlreadyTomorrowFrom16UtcOn()
    {
        Assert.Equal(new DateOnly(2026, 11, 26), BeijingTime.Today(new At(new DateTimeOffset(2026, 11, 26, 15, 59, 0, TimeSpan.Zero))));
        Assert.Equal(new DateOnly(2026, 11, 27), BeijingTime.Today(new At(new DateTimeOffset(2026, 11, 26, 16, 0, 0, TimeSpan.Zero))));
    }

    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
