using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Cases;

public enum DataImportKind
{
    /// <summary>办件数据</summary>
    Cases = 1,
    /// <summary>好差评</summary>
    Ratings = 2,
}

public enum DataImportChannel
{
    /// <summary>An office user uploaded a file.</summary>
    File = 1,
    /// <summary>The platform pushed a batch through the integration API.</summary>
    Api = 2,
}

/// <summary>
/// 导入记录: one import of case data or ratings — who, when, what (file name or API client), how many rows, how many new and
/// updated records, and whether it was refused (then nothing was stored and <see cref="FirstError"/> says why).
/// </summary>
public sealed class DataImport
{
    public const int MaxErrorLength = 500;

    private DataImport() { Source = ByUserId = ByName = string.Empty; }

    public DataImport(DataImportKind kind, DataImportChannel channel, string source, UserRef by, DateTime atUtc)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        Channel = channel;
        Source = Guard.Required(source, "导入来源", 255);
        ByUserId = by.UserId;
        ByName = by.UserName;
        AtUtc = atUtc;
    }

    public Guid Id { get; private set; }
    public DataImportKind Kind { get; private set; }
    public DataImportChannel Channel { get; private set; }
    /// <summary>The uploaded file's name (display text only) or the API client's name.</summary>
    public string Source { get; private set; }
    public string ByUserId { get; private set; }
    public string ByName { get; private set; }
    public DateTime AtUtc { get; private set; }
    public int RowCount { get; private set; }
    public int Inserted { get; private set; }
    public int Updated { get; private set; }
    public int ErrorCount { get; private set; }
    public bool Succeeded { get; private set; }
    public string? FirstError { get; private set; }
    public long DurationMs { get; private set; }

    public void Complete(int rows, int inserted, int updated, long durationMs)
    {
        if (inserted < 0 || updated < 0 || inserted + updated > rows)
            throw new DomainException($"导入统计不一致：共{rows}行，新增{inserted}、更新{updated}。");
        (RowCount, Inserted, Updated, ErrorCount, Succeeded, FirstError, DurationMs) = (rows, inserted, updated, 0, true, null, durationMs);
    }

    public void Refuse(int rows, int errors, string firstError, long durationMs)
    {
        if (errors <= 0)
            throw new DomainException("被拒绝的导入至少要有一个错误。");
        var text = firstError.Trim();
        (RowCount, Inserted, Updated, ErrorCount, Succeeded, DurationMs) = (rows, 0, 0, errors, false, durationMs);
        FirstError = text.Length <= MaxErrorLength ? text : text[..(MaxErrorLength - 1)] + "…";
    }
}
