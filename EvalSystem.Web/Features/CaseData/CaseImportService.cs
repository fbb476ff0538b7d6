using System.Diagnostics;
using EvalSystem.Domain.Calendar;
using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.Ratings;
using EvalSystem.Reports.CaseFiles;
using EvalSystem.Reports.IndicatorSystems;
using EvalSystem.Web.Data;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EvalSystem.Web.Features.CaseData;

public sealed class CaseDataOptions
{
    public const string Section = "CaseData";

    /// <summary>Working days a department has to rectify a bad review (差评整改时限).</summary>
    public int RectificationDeadlineWorkingDays { get; set; } = RectificationItem.DefaultDeadlineWorkingDays;

    /// <summary>Opens the rectification of a bad review with the configured time allowed: imports and the demo seeder alike.</summary>
    public RectificationItem OpenRectification(Rating rating, WorkingDayCalendar calendar) =>
        RectificationItem.Open(rating, calendar, RectificationDeadlineWorkingDays);

    /// <summary>
    /// Refuses an out-of-range setting at start-up, rather than on the first bad review an import or the demo seeder opens.
    /// </summary>
    /// <exception cref="StartupException">The time allowed is outside 1–30 working days.</exception>
    public static void Check(CaseDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.RectificationDeadlineWorkingDays is < 1 or > RectificationItem.MaxDeadlineWorkingDays)
            throw new StartupException(
                $"配置项 {Section}:RectificationDeadlineWorkingDays 必须在 1 到 {RectificationItem.MaxDeadlineWorkingDays} 个工作日之间（当前为 {options.RectificationDeadlineWorkingDays}）。 " +
                $"{Section}:RectificationDeadlineWorkingDays must be 1–{RectificationItem.MaxDeadlineWorkingDays} working days.");
    }
}

/// <summary>
/// The result of an import. <see cref="Errors"/> lists at most <see cref="CaseImportService.MaxListedErrors"/> problems;
/// <see cref="ErrorCount"/> counts all of them. When there is any error nothing was stored.
/// </summary>
public sealed record ImportOutcome(
    DataImportKind Kind, bool DryRun, int Rows, int Inserted, int Updated, int ErrorCount, IReadOnlyList<ImportError> Errors,
    IReadOnlyList<string> Notes)
{
    public bool Succeeded => ErrorCount == 0;
}

/// <summary>One line of the import history (导入记录).</summary>
public sealed record ImportHistoryItem(DataImportKind Kind, DataImportChannel Channel, string Source, string ByName, DateTime AtUtc,
    int Rows, int Inserted, int Updated, int ErrorCount, bool Succeeded, string? FirstError);

/// <summary>
/// 办件数据 and 好差评 imports: a file uploaded by the evaluation office or a batch pushed by the platform through the API.
/// Every row is validated (parse rules, known department and region codes, the domain's rules); the import is all-or-nothing
/// in one transaction and can be dry-run. Records are idempotent by 办件编号 / 评价编号: re-importing updates, never duplicates.
/// Bad reviews open a rectification item (整改) once. Successful imports refresh the computed indicators of the periods
/// they touch. Every import is recorded (who, what, when, counts), refused ones included.
/// </summary>
public sealed class CaseImportService(
    IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access, TimeProvider clock, CaseMeasureService measures, IOptions<CaseDataOptions> options)
{
    public const int MaxListedErrors = 200;
    private const string CasesSheet = "办件数据";
    private const string RatingsSheet = "好差评";

    public async Task<ImportOutcome> ImportCasesAsync(Stream file, string fileName, bool dryRun, CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ImportCaseData, ct);
        return await ImportAsync(DataImportKind.Cases, () => CaseFileReader.Read(file, fileName), DataImportChannel.File, fileName, user.ToUserRef(), dryRun, ct);
    }

    public async Task<ImportOutcome> ImportRatingsAsync(Stream file, string fileName, bool dryRun, CancellationToken ct = default)
    {
        var user = await access.RequireAsync(Policies.ImportCaseData, ct);
        return await ImportAsync(DataImportKind.Ratings, () => RatingFileReader.Read(file, fileName), DataImportChannel.File, fileName, user.ToUserRef(), dryRun, ct);
    }

    /// <summary>For the integration API: the caller's key and scope were checked by the endpoint's policy.</summary>
    internal Task<ImportOutcome> ImportCasesAsync(IEnumerable<ParsedRow<CaseFileRow>> rows, string client, UserRef by, bool dryRun, CancellationToken ct) =>
        ImportAsync(DataImportKind.Cases, () => rows, DataImportChannel.Api, client, by, dryRun, ct);

    internal Task<ImportOutcome> ImportRatingsAsync(IEnumerable<ParsedRow<RatingFileRow>> rows, string client, UserRef by, bool dryRun, CancellationToken ct) =>
        ImportAsync(DataImportKind.Ratings, () => rows, DataImportChannel.Api, client, by, dryRun, ct);

    public async Task<IReadOnlyList<ImportHistoryItem>> HistoryAsync(CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ViewCaseData, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DataImports.AsNoTracking().OrderByDescending(i => i.AtUtc).Take(100)
            .Select(i => new ImportHistoryItem(i.Kind, i.Channel, i.Source, i.ByName, i.AtUtc, i.RowCount, i.Inserted, i.Updated, i.ErrorCount, i.Succeeded, i.FirstError))
            .ToListAsync(ct);
    }

    private async Task<ImportOutcome> ImportAsync<TRow>(DataImportKind kind, Func<IEnumerable<ParsedRow<TRow>>> read, DataImportChannel channel,
        string source, UserRef by, bool dryRun, CancellationToken ct) where TRow : class
    {
        var watch = Stopwatch.StartNew();
        var sheet = kind == DataImportKind.Cases ? CasesSheet : RatingsSheet;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Id, StringComparer.OrdinalIgnoreCase, ct);
        var regions = (await db.Regions.AsNoTracking().Select(r => r.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var errors = new List<ImportError>();
        var errorCount = 0;
        void Fail(ImportError error)
        {
            errorCount++;
            if (errors.Count < MaxListedErrors)
                errors.Add(error);
        }

        int rows = 0, inserted = 0, updated = 0;
        DateTime? first = null, last = null;
        var notes = new List<string>();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            (rows, inserted, updated, errorCount, first, last) = (0, 0, 0, 0, null, null);
            errors.Clear();
            notes.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (kind == DataImportKind.Cases)
            {
                await using var writer = await CaseRecordWriter<ServiceCase>.OpenAsync(db, transaction, ct);
                foreach (var record in Validate(read, sheet, departments, regions, Fail, () => rows++, (row, department) => ((CaseFileRow)(object)row).ToServiceCase(department), ct))
                {
                    if (errorCount > 0)
                        continue; // keep validating every row, but nothing will be stored
                    await writer.WriteAsync(record, ct);
                    if (record.CompletedAt is { } done)
                        (first, last) = (first is null || done < first ? done : first, last is null || done > last ? done : last);
                }
                if (errorCount == 0)
                    (inserted, updated) = await writer.CompleteAsync(rows, ct);
            }
            else
            {
                await using var writer = await CaseRecordWriter<Rating>.OpenAsync(db, transaction, ct);
                foreach (var record in Validate(read, sheet, departments, regions, Fail, () => rows++, (row, department) => ((RatingFileRow)(object)row).ToRating(department), ct))
                {
                    if (errorCount > 0)
                        continue;
                    await writer.WriteAsync(record, ct);
                    (first, last) = (first is null || record.RatedAt < first ? record.RatedAt : first, last is null || record.RatedAt > last ? record.RatedAt : last);
                }
                if (errorCount == 0)
                {
                    (inserted, updated) = await writer.CompleteAsync(rows, ct);
                    try
                    {
                        var opened = await OpenRectificationItemsAsync(db, ct);
                        if (opened > 0)
                            notes.Add($"{opened}条差评已生成整改事项，整改时限{options.Value.RectificationDeadlineWorkingDays}个工作日。");
                    }
                    catch (DomainException ex)
                    {
                        // e.g. a bad review in a year the working-day calendar has no schedule for: its deadline cannot be set.
                        Fail(new ImportError(sheet, 0, "", $"差评的整改时限无法计算：{ex.Message}"));
                    }
                }
            }
            if (rows == 0 && errorCount == 0)
                Fail(new ImportError(sheet, 0, "", "文件中没有数据行：请在表头下方逐行填写后再导入。"));
            if (errorCount == 0 && !dryRun)
                await transaction.CommitAsync(ct);
            // Otherwise the transaction is rolled back when disposed: a dry run or a refused import stores nothing.
        });

        // Whatever a rolled-back transaction left in the change tracker must not be saved with the import record.
        db.ChangeTracker.Clear();
        if (!dryRun)
        {
            var record = new DataImport(kind, channel, source, by, clock.GetUtcNow().UtcDateTime);
            if (errorCount == 0)
                record.Complete(rows, inserted, updated, watch.ElapsedMilliseconds);
            else
                record.Refuse(rows, errorCount, Describe(errors[0]), watch.ElapsedMilliseconds);
            db.DataImports.Add(record);
            await db.SaveChangesAsync(ct);
        }

        if (errorCount == 0 && !dryRun && first is { } from && last is { } to)
            notes.AddRange(await RefreshPeriodsAsync(db, kind, from, to, ct));
        return new ImportOutcome(kind, dryRun, rows, inserted, updated, errorCount, errors, notes);
    }

    /// <summary>
    /// Yields the domain records of the valid rows; reports every problem: the reader's parse errors, unknown department or
    /// region codes and the domain's own checks. A problem with the file as a whole ends the sequence after reporting it.
    /// </summary>
    private static IEnumerable<TRecord> Validate<TRow, TRecord>(Func<IEnumerable<ParsedRow<TRow>>> read, string sheet,
        Dictionary<string, Guid> departments, HashSet<string> regions, Action<ImportError> fail, Action counted,
        Func<TRow, Guid, TRecord> toRecord, CancellationToken ct) where TRow : class
    {
        IEnumerator<ParsedRow<TRow>> rows;
        try
        {
            rows = read().GetEnumerator();
        }
        catch (CaseFileException ex)
        {
            foreach (var error in ex.Errors)
                fail(error);
            yield break;
        }
        using (rows)
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                ParsedRow<TRow> parsed;
                try
                {
                    if (!rows.MoveNext())
                        yield break;
                    parsed = rows.Current;
                }
                catch (CaseFileException ex)
                {
                    foreach (var error in ex.Errors)
                        fail(error);
                    yield break;
                }
                counted();
                if (!parsed.IsValid)
                {
                    foreach (var error in parsed.Errors)
                        fail(error);
                    continue;
                }
                var (departmentCode, regionCode) = parsed.Row switch
                {
                    CaseFileRow c => (c.DepartmentCode, c.RegionCode),
                    RatingFileRow r => (r.DepartmentCode, r.RegionCode),
                    _ => throw new InvalidOperationException(typeof(TRow).Name),
                };
                var ok = true;
                if (!departments.TryGetValue(departmentCode, out var department))
                {
                    ok = false;
                    fail(new ImportError(sheet, parsed.SourceRow, CaseFileColumns.DepartmentCode,
                        $"第{parsed.SourceRow}行部门编码「{departmentCode}」不存在：系统中的部门编码为 {string.Join("、", departments.Keys.Order().Take(20))}。"));
                }
                if (!regions.Contains(regionCode))
                {
                    ok = false;
                    fail(new ImportError(sheet, parsed.SourceRow, CaseFileColumns.RegionCode,
                        $"第{parsed.SourceRow}行区划代码「{regionCode}」不是本市的行政区划：请使用系统中登记的六位区划代码。"));
                }
                if (!ok)
                    continue;
                TRecord record;
                try
                {
                    record = toRecord(parsed.Row, department);
                }
                catch (DomainException ex)
                {
                    fail(new ImportError(sheet, parsed.SourceRow, "", $"第{parsed.SourceRow}行：{ex.Message}"));
                    continue;
                }
                yield return record;
            }
        }
    }

    /// <summary>Opens one rectification item for every bad review that has none yet (re-imports open nothing new).</summary>
    private async Task<int> OpenRectificationItemsAsync(EvalDbContext db, CancellationToken ct)
    {
        var bad = await db.Ratings.Where(r => r.Level <= RatingLevel.Dissatisfied && !db.RectificationItems.Any(i => i.RatingId == r.RatingId)).ToListAsync(ct);
        if (bad.Count == 0)
            return 0;
        var calendar = await WorkingCalendarService.CalendarAsync(db, ct);
        foreach (var rating in bad)
            db.RectificationItems.Add(options.Value.OpenRectification(rating, calendar));
        await db.SaveChangesAsync(ct);
        return bad.Count;
    }

    /// <summary>Refreshes the computed indicators of every open period the imported records fall in.</summary>
    private async Task<IEnumerable<string>> RefreshPeriodsAsync(EvalDbContext db, DataImportKind kind, DateTime from, DateTime to, CancellationToken ct)
    {
        var first = DateOnly.FromDateTime(from);
        var last = DateOnly.FromDateTime(to);
        var periods = await db.Periods.AsNoTracking()
            .Where(p => p.Status != PeriodStatus.Published && p.Status != PeriodStatus.Archived && p.StartDate <= last && p.EndDate >= first)
            .OrderBy(p => p.StartDate).Select(p => p.Id).ToListAsync(ct);
        var notes = new List<string>();
        foreach (var periodId in periods)
        {
            try
            {
                var refresh = await measures.RefreshUncheckedAsync(periodId, ct);
                if (refresh.Values.Count > 0)
                    notes.Add($"已更新「{refresh.PeriodName}」的{(kind == DataImportKind.Cases ? "办件" : "好差评")}计算指标：{refresh.Written}个数值。");
            }
            catch (DomainException ex)
            {
                notes.Add($"数据已导入，但计算指标未更新：{ex.Message}");
            }
        }
        return notes;
    }

    private static string Describe(ImportError error) => error.Row > 0 && !error.Message.StartsWith('第') ? $"第{error.Row}行：{error.Message}" : error.Message;
}
