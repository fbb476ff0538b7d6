using System.Globalization;
using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Ratings;
using EvalSystem.Reports.CaseFiles;
using EvalSystem.Reports.IndicatorSystems;

namespace EvalSystem.Web.Features.CaseData;

/// <summary>A business start-up stage in an API batch.</summary>
public sealed record StartupStageDto(string? Name, string? StartedAt, string? CompletedAt);

/// <summary>
/// One case (办件) pushed by the platform. Times are ISO 8601; with an offset they are converted to Beijing time, without one
/// they are Beijing time. <c>channel</c>: online | window; <c>status</c>: inProgress | completed | rejected | withdrawn.
/// </summary>
public sealed record CaseDto(
    string? CaseNumber, string? ItemCode, string? ItemName, string? DepartmentCode, string? RegionCode, string? Channel,
    string? ReceivedAt, string? CompletedAt, int? PromisedWorkingDays, string? Status, bool? IsBusinessStartup,
    IReadOnlyList<StartupStageDto>? StartupStages);

/// <summary>One rating (好差评) pushed by the platform; <c>level</c> 1–5 on the GB/T 39734 scale (5 = 非常满意).</summary>
public sealed record RatingDto(
    string? RatingId, string? CaseNumber, string? DepartmentCode, string? RegionCode, string? Channel, string? RatedAt, int? Level,
    IReadOnlyList<string>? Items, string? Comment);

/// <summary>The answer to a batch: counts when stored (or when a dry run would store), every problem when refused.</summary>
public sealed record BatchResult(bool DryRun, int Rows, int Inserted, int Updated, int ErrorCount, IReadOnlyList<BatchError> Errors, IReadOnlyList<string> Notes)
{
    public static BatchResult Of(ImportOutcome outcome) => new(outcome.DryRun, outcome.Rows, outcome.Inserted, outcome.Updated, outcome.ErrorCount,
        outcome.Errors.Select(e => new BatchError(e.Row, e.Column, e.Message)).ToList(), outcome.Notes);
}

/// <param name="Index">1-based position of the item in the batch.</param>
public sealed record BatchError(int Index, string Field, string Message);

/// <summary>Turns API items into the same parsed rows a file import produces, so both go through one validation and store.</summary>
public static class CaseBatch
{
    public const int MaxItems = 10_000;
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static IEnumerable<ParsedRow<CaseFileRow>> Cases(IReadOnlyList<CaseDto> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var index = i + 1;
            var errors = new List<ImportError>();
            void Error(string field, string message) => errors.Add(new ImportError("cases", index, field, $"第{index}条 {field}：{message}"));
            string Required(string? value, string field, string label)
            {
                if (string.IsNullOrWhiteSpace(value))
                    Error(field, $"缺少{label}。");
                return value?.Trim() ?? "";
            }
            var number = Required(item.CaseNumber, "caseNumber", "办件编号");
            var itemCode = Required(item.ItemCode, "itemCode", "事项编码");
            var itemName = Required(item.ItemName, "itemName", "事项名称");
            var department = Required(item.DepartmentCode, "departmentCode", "部门编码");
            var region = Required(item.RegionCode, "regionCode", "区划代码");
            var channel = ParseChannel(item.Channel, "channel", Error);
            var received = Time(item.ReceivedAt, "receivedAt", required: true, Error);
            var completed = Time(item.CompletedAt, "completedAt", required: false, Error);
            if (item.PromisedWorkingDays is not { } promised || promised < 0)
            {
                Error("promisedWorkingDays", "承诺时限（工作日）必须是不小于0的整数。");
                promised = 0;
            }
            CaseStatus status;
            if (string.IsNullOrWhiteSpace(item.Status))
                status = completed is null ? CaseStatus.InProgress : CaseStatus.Completed;
            else if (!Enum.TryParse(item.Status.Trim(), ignoreCase: true, out status) || !Enum.IsDefined(status) || int.TryParse(item.Status, out _))
                Error("status", $"「{item.Status}」不是有效的办件状态，应为 inProgress、completed、rejected 或 withdrawn。");
            var stages = new List<StartupStage>();
            foreach (var (stage, s) in (item.StartupStages ?? []).Select((stage, s) => (stage, s + 1)))
            {
                var name = stage.Name?.Trim();
                if (string.IsNullOrEmpty(name))
                    Error($"startupStages[{s}].name", "缺少环节名称。");
                var started = Time(stage.StartedAt, $"startupStages[{s}].startedAt", required: true, Error);
                var ended = Time(stage.CompletedAt, $"startupStages[{s}].completedAt", required: false, Error);
                if (!string.IsNullOrEmpty(name) && started is { } start)
                    stages.Add(new StartupStage(name, start, ended));
            }
            yield return errors.Count > 0 || channel is null || received is null
                ? ParsedRow<CaseFileRow>.Invalid(index, errors)
                : ParsedRow<CaseFileRow>.Valid(index, new CaseFileRow(index, number, itemCode, itemName, department, region, channel.Value, received.Value,
                    completed, promised, status, item.IsBusinessStartup ?? false, stages));
        }
    }

    public static IEnumerable<ParsedRow<RatingFileRow>> Ratings(IReadOnlyList<RatingDto> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var index = i + 1;
            var errors = new List<ImportError>();
            void Error(string field, string message) => errors.Add(new ImportError("ratings", index, field, $"第{index}条 {field}：{message}"));
            string Required(string? value, string field, string label)
            {
                if (string.IsNullOrWhiteSpace(value))
                    Error(field, $"缺少{label}。");
                return value?.Trim() ?? "";
            }
            var id = Required(item.RatingId, "ratingId", "评价编号");
            var department = Required(item.DepartmentCode, "departmentCode", "部门编码");
            var region = Required(item.RegionCode, "regionCode", "区划代码");
            var channel = ParseChannel(item.Channel, "channel", Error);
            var rated = Time(item.RatedAt, "ratedAt", required: true, Error);
            if (item.Level is not (>= 1 and <= 5))
                Error("level", "评价等级应为 1–5（5 非常满意，4 满意，3 基本满意，2 不满意，1 非常不满意）。");
            yield return errors.Count > 0 || channel is null || rated is null
                ? ParsedRow<RatingFileRow>.Invalid(index, errors)
                : ParsedRow<RatingFileRow>.Valid(index, new RatingFileRow(index, id, string.IsNullOrWhiteSpace(item.CaseNumber) ? null : item.CaseNumber.Trim(),
                    department, region, channel.Value, rated.Value, (RatingLevel)item.Level!.Value,
                    (item.Items ?? []).Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x.Trim()).ToList(),
                    string.IsNullOrWhiteSpace(item.Comment) ? null : item.Comment.Trim()));
        }
    }

    private static ServiceChannel? ParseChannel(string? text, string field, Action<string, string> error)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "online" or "线上" or "网办":
                return ServiceChannel.Online;
            case "window" or "窗口" or "线下":
                return ServiceChannel.Window;
            default:
                error(field, $"「{text}」不是有效的渠道，应为 online 或 window。");
                return null;
        }
    }

    /// <summary>ISO 8601; an offset converts to Beijing time, no offset means Beijing time already.</summary>
    private static DateTime? Time(string? text, string field, bool required, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
                error(field, "缺少时间。");
            return null;
        }
        var trimmed = text.Trim();
        if (DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value) && value.Kind == DateTimeKind.Unspecified)
            return value;
        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            return DateTime.SpecifyKind(withOffset.ToOffset(Beijing).DateTime, DateTimeKind.Unspecified);
        error(field, $"「{text}」不是有效的时间，应为 ISO 8601，例如 2026-10-08T09:30:00+08:00。");
        return null;
    }
}
