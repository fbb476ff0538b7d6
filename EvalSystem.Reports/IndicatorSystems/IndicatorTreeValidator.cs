using System.Globalization;
using EvalSystem.Domain.Scoring;
using static EvalSystem.Reports.IndicatorSystems.WorkbookLayout;

namespace EvalSystem.Reports.IndicatorSystems;

/// <summary>The checks that need more than one row: levels and parents, duplicate codes, sibling weights and formulas.</summary>
internal static class IndicatorTreeValidator
{
    /// <summary>The same tolerance as <see cref="ScoringModel.Validate"/>, so an imported system can always be scored.</summary>
    private const decimal WeightTolerance = 0.001m;

    private const int MaxLevel = 3;

    public static void Validate(IReadOnlyList<RowDraft> drafts, ImportErrors errors)
    {
        LinkParents(drafts, errors);
        CheckChildren(drafts, errors);
        CheckDuplicateCodes(drafts, errors);
        CheckWeights(drafts, errors);
        CheckFormulas(drafts, errors);
    }

    /// <summary>
    /// The last line of defence: the complete definition goes through the scoring engine's own validation, so nothing is
    /// imported that the engine would refuse. The row checks above normally leave nothing for it to find.
    /// </summary>
    public static void ValidateModel(IReadOnlyList<IndicatorRow> rows, AggregationMethod aggregation, MissingDataPolicy missingData, ImportErrors errors)
    {
        var definition = IndicatorSystemDefinition.From(rows) with { Aggregation = aggregation, MissingData = missingData };
        foreach (var error in ScoringModel.Validate(definition).Errors)
        {
            var code = error.Path.Split('/')[^1];
            var row = rows.FirstOrDefault(r => r.Code == code)?.SourceRow ?? 0;
            errors.Add(row, string.Empty, error.Message);
        }
    }

    /// <summary>A row's parent is the closest preceding row one level up; levels may go down by one at a time only.</summary>
    private static void LinkParents(IReadOnlyList<RowDraft> drafts, ImportErrors errors)
    {
        var lastAt = new RowDraft?[MaxLevel + 2];
        RowDraft? previous = null;
        foreach (var d in drafts)
        {
            if (d.Level is not { } level)
                continue;
            if (previous is null && level != 1)
                errors.Add(d.Row, Header(Level), $"第一个节点必须是一级分组，本行是{level}级。");
            else if (previous?.Level is { } above && level > above + 1)
                errors.Add(d.Row, Header(Level), $"层级跳级：本行是{level}级，但上一行（第{previous.Row}行「{previous.Title}」）是{above}级；{level}级节点必须紧跟在{level - 1}级分组或其下级之后。");

            d.Parent = level == 1 ? null : lastAt[level - 1];
            d.Parent?.Children.Add(d);
            lastAt[level] = d;
            for (var k = level + 1; k < lastAt.Length; k++)
                lastAt[k] = null;
            previous = d;

            if (level == 1 && d.IsIndicator == true)
                errors.Add(d.Row, Header(Kind), $"一级节点「{d.Title}」必须是分组：指标要放在一级分组之下（层级2或3）。");
        }
    }

    private static void CheckChildren(IReadOnlyList<RowDraft> drafts, ImportErrors errors)
    {
        foreach (var d in drafts.Where(d => d.Level is not null))
        {
            if (d.IsIndicator == true && d.Children.Count > 0)
            {
                errors.Add(d.Row, Header(Kind),
                    $"「{d.Title}」是指标（末级节点），不能有下级，但{Rows(d.Children)}是它的下级。请把它改为分组，或调整下级行的层级。");
            }
            else if (d.IsIndicator == false && d.Children.Count == 0)
            {
                errors.Add(d.Row, Header(Kind), d.Level == MaxLevel
                    ? $"分组「{d.Title}」没有下级指标：指标体系最多{MaxLevel}级，{MaxLevel}级节点只能是指标。"
                    : $"分组「{d.Title}」没有下级指标：分组下至少要有一个指标；如果这一行本身要评分，请把节点类型改为「{IndicatorKind}」。");
            }
        }
    }

    private static void CheckDuplicateCodes(IReadOnlyList<RowDraft> drafts, ImportErrors errors)
    {
        // Case-insensitive, as the database's unique index will be.
        foreach (var group in drafts.Where(d => d.Code.Length > 0).GroupBy(d => d.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var rows = group.ToList();
            foreach (var d in rows)
                errors.Add(d.Row, Header(Code), $"指标代码「{d.Code}」重复：{Rows(rows)}使用了同一代码（「{string.Join("」「", rows.Select(r => r.NameZh))}」），指标代码必须唯一。");
        }
    }

    private static void CheckWeights(IReadOnlyList<RowDraft> drafts, ImportErrors errors)
    {
        CheckSiblings(null, drafts.Where(d => d.Level == 1).ToList(), errors);
        foreach (var d in drafts.Where(d => d.IsIndicator == false))
            CheckSiblings(d, d.Children, errors);
    }

    private static void CheckSiblings(RowDraft? parent, IReadOnlyList<RowDraft> siblings, ImportErrors errors)
    {
        // A sibling with an invalid weight is already reported; its sum would only add noise.
        if (siblings.Count == 0 || siblings.Any(s => s.Weight is null))
            return;
        var sum = siblings.Sum(s => s.Weight!.Value);
        if (Math.Abs(sum - 100m) <= WeightTolerance)
            return;
        var detail = string.Join("、", siblings.Select(s => $"第{s.Row}行{Percent(s.Weight!.Value)}"));
        if (parent is null)
            errors.Add(0, Header(Weight), $"一级分组的权重合计为{Percent(sum)}，应为100%（{detail}）。");
        else
            errors.Add(parent.Row, Header(Weight), $"「{parent.Title}」的下级权重合计为{Percent(sum)}，应为100%（{detail}）。");
    }

    /// <summary>
    /// Formula syntax, unknown measures and cycles, found by the scoring engine's validation of a flat definition of all
    /// indicators (flat, so a broken tree does not hide formula problems); only its formula messages are kept.
    /// </summary>
    private static void CheckFormulas(IReadOnlyList<RowDraft> drafts, ImportErrors errors)
    {
        var leaves = drafts.Where(d => d.IsIndicator == true && d.Code.Length > 0).DistinctBy(d => d.Code, StringComparer.Ordinal).ToList();
        if (!leaves.Any(l => l.Formula is not null))
            return;
        var definition = new ScoringModelDefinition(leaves
            .Select(l => (ScoringElement)new ScoringLeaf(l.Code, l.Title, 100.0 / leaves.Count, IndicatorDirection.HigherIsBetter, new YesNoRule(), l.Formula))
            .ToList());
        foreach (var error in ScoringModel.Validate(definition).Errors)
        {
            if (!error.Message.StartsWith("公式存在循环引用", StringComparison.Ordinal) && !error.Message.Contains("」的公式", StringComparison.Ordinal))
                continue;
            var row = leaves.FirstOrDefault(l => l.Code == error.Path)?.Row ?? 0;
            errors.Add(row, Header(Formula), error.Message);
        }
    }

    private static string Rows(IEnumerable<RowDraft> rows) => $"第{string.Join("、", rows.Select(r => r.Row))}行";

    private static string Percent(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture) + "%";
}
