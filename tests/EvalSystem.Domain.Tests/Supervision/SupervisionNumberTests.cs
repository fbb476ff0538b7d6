using EvalSystem.Domain.Common;
using EvalSystem.Domain.Supervision;

namespace EvalSystem.Domain.Tests.Supervision;

public class SupervisionNumberTests
{
    [Theory]
    [InlineData(2026, 1, "DC-2026-0001")]
    [InlineData(2026, 42, "DC-2026-0042")]
    [InlineData(2027, 12345, "DC-2027-12345")]
    public void ToString_PadsTheSequenceToFourDigits(int year, int sequence, string expected)
    {
        var number = new SupervisionNumber(year, sequence);
        Assert.Equal(expected, number.ToString());
        Assert.Equal(number, SupervisionNumber.Parse(expected));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("DC-2026-1")]
    [InlineData("DC-2026-00001")]
    [InlineData("dc-2026-0001")]
    [InlineData("DC-26-0001")]
    [InlineData("DC-1999-0001")]
    [InlineData("DC-2026-0000")]
    [InlineData(" DC-2026-0001")]
    public void TryParse_AnythingButTheCanonicalSpelling_IsRejected(string? text)
    {
        Assert.False(SupervisionNumber.TryParse(text, out _));
        var ex = Assert.Throws<DomainException>(() => SupervisionNumber.Parse(text));
        Assert.Contains("DC-2026-0001", ex.Message);
    }

    [Theory]
    [InlineData(1999, 1)]
    [InlineData(2026, 0)]
    [InlineData(2026, 1_000_000)]
    public void Create_OutOfRange_IsRefused(int year, int sequence) =>
        Assert.Throws<DomainException>(() => new SupervisionNumber(year, sequence));

    [Fact]
    public void Next_FirstOfTheYear_IsOne() =>
        Assert.Equal("DC-2026-0001", SupervisionNumber.Next(2026, null).ToString());

    [Fact]
    public void Next_FollowsTheLatestOfTheYear() =>
        Assert.Equal("DC-2026-0042", SupervisionNumber.Next(2026, new SupervisionNumber(2026, 41)).ToString());

    [Fact]
    public void Next_FromAnotherYearsNumber_IsRefused() =>
        Assert.Throws<DomainException>(() => SupervisionNumber.Next(2027, new SupervisionNumber(2026, 41)));
}
