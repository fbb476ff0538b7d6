using EvalSystem.Domain.Calendar;
using EvalSystem.Domain.Cases;
using EvalSystem.Reports.CaseFiles;
using static EvalSystem.Reports.Tests.CaseFiles.CaseFileSamples;

namespace EvalSystem.Reports.Tests.CaseFiles;

public class CaseFileGeneratorTests
{
    private const int Rows = 5_000;

    private static readonly Lazy<List<CaseFileRow>> Generated = new(() =>
    {
        var rows = ReadCases(Generate(Rows, seed: 42), "办件.csv");
        Assert.All(rows, r => Assert.True(r.IsValid, r.ToString()));
        return [.. rows.Select(r => r.Row!)];
    });

    private static byte[] Generate(int rows, int seed)
    {
        using var stream = new MemoryStream();
        CaseFileGenerator.WriteCsv(stream, rows, seed, Departments, Regions);
        return stream.ToArray();
    }

    [Fact]
    public void WriteCsv_SameSeed_WritesTheSameBytes()
        => Assert.Equal(Generate(500, seed: 1), Generate(500, seed: 1));

    [Fact]
    public void WriteCsv_OtherSeed_WritesOtherCases()
        => Assert.NotEqual(Generate(500, seed: 1), Generate(500, seed: 2));

    [Fact]
    public void WriteCsv_RoundTripsThroughTheReaderWithoutErrors()
    {
        Assert.Equal(Rows, Generated.Value.Count);
        Assert.Equal(Enumerable.Range(2, Rows), Generated.Value.Select(r => r.SourceRow));
        Assert.Equal(Rows, Generated.Value.Select(r => r.CaseNumber).Distinct().Count());
    }

    [Fact]
    public void WriteCsv_EveryRowConstructsADomainCase()
    {
        var calendar = ChinaOfficialHolidays.Calendar();
        foreach (var row in Generated.Value)
            _ = row.ToServiceCase(Guid.NewGuid()).ApprovalWorkingDays(calendar);
    }

    [Fact]
    public void WriteCsv_ReceivesOnWorkingDaysDuringOfficeHours()
    {
        var calendar = ChinaOfficialHolidays.Calendar();

        Assert.All(Generated.Value, r =>
        {
            Assert.True(calendar.IsWorkingDay(DateOnly.FromDateTime(r.ReceivedAt)), $"{r.ReceivedAt} is not a working day");
            Assert.InRange(TimeOnly.FromDateTime(r.ReceivedAt), new TimeOnly(8, 30), new TimeOnly(17, 30));
        });
    }

    [Fact]
    public void WriteCsv_CompletesWithinFifteenWorkingDays()
    {
        var calendar = ChinaOfficialHolidays.Calendar();

        var days = Generated.Value.Where(r => r.CompletedAt is not null)
            .Select(r => calendar.CountWorkingDays(DateOnly.FromDateTime(r.ReceivedAt), DateOnly.FromDateTime(r.CompletedAt!.Value)))
            .ToList();

        Assert.InRange(days.Min(), 0, 0);
        Assert.InRange(days.Max(), 10, 15);
    }

    [Fact]
    public void WriteCsv_HasTheDocumentedMix()
    {
        var rows = Generated.Value;
        double Share(Func<CaseFileRow, bool> predicate) => rows.Count(predicate) / (double)rows.Count;

        Assert.InRange(Share(r => r.Channel == ServiceChannel.Online), 0.57, 0.63);
        Assert.InRange(Share(r => r.IsBusinessStartup), 0.04, 0.06);
        Assert.InRange(Share(r => r.Status == CaseStatus.InProgress), 0.05, 0.11);
        Assert.All(rows.Where(r => r.IsBusinessStartup), r => Assert.InRange(r.StartupStages.Count, 3, 4));
        Assert.All(rows.Where(r => !r.IsBusinessStartup), r => Assert.Empty(r.StartupStages));
        Assert.Equal(Departments.Order(), rows.Select(r => r.DepartmentCode).Distinct().Order());
        Assert.Equal(Regions.Order(), rows.Select(r => r.RegionCode).Distinct().Order());
    }

    [Fact]
    public void WriteCsv_WithoutDepartments_Throws()
        => Assert.Throws<ArgumentException>(() => CaseFileGenerator.WriteCsv(new MemoryStream(), 1, 1, [], Regions));

    [Fact]
    public void RatingGenerator_RoundTripsThroughTheReaderIntoDomainRatings()
    {
        using var stream = new MemoryStream();
        RatingFileGenerator.WriteCsv(stream, 2_000, seed: 5, Departments, Regions);

        var rows = ReadRatings(stream.ToArray(), "好差评.csv");

        Assert.All(rows, r => Assert.True(r.IsValid, r.ToString()));
        Assert.Equal(2_000, rows.Count);
        Assert.Contains(rows, r => r.Row!.Comment?.Contains('"', StringComparison.Ordinal) == true);
        Assert.All(rows, r => r.Row!.ToRating(Guid.NewGuid()));
    }
}
