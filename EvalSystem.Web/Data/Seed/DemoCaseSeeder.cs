using System.Diagnostics;
using EvalSystem.Domain.Calendar;
using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Organization;
using EvalSystem.Domain.Periods;
using EvalSystem.Domain.Ratings;
using EvalSystem.Web.Features.CaseData;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Data.Seed;

/// <summary>
/// 示范办件与好差评: the collecting quarter (2026年第四季度) of the demo city gets the case records and ratings the
/// government-service platform would have pushed so far — from 1 October up to the day before the clock's today, never
/// past 31 December. Start-up time, approval time and satisfaction follow each district's latest scored quarter, so
/// 石桥县 stays the laggard; bad reviews open rectification items as an import does, and the older ones have moved on.
/// Deterministic: fixed random seeds per district, day and case; only how far into the quarter it reaches (and so which
/// cases are still open and how far the rectifications got) depends on the clock.
/// Cases and ratings go through the import's own writer (<see cref="CaseRecordWriter{T}"/>), and rectification items are
/// opened as the import opens them, with the configured time allowed (<see cref="CaseDataOptions.OpenRectification"/>);
/// the computed indicators are left for the office to calculate on the 办件与好差评 page.
/// </summary>
internal sealed class DemoCaseSeeder(IDbContextFactory<EvalDbContext> dbFactory, TimeProvider clock, CaseDataOptions options, ILogger logger)
{
    public static readonly DateOnly QuarterStart = new(2026, 10, 1);
    public static readonly DateOnly QuarterEnd = new(2026, 12, 31);
    private const int RandomSeed = 20261001;

    /// <summary>Relative volume of each district (cases per working day ≈ 5 × this).</summary>
    private static readonly Dictionary<string, double> Volume = new()
    {
        ["990102"] = 1.4, ["990103"] = 1.2, ["990104"] = 1.1, ["990105"] = 1.0, ["990106"] = 0.8, ["990107"] = 1.3,
        ["990108"] = 1.0, ["990121"] = 0.7, ["990122"] = 0.6, ["990123"] = 0.6, ["990181"] = 0.9, ["990182"] = 0.8,
    };

    private sealed record Item(string Department, string Code, string Name, int PromisedDays, double Effort, double Share, bool Startup = false);

    /// <summary>事项: what the hall handles. Effort is relative handling time; Share the part of the non-start-up cases.</summary>
    private static readonly Item[] Items =
    [
        new("AMR", "SX-AMR-0101", "企业设立登记", 3, 1, 0, Startup: true),
        new("AMR", "SX-AMR-0102", "企业变更登记", 3, 0.6, 0.22),
        new("AMR", "SX-AMR-0103", "个体工商户设立登记", 1, 0.3, 0.14),
        new("AMR", "SX-AMR-0201", "食品经营许可", 10, 1.4, 0.12),
        new("GSA", "SX-GSA-0301", "企业投资项目备案", 2, 0.4, 0.12),
        new("GSA", "SX-GSA-0302", "公共场所卫生许可", 7, 1.1, 0.14),
        new("GSA", "SX-GSA-0303", "道路货物运输经营许可", 10, 1.5, 0.10),
        new("GSA", "SX-GSA-0304", "建筑工程施工许可证核发", 7, 1.8, 0.10),
        new("GSA", "SX-GSA-0305", "药品零售企业许可", 15, 2.0, 0.06),
    ];

    private static readonly string[] StartupStages = ["设立登记", "公章刻制", "申领发票", "员工参保登记"];
    private static readonly string[] PraiseItems = ["办事效率高", "服务态度好", "一次办好", "指引清晰"];

    /// <summary>
    /// What a dissatisfied rater ticked and wrote, how the department answered the call-back and what it changed; the last
    /// one is for a case finished late. Channel: where the complaint can arise (null: either).
    /// </summary>
    private static readonly (string Item, string Comment, string CallBack, string Rectification, ServiceChannel? Channel)[] Complaints =
    [
        ("办事效率低", "材料交上去一周没有进度，打电话也问不到结果。", "已电话回访评价人，说明审核进度并致歉，评价人表示理解。", "建立办件进度主动告知机制，超过两个工作日未流转的办件由科室负责人督办。", null),
        ("服务态度差", "窗口工作人员不耐烦，问两句就让自己看告示。", "已上门回访评价人，当面致歉，评价人接受。", "对当事窗口人员批评教育，全体窗口人员开展服务规范培训。", ServiceChannel.Window),
        ("多次跑腿", "一次性告知不到位，来回跑了三趟才补齐材料。", "已电话回访，评价人反映材料清单不清楚。", "修订该事项材料清单和填写示例，在网上大厅和窗口同步公示。", null),
        ("系统故障", "网上申报系统反复报错，最后只能到窗口重新办。", "已电话回访，向评价人解释系统故障原因。", "与平台运维单位排查修复申报系统故障，增加故障时的窗口兜底办理提示。", ServiceChannel.Online),
        ("等候时间长", "排队两个多小时，大厅只开了两个窗口。", "已电话回访评价人并致歉。", "高峰时段增开综合窗口，推行预约办理和错峰提醒。", ServiceChannel.Window),
        ("超时办结", "承诺几个工作日办完，实际拖了一个多星期。", "已电话回访，说明超时原因为现场核查排期。", "优化现场核查排期，承诺时限内无法办结的提前告知申请人。", null),
    ];

    /// <summary>One district's targets for the quarter, from its latest scored quarter.</summary>
    internal sealed record RegionProfile(string Code, double StartupDays, double ApprovalDays, double SatisfactionRate);

    /// <summary>What was generated: the records and the rectification items opened for the bad reviews.</summary>
    internal sealed record DemoCaseData(IReadOnlyList<ServiceCase> Cases, IReadOnlyList<Rating> Ratings, IReadOnlyList<RectificationItem> RectificationItems);

    public async Task SeedAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calendar = await WorkingCalendarService.CalendarAsync(db, ct);
        var departments = await db.Departments.AsNoTracking().Where(d => d.Code == "AMR" || d.Code == "GSA").ToDictionaryAsync(d => d.Code, d => d.Id, ct);
        var profiles = await ProfilesAsync(db, ct);
        var data = Generate(profiles, departments, calendar, LastDay(clock), options);
        if (data.Cases.Count == 0)
            return;

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await using (var writer = await CaseRecordWriter<ServiceCase>.OpenAsync(db, transaction, ct))
            {
                foreach (var record in data.Cases)
                    await writer.WriteAsync(record, ct);
                await writer.CompleteAsync(data.Cases.Count, ct);
            }
            await using (var writer = await CaseRecordWriter<Rating>.OpenAsync(db, transaction, ct))
            {
                foreach (var record in data.Ratings)
                    await writer.WriteAsync(record, ct);
                await writer.CompleteAsync(data.Ratings.Count, ct);
            }
            db.RectificationItems.AddRange(data.RectificationItems);
            // The import history shows where the records came from, as it would after the platform's pushes.
            var now = clock.GetUtcNow().UtcDateTime;
            var by = new UserRef("seed", "示范数据");
            var cases = new DataImport(DataImportKind.Cases, DataImportChannel.Api, "一网通办平台（示范数据）", by, now);
            cases.Complete(data.Cases.Count, data.Cases.Count, 0, watch.ElapsedMilliseconds);
            var ratings = new DataImport(DataImportKind.Ratings, DataImportChannel.Api, "好差评系统（示范数据）", by, now);
            ratings.Complete(data.Ratings.Count, data.Ratings.Count, 0, watch.ElapsedMilliseconds);
            db.DataImports.AddRange(cases, ratings);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
        logger.LogInformation("已生成示范办件 {Cases} 件、好差评 {Ratings} 条（差评 {Bad} 条），用时 {Ms} ms。 Demo cases and ratings seeded.",
            data.Cases.Count, data.Ratings.Count, data.RectificationItems.Count, watch.ElapsedMilliseconds);
    }

    /// <summary>The last day with records: yesterday (Beijing time) by the clock, at most the quarter's last day.</summary>
    internal static DateOnly LastDay(TimeProvider clock)
    {
        var yesterday = BeijingTime.Today(clock).AddDays(-1);
        return yesterday < QuarterEnd ? yesterday : QuarterEnd;
    }

    /// <summary>Each district's start-up time, approval time and satisfaction rate in its latest scored quarter before this one.</summary>
    internal static async Task<IReadOnlyList<RegionProfile>> ProfilesAsync(EvalDbContext db, CancellationToken ct)
    {
        var latest = await db.Periods.AsNoTracking()
            .Where(p => p.TargetKind == TargetKind.Region && p.EndDate < QuarterStart && (p.Status == PeriodStatus.Scored || p.Status == PeriodStatus.Published))
            .OrderByDescending(p => p.EndDate).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        var values = await (from v in db.IndicatorValues.AsNoTracking()
                            join n in db.IndicatorNodes.AsNoTracking() on v.IndicatorNodeId equals n.Id
                            join t in db.Targets.AsNoTracking() on v.TargetId equals t.Id
                            join r in db.Regions.AsNoTracking() on t.RegionId equals r.Id
                            where v.PeriodId == latest && (n.Code == "KB-2" || n.Code == "ZW-2" || n.Code == "ZW-4")
                            select new { r.Code, Indicator = n.Code, v.Value }).ToListAsync(ct);
        double Of(string region, string indicator) =>
            values.FirstOrDefault(v => v.Code == region && v.Indicator == indicator)?.Value ?? DemoCatalog.Indicators.Single(i => i.Code == indicator).Typical;
        return DemoCatalog.Districts.Select(d => new RegionProfile(d.Code, Of(d.Code, "KB-2"), Of(d.Code, "ZW-2"), Of(d.Code, "ZW-4"))).ToList();
    }

    /// <summary>
    /// Generates the quarter's records up to <paramref name="lastDay"/> (inclusive). A case whose completion would fall after
    /// that day is still in progress; a rating is given only for a case completed by then.
    /// </summary>
    internal static DemoCaseData Generate(IReadOnlyList<RegionProfile> profiles, IReadOnlyDictionary<string, Guid> departments,
        WorkingDayCalendar calendar, DateOnly lastDay, CaseDataOptions options)
    {
        var cases = new List<ServiceCase>();
        var ratings = new List<Rating>();
        var items = new List<RectificationItem>();
        if (lastDay < QuarterStart)
            return new DemoCaseData(cases, ratings, items);
        var end = lastDay.ToDateTime(new TimeOnly(23, 59));
        var ratingNumbers = new Dictionary<(string, DateOnly), int>();
        var regular = Items.Where(i => !i.Startup).ToArray();
        var meanEffort = regular.Sum(i => i.Share * i.Effort) / regular.Sum(i => i.Share);

        for (var day = QuarterStart; day <= lastDay; day = day.AddDays(1))
        {
            var working = calendar.IsWorkingDay(day);
            for (var r = 0; r < profiles.Count; r++)
            {
                var profile = profiles[r];
                var random = RandomFor(day, r, 0);
                var rate = 5 * Volume.GetValueOrDefault(profile.Code, 1.0) * (working ? 1 : 0.06);
                var count = (int)Math.Floor(rate * (0.7 + 0.6 * random.NextDouble()) + random.NextDouble());
                var startupShare = profile.Code is "990107" or "990108" ? 0.32 : 0.25;
                // ZW-2 averages every completed case: the other items make up what the start-ups do not.
                var otherDays = Math.Max(0.8, (profile.ApprovalDays - startupShare * profile.StartupDays) / (1 - startupShare));
                for (var n = 1; n <= count; n++)
                {
                    random = RandomFor(day, r, n);
                    var startup = random.NextDouble() < startupShare;
                    var item = startup ? Items[0] : Pick(regular, random);
                    // Busier districts file more online.
                    var online = random.NextDouble() < (startup ? 0.9 : 0.6 + 0.18 * Volume.GetValueOrDefault(profile.Code, 1.0));
                    // Windows are open 8:30–17:30 on working days; online filings come at any time, a few after hours.
                    var minutes = online && (!working || random.NextDouble() < 0.12) ? random.Next(7 * 60, 23 * 60) : random.Next(8 * 60 + 30, 17 * 60 + 15);
                    var received = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes);
                    var mean = startup ? profile.StartupDays : otherDays * item.Effort / meanEffort;
                    var days = (int)Math.Floor(mean * LogNormal(random, 0.45) + random.NextDouble());
                    var done = CompletionDate(calendar, received, days, lastDay);
                    var outcome = random.NextDouble();
                    var number = $"{profile.Code}{day:yyyyMMdd}{n:D4}";
                    var channel = online ? ServiceChannel.Online : ServiceChannel.Window;
                    ServiceCase serviceCase;
                    if (done is not { } date)
                    {
                        serviceCase = new ServiceCase(number, item.Code, item.Name, departments[item.Department], profile.Code, channel, received, item.PromisedDays,
                            CaseStatus.InProgress, isBusinessStartup: item.Startup,
                            startupStages: item.Startup ? [new StartupStage(StartupStages[0], received, null)] : null);
                        cases.Add(serviceCase);
                        continue;
                    }
                    var completed = date.ToDateTime(TimeOnly.MinValue).AddMinutes(random.Next(9 * 60, 17 * 60 + 30));
                    if (completed <= received)
                        completed = received.AddMinutes(random.Next(20, 180));
                    if (completed > end)
                        completed = end;
                    if (!startup && outcome < 0.012)
                    {
                        cases.Add(new ServiceCase(number, item.Code, item.Name, departments[item.Department], profile.Code, channel, received, item.PromisedDays,
                            CaseStatus.Rejected, completed));
                        continue;
                    }
                    if (!startup && outcome < 0.018)
                    {
                        cases.Add(new ServiceCase(number, item.Code, item.Name, departments[item.Department], profile.Code, channel, received, item.PromisedDays,
                            CaseStatus.Withdrawn));
                        continue;
                    }
                    serviceCase = new ServiceCase(number, item.Code, item.Name, departments[item.Department], profile.Code, channel, received, item.PromisedDays,
                        CaseStatus.Completed, completed, item.Startup, item.Startup ? Stages(received, completed) : null);
                    cases.Add(serviceCase);

                    if (random.NextDouble() >= 1 / 3.0)
                        continue;
                    var rated = completed.AddMinutes(random.Next(5, 2 * 24 * 60));
                    if (rated.Hour < 7)
                        rated = rated.AddHours(8); // few rate in the small hours
                    if (rated > end)
                        continue;
                    var late = days > item.PromisedDays;
                    var badShare = Math.Clamp((100 - profile.SatisfactionRate) / 100, 0.002, 0.05) * (late ? 4 : 1);
                    // A bad review needs a rectification deadline, which needs the calendar of the days after it: twice the
                    // working days allowed and four more reach past weekends and the longest holiday (14 days for the default 5).
                    var bad = random.NextDouble() < badShare
                        && calendar.Covers(DateOnly.FromDateTime(rated).AddDays(2 * options.RectificationDeadlineWorkingDays + 4));
                    var ratedDay = DateOnly.FromDateTime(rated);
                    var sequence = ratingNumbers[(profile.Code, ratedDay)] = ratingNumbers.GetValueOrDefault((profile.Code, ratedDay)) + 1;
                    var ratingId = $"PJ{profile.Code}{ratedDay:yyyyMMdd}{sequence:D4}";
                    Rating rating;
                    if (bad)
                    {
                        var fitting = Complaints[..^1].Where(c => c.Channel is null || c.Channel == channel).ToArray();
                        var complaint = late && random.NextDouble() < 0.5 ? Complaints[^1] : fitting[random.Next(fitting.Length)];
                        var level = random.NextDouble() < 0.35 ? RatingLevel.VeryDissatisfied : RatingLevel.Dissatisfied;
                        rating = new Rating(ratingId, serviceCase.DepartmentId, profile.Code, channel, rated, level, [complaint.Item], complaint.Comment, number);
                        items.Add(Rectification(options.OpenRectification(rating, calendar), rating, complaint, item.Department, profile.Code, calendar, end, random));
                    }
                    else
                    {
                        var draw = random.NextDouble();
                        var level = draw < 0.7 ? RatingLevel.VerySatisfied : draw < 0.92 ? RatingLevel.Satisfied : RatingLevel.Basic;
                        var praise = level == RatingLevel.Basic ? [] : new[] { PraiseItems[random.Next(PraiseItems.Length)] };
                        var comment = level == RatingLevel.VerySatisfied && random.NextDouble() < 0.08 ? "流程清楚，一次办成，点赞。" : null;
                        rating = new Rating(ratingId, serviceCase.DepartmentId, profile.Code, channel, rated, level, praise, comment, number);
                    }
                    ratings.Add(rating);
                }
            }
        }
        return new DemoCaseData(cases, ratings, items);
    }

    /// <summary>
    /// Moves the item, opened as an import does, on as far as a department would have by <paramref name="end"/>, one
    /// working day per step: called back, rectified, closed within the deadline — now and then two days late — except in the
    /// laggard 石桥县, whose items are called back but left open past their deadline.
    /// </summary>
    private static RectificationItem Rectification(RectificationItem item, Rating rating,
        (string Item, string Comment, string CallBack, string Rectification, ServiceChannel? Channel) complaint,
        string department, string regionCode, WorkingDayCalendar calendar, DateTime end, Random random)
    {
        // A fresh reference per step: EF Core stores each one as its own owned value.
        UserRef Clerk() => new("seed", $"dept-{department.ToLowerInvariant()}");
        DateTime After(DateTime at, int workingDays, int hour) => calendar.AddWorkingDays(DateOnly.FromDateTime(at), workingDays).ToDateTime(new TimeOnly(hour, 0));
        var late = random.NextDouble() < 0.2;
        var calledBack = After(rating.RatedAt, 1, 10);
        if (calledBack > end)
            return item;
        item.CallBack(Clerk(), calledBack, complaint.CallBack);
        if (regionCode == "990123")
            return item;
        var rectified = After(calledBack, late ? 3 : 1, 15);
        if (rectified > end)
            return item;
        item.Rectify(Clerk(), rectified, complaint.Rectification);
        var closed = late ? After(item.Deadline.ToDateTime(TimeOnly.MinValue), 2, 16) : After(rectified, 1, 11);
        if (closed <= end)
            item.Close(Clerk(), closed);
        return item;
    }

    /// <summary>
    /// The start-up stages one after another from receipt to completion, each handed on at 16:00 of its day (only the first
    /// start and the last end count towards the start-up time).
    /// </summary>
    private static StartupStage[] Stages(DateTime received, DateTime completed)
    {
        var step = (completed - received) / StartupStages.Length;
        var ends = Enumerable.Range(1, StartupStages.Length - 1)
            .Select(i => (received + step * i).Date.AddHours(16))
            .Select(t => t < received ? received : t > completed ? completed : t)
            .Append(completed).ToArray();
        return StartupStages.Select((name, i) => new StartupStage(name, i == 0 ? received : ends[i - 1], ends[i])).ToArray();
    }

    /// <summary>
    /// The day a case received at <paramref name="received"/> is completed after <paramref name="days"/> working days by the
    /// calendar's counting rules, or null when that is after <paramref name="lastDay"/> (still in progress).
    /// </summary>
    private static DateOnly? CompletionDate(WorkingDayCalendar calendar, DateTime received, int days, DateOnly lastDay)
    {
        var date = DateOnly.FromDateTime(received);
        // Received on a non-working day or after hours: counting starts from the next working day (see WorkingDayCalendar).
        if (!calendar.IsWorkingDay(date) || TimeOnly.FromDateTime(received) >= calendar.ReceiptCutoff)
            days++;
        for (var remaining = days; remaining > 0;)
        {
            date = date.AddDays(1);
            if (date > lastDay)
                return null;
            if (calendar.IsWorkingDay(date))
                remaining--;
        }
        return date;
    }

    /// <summary>
    /// One random stream per district and day (n = 0) and per case (n ≥ 1): a case is the same whatever day the demo is
    /// seeded on — only whether it is finished yet depends on that — so the quarter's history does not change from day to day.
    /// </summary>
    private static Random RandomFor(DateOnly day, int region, int n) =>
        new(Scramble(RandomSeed + (day.DayNumber - QuarterStart.DayNumber) * 10_000 + region * 100 + n));

    /// <summary>An integer hash finaliser: <see cref="Random"/>'s first draws from neighbouring seeds are close, scrambled seeds are not.</summary>
    private static int Scramble(int seed)
    {
        var h = (uint)seed;
        h ^= h >> 16;
        h *= 0x7feb352d;
        h ^= h >> 15;
        h *= 0x846ca68b;
        h ^= h >> 16;
        return (int)(h & 0x7fffffff);
    }

    private static Item Pick(Item[] items, Random random)
    {
        var draw = random.NextDouble() * items.Sum(i => i.Share);
        foreach (var item in items)
        {
            draw -= item.Share;
            if (draw < 0)
                return item;
        }
        return items[^1];
    }

    /// <summary>A log-normal factor with mean 1: most cases near the district's typical time, a long tail of slow ones.</summary>
    private static double LogNormal(Random random, double sigma)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Exp(sigma * normal - sigma * sigma / 2);
    }
}
