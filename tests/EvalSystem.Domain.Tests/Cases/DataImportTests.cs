using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Measurements;

namespace EvalSystem.Domain.Tests.Cases;

public class DataImportTests
{
    private static readonly UserRef Office = new("u1", "office");
    private static readonly DateTime Now = new(2026, 11, 26, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Complete_RecordsTheCounts()
    {
        var import = new DataImport(DataImportKind.Cases, DataImportChannel.File, "2026Q4办件.csv", Office, Now);
        import.Complete(rows: 10, inserted: 7, updated: 3, durationMs: 12);
        Assert.Equal((10, 7, 3, 0, true, (string?)null), (import.RowCount, import.Inserted, import.Updated, import.ErrorCount, import.Succeeded, import.FirstError));
    }

    [Fact]
    public void Complete_WithMoreChangesThanRows_IsRefused() =>
        Assert.Throws<DomainException>(() => new DataImport(DataImportKind.Cases, DataImportChannel.File, "a.csv", Office, Now).Complete(2, 2, 1, 0));

    [Fact]
    public void Refuse_KeepsTheFirstError_ShortenedToTheColumn()
    {
        var import = new DataImport(DataImportKind.Ratings, DataImportChannel.Api, "一网通办平台", Office, Now);
        import.Refuse(rows: 5, errors: 2, firstError: new string('错', 800), durationMs: 3);
        Assert.False(import.Succeeded);
        Assert.Equal(0, import.Inserted);
        Assert.Equal(DataImport.MaxErrorLength, import.FirstError!.Length);
        Assert.Throws<DomainException>(() => import.Refuse(5, 0, "x", 0));
    }

    [Fact]
    public void ComputedValue_IsReplacedInPlace_ButNeverAsASubmission()
    {
        var value = new IndicatorValue(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 4.5, ValueOrigin.CaseData, Now);
        value.ReplaceComputed(3.25, ValueOrigin.CaseData, Now.AddDays(1));
        Assert.Equal((3.25, ValueOrigin.CaseData, (Guid?)null), (value.Value, value.Origin, value.SubmissionId));
        Assert.Throws<DomainException>(() => value.ReplaceComputed(1, ValueOrigin.ApprovedSubmission, Now));
        Assert.Throws<DomainException>(() => value.ReplaceComputed(double.NaN, ValueOrigin.CaseData, Now));
    }
}
