using EvalSystem.Domain.Calendar;
using EvalSystem.Domain.Cases;

namespace EvalSystem.Reports.CaseFiles;

/// <summary>
/// Writes realistic 办件数据 CSV for benchmarks, tests and demonstrations, the same bytes for the same seed. Cases are
/// received in 2025 on working days (official holiday schedule) between 08:30 and 17:30; about 60 % online; about 86 %
/// completed 0–15 working days later (mostly within the promised time), 8 % in progress, 3 % rejected, 3 % withdrawn;
/// about 5 % are business start-ups (企业设立登记) with 3–4 stages spanning receipt to completion.
/// </summary>
public static class CaseFileGenerator
{
    private const int Year = 2025;

    private static readonly (string Code, string Name, int PromisedDays)[] Items =
    [
        ("SX-0101", "食品经营许可", 10),
        ("SX-0102", "个体工商户设立登记", 1),
        ("SX-0201", "建设工程施工许可证核发", 7),
        ("SX-0301", "不动产首次登记", 5),
        ("SX-0302", "不动产转移登记", 3),
        ("SX-0401", "社会保险参保登记", 0),
        ("SX-0501", "医疗机构执业登记", 15),
        ("SX-0502", "公共场所卫生许可", 10),
        ("SX-0601", "道路运输经营许可", 15),
        ("SX-0701", "城镇污水排入排水管网许可", 7),
        ("SX-0801", "药品零售企业许可", 15),
        ("SX-0901", "户口迁移登记", 0),
    ];

    private static readonly (string Code, string Name, int PromisedDays) StartupItem = ("SX-0100", "企业设立登记", 3);

    private static readonly Lazy<DateOnly[]> WorkingDays = new(() =>
    {
        var calendar = ChinaOfficialHolidays.Calendar();
        var days = new List<DateOnly>();
        for (var day = new DateOnly(Year, 1, 1); day.Year == Year; day = day.AddDays(1))
            if (calendar.IsWorkingDay(day))
                days.Add(day);
        return [.. days];
    });

    /// <summary>Writes a header and <paramref name="rows"/> cases as UTF-8 CSV (with BOM), leaving the stream open.</summary>
    /// <param name="departmentCodes">部门编码 to spread cases over; start-ups go to "AMR" when it is listed.</param>
    /// <param name="regionCodes">6-digit 区划代码 to spread cases over.</param>
    public static void WriteCsv(Stream stream, int rows, int seed, IReadOnlyList<string> departmentCodes, IReadOnlyList<string> regionCodes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Generator.Check(rows, departmentCodes, regionCodes);
        var random = new Random(seed);
        var calendar = ChinaOfficialHolidays.Calendar();
        var startupDepartment = departmentCodes.Contains("AMR") ? "AMR" : null;
        var fields = new string?[CaseFileColumns.All.Count];

        using var writer = CsvText.Writer(stream);
        CsvText.WriteRow(writer, CaseFileColumns.All);
        for (var i = 0; i < rows; i++)
        {
            var c = NextCase(random, calendar, i, departmentCodes, regionCodes, startupDepartment);
            fields[0] = c.CaseNumber;
            fields[1] = c.ItemCode;
            fields[2] = c.ItemName;
            fields[3] = c.DepartmentCode;
            fields[4] = c.RegionCode;
            fields[5] = c.Channel == ServiceChannel.Online ? "线上" : "窗口";
            fields[6] = DateText.Write(c.ReceivedAt);
            fields[7] = c.CompletedAt is { } done ? DateText.Write(done) : null;
            fields[8] = c.PromisedWorkingDays.ToString(System.Globalization.CultureInfo.InvariantCulture);
            fields[9] = StatusText(c.Status);
            fields[10] = c.IsBusinessStartup ? "是" : "否";
            fields[11] = c.StartupStages.Count > 0 ? StartupStageText.Format(c.StartupStages) : null;
            CsvText.WriteRow(writer, fields);
        }
    }

    private static string StatusText(CaseStatus status) => status switch
    {
        CaseStatus.InProgress => "办理中",
        CaseStatus.Completed => "已办结",
        CaseStatus.Rejected => "不予受理",
        _ => "撤件",
    };

    private static CaseFileRow NextCase(
        Random random, WorkingDayCalendar calendar, int index, IReadOnlyList<string> departments, IReadOnlyList<string> regions, string? startupDepartment)
    {
        var isStartup = random.NextDouble() < 0.05;
        var item = isStartup ? StartupItem : Items[random.Next(Items.Length)];
        var department = isStartup && startupDepartment is not null ? startupDepartment : departments[random.Next(departments.Count)];
        var region = regions[random.Next(regions.Count)];
        var channel = random.NextDouble() < 0.6 ? ServiceChannel.Online : ServiceChannel.Window;
        var received = Generator.OfficeTime(random, WorkingDays.Value[random.Next(WorkingDays.Value.Length)]);

        var draw = random.NextDouble();
        var status = isStartup
            ? draw < 0.9 ? CaseStatus.Completed : CaseStatus.InProgress
            : draw < 0.86 ? CaseStatus.Completed : draw < 0.94 ? CaseStatus.InProgress : draw < 0.97 ? CaseStatus.Rejected : CaseStatus.Withdrawn;
        DateTime? completed = status switch
        {
            CaseStatus.Completed => Completion(random, calendar, received, isStartup ? random.Next(0, 4) : DaysTaken(random, item.PromisedDays)),
            CaseStatus.Rejected => Completion(random, calendar, received, random.Next(0, 3)),
            _ => null,
        };
        IReadOnlyList<StartupStage> stages = isStartup ? Stages(random, received, completed) : [];

        return new CaseFileRow(index + 2, $"BJ{received:yyyyMMdd}{index + 1:D7}", item.Code, item.Name, department, region, channel,
            received, completed, item.PromisedDays, status, isStartup, stages);
    }

    // Most cases finish within the promise; about one in twelve runs over, never beyond 15 working days.
    private static int DaysTaken(Random random, int promised)
    {
        var withinPromise = Math.Min(promised, 15);
        return random.NextDouble() < 0.92 || withinPromise == 15
            ? random.Next(0, withinPromise + 1)
            : random.Next(withinPromise + 1, 16);
    }

    private static DateTime Completion(Random random, WorkingDayCalendar calendar, DateTime received, int workingDays)
    {
        if (workingDays > 0)
            return Generator.OfficeTime(random, calendar.AddWorkingDays(DateOnly.FromDateTime(received), workingDays));
        // Same day: some time between receipt and the end of office hours.
        var left = (int)(received.Date.AddHours(17.5) - received).TotalMinutes;
        return received.AddMinutes(random.Next(0, Math.Max(left, 0) + 1));
    }

    private static List<StartupStage> Stages(Random random, DateTime received, DateTime? completed)
    {
        string[] names = random.Next(2) == 0
            ? ["设立登记", "公章刻制", "申领发票"]
            : ["设立登记", "公章刻制", "申领发票", random.Next(2) == 0 ? "社保登记" : "银行开户"];
        // In progress: the stages so far span up to two days and the last one is still open.
        var span = completed is { } end ? (int)(end - received).TotalMinutes : random.Next(60, 2 * 24 * 60);
        var cuts = Enumerable.Range(0, names.Length - 1).Select(_ => random.Next(0, span + 1)).Order().ToArray();
        var stages = new List<StartupStage>(names.Length);
        for (var s = 0; s < names.Length; s++)
        {
            var start = received.AddMinutes(s == 0 ? 0 : cuts[s - 1]);
            DateTime? stageEnd = s < names.Length - 1 ? received.AddMinutes(cuts[s]) : completed;
            stages.Add(new StartupStage(names[s], start, stageEnd));
        }
        return stages;
    }
}

/// <summary>What the case and rating generators share.</summary>
internal static class Generator
{
    public static void Check(int rows, IReadOnlyList<string> departmentCodes, IReadOnlyList<string> regionCodes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentNullException.ThrowIfNull(departmentCodes);
        ArgumentNullException.ThrowIfNull(regionCodes);
        if (departmentCodes.Count == 0 || departmentCodes.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("At least one department code, none blank.", nameof(departmentCodes));
        if (regionCodes.Count == 0 || regionCodes.Any(r => r is null || r.Length != 6 || !r.All(char.IsAsciiDigit)))
            throw new ArgumentException("At least one region code, each six digits.", nameof(regionCodes));
    }

    /// <summary>A minute between 08:30 and 17:30 on <paramref name="day"/>.</summary>
    public static DateTime OfficeTime(Random random, DateOnly day) =>
        day.ToDateTime(new TimeOnly(8, 30)).AddMinutes(random.Next(0, 9 * 60 + 1));
}
