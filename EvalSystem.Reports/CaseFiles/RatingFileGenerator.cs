using EvalSystem.Domain.Calendar;
using EvalSystem.Domain.Ratings;

namespace EvalSystem.Reports.CaseFiles;

/// <summary>
/// Writes realistic 好差评 CSV for benchmarks and tests, the same bytes for the same seed: ratings in 2025 on working
/// days between 08:30 and 17:30, about 60 % online, levels skewed towards 非常满意 (about 3 % 差评), 70 % tied to a case,
/// items separated by ; or 、, and comments that need CSV quoting now and then.
/// </summary>
public static class RatingFileGenerator
{
    private static readonly string[] Praise = ["办事便捷", "一次办好", "服务热情", "材料精简", "时限短"];
    private static readonly string[] Neutral = ["流程较多", "等待时间较长"];
    private static readonly string[] Complaints = ["办事效率低", "服务态度差", "材料要求不明确", "多次跑腿", "系统操作复杂"];

    private static readonly string[] Comments =
    [
        "窗口人员很耐心，讲得很清楚。",
        "系统老是卡顿, 提交了三次才成功",
        "工作人员说\"材料不全\"，但没告诉缺什么",
        "当天就办好了，点赞！",
        "希望增加周末服务时间",
    ];

    private static readonly Lazy<DateOnly[]> WorkingDays = new(() =>
    {
        var calendar = ChinaOfficialHolidays.Calendar();
        return [.. Enumerable.Range(0, 365).Select(d => new DateOnly(2025, 1, 1).AddDays(d)).Where(calendar.IsWorkingDay)];
    });

    /// <summary>Writes a header and <paramref name="rows"/> ratings as UTF-8 CSV (with BOM), leaving the stream open.</summary>
    public static void WriteCsv(Stream stream, int rows, int seed, IReadOnlyList<string> departmentCodes, IReadOnlyList<string> regionCodes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Generator.Check(rows, departmentCodes, regionCodes);
        var random = new Random(seed);
        var fields = new string?[RatingFileColumns.All.Count];
        var items = new List<string>(2);

        using var writer = CsvText.Writer(stream);
        CsvText.WriteRow(writer, RatingFileColumns.All);
        for (var i = 0; i < rows; i++)
        {
            var day = WorkingDays.Value[random.Next(WorkingDays.Value.Length)];
            var ratedAt = Generator.OfficeTime(random, day);
            var draw = random.NextDouble();
            var level = draw < 0.80 ? RatingLevel.VerySatisfied
                : draw < 0.92 ? RatingLevel.Satisfied
                : draw < 0.97 ? RatingLevel.Basic
                : draw < 0.99 ? RatingLevel.Dissatisfied
                : RatingLevel.VeryDissatisfied;
            var pool = level.IsBadReview() ? Complaints : level == RatingLevel.Basic ? Neutral : Praise;
            items.Clear();
            for (var n = random.Next(level.IsBadReview() ? 1 : 0, 3); n > 0; n--)
                items.Add(pool[random.Next(pool.Length)]);

            fields[0] = $"PJ{i + 1:D9}";
            fields[1] = random.NextDouble() < 0.7 ? $"BJ{ratedAt.AddDays(-random.Next(0, 10)):yyyyMMdd}{random.Next(1, 10_000_000):D7}" : null;
            fields[2] = departmentCodes[random.Next(departmentCodes.Count)];
            fields[3] = regionCodes[random.Next(regionCodes.Count)];
            fields[4] = random.NextDouble() < 0.6 ? "线上" : "窗口";
            fields[5] = DateText.Write(ratedAt);
            // Both forms a platform exports: the number and the name.
            fields[6] = random.Next(2) == 0 ? ((int)level).ToString(System.Globalization.CultureInfo.InvariantCulture) : level.DisplayName();
            fields[7] = string.Join(random.Next(2) == 0 ? ";" : "、", items);
            fields[8] = random.NextDouble() < 0.3 ? Comments[random.Next(Comments.Length)] : null;
            CsvText.WriteRow(writer, fields);
        }
    }
}
