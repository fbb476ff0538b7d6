using ClosedXML.Excel;
using EvalSystem.Domain.Cases;
using EvalSystem.Reports.Excel;
using static EvalSystem.Reports.IndicatorSystems.WorkbookLayout;

namespace EvalSystem.Reports.IndicatorSystems;

/// <summary>The "填写说明" worksheet: every column, its allowed values and the rule parameter syntax with examples.</summary>
internal static class InstructionsSheet
{
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DDEBF7");

    private static readonly string[][] TitleBlock =
    [
        [NameLabel, "必填，不超过100字。", "2025年度区县营商环境评价指标体系"],
        [TargetKindLabel, "必填：" + string.Join("、", TargetKinds) + "。", "地区"],
        [VersionLabel, "必填，正整数。", "1"],
        [AggregationLabel, "必填：" + Aggregations.Choices + "。", "加权算术平均"],
        [MissingDataLabel, "必填：" + MissingDataPolicies.Choices + "。", "剔除并重新分配权重"],
        [PenaltyLabel, "选填（第6行B列），大于0且不超过100：每个超期督办任务从综合得分中扣的分数；留空表示不扣分。", "2"],
        [PenaltyCapLabel, "选填（第6行D列），大于0且不超过100，不小于每件扣分：超期扣分合计最多扣的分数；留空表示不封顶。", "10"],
    ];

    private static readonly string[][] ColumnRows =
    [
        [Header(Level), "必填，1、2 或 3。各行按树的先序排列：一行的上级是它上方最近的、层级小1的行；层级不能跳级。", "1"],
        [Header(Code), "必填，唯一；字母或数字开头，只含字母、数字、“-”和“.”，不超过20位。", "KB-1"],
        [Header(NameZh), "必填，不超过100字。", "开办企业时间"],
        [Header(NameEn), "选填，不超过200字。", "Time to start a business"],
        [Header(Weight), "必填，大于0且不超过100；同一上级的各下级权重合计必须为100（一级分组合计也为100）。", "25"],
        [Header(Kind), "必填：分组 或 指标。一级必须是分组；分组至少有一个下级，指标不能有下级。", "指标"],
        [Header(Unit), "指标必填，不超过30字；分组留空。", "工作日"],
        [Header(Direction), "指标必填：" + Directions.Choices + "（数值越大越好为正向，越小越好为逆向）；分组留空。", "逆向"],
        [Header(Source), "指标必填：" + Sources.Choices + "；分组留空。", "部门填报"],
        [Header(Responsible), "部门代码（大写字母、数字、“-”，2–20位）；数据来源为部门填报时必填。", "SCJGJ"],
        [Header(Supporting), "选填，多个部门代码用“、”或“,”分隔。", "ZWFWJ、SWJ"],
        [Header(Warning), "选填，数字。正向指标的先进值不能低于预警值，逆向指标的先进值不能高于预警值。", "5"],
        [Header(Advanced), "选填，数字。", "1"],
        [Header(RuleType), "指标必填：" + string.Join("、", RuleParameterText.TypeNames) + "；分组留空。", "前沿距离"],
        [Header(RuleParameters), "按评分规则填写，写法见下表；多个参数用“；”分隔。", "最优=0.5；最差=20"],
        [Header(Formula), "数据来源为公式计算时必填，其他指标留空。用方括号引用其他指标的代码，支持 + - * / 和括号。", "[ZW-3A] / [ZW-3B] * 100"],
        [Header(Measure), "数据来源为办件数据或好差评时选择，系统按此口径自动计算；留空则不自动取数。可选：" + MeasureChoices() + "。", "平均审批时间"],
    ];

    private static readonly string[][] RuleRows =
    [
        [RuleParameterText.Goalpost, "最优=数值；最差=数值", "最优=0.5；最差=20", "得分 =(最差 − 实际值)/(最差 − 最优)×100，截断到0–100；最优与最差不能相等。逆向指标的最优值小于最差值。"],
        [RuleParameterText.MinMax, "缩尾=是/否；最多缩尾=整数（可省略，默认 缩尾=否、最多缩尾=5）", "缩尾=是；最多缩尾=2", "与同期其他评价对象比较：最大值得100分、最小值得0分（逆向相反）；缩尾时先把极端值拉回。"],
        [RuleParameterText.ZScore, "无参数，留空", string.Empty, "标准分：50 + 10 × z，截断到0–100。"],
        [RuleParameterText.Bands, "(下限,上限]=得分；…… 从小到大逐档填写", "(-∞,1]=100；(1,3]=80；(3,5]=60；(5,+∞)=0", "方括号 [ ] 表示包含端点，圆括号 ( ) 表示不含；无下限写 -∞，无上限写 +∞。各档必须首尾相接、不重叠、不留空档，分界点只能属于一档；得分在0–100之间。"],
        [RuleParameterText.Target, "目标=数值；封顶=数值（封顶可省略，默认1）", "目标=100；封顶=1", "正向：实际值/目标×100；逆向：目标/实际值×100；最多为 封顶×100，且不超过100。目标和封顶必须大于0。"],
        [RuleParameterText.RankPoints, "按名次依次列出分值，用“,”分隔", "100,90,80,70", "第1名100分、第2名90分……，名次超出所列个数的得最后一个分值；分值在0–100之间且不能递增。"],
        [RuleParameterText.YesNo, "无参数，留空", string.Empty, "实际值非0（达成）得100分，为0得0分。"],
    ];

    private static readonly string[] GeneralNotes =
    [
        "第1–5行为标题区：A列是项目名称，B列填写内容；第7行为表头，第8行起每行一个节点。请勿改动表头的列名和顺序。",
        "导入时整张表一起校验：只要有一处错误就不会导入任何内容，错误清单会列出工作表、行号、列名和原因。",
        "数字请填写为数字（不带单位和百分号）；空行会被忽略。",
        "评分规则也可以填写英文类型名（goalpost、minmax、zscore、bands、target、rankpoints、yesno）。",
    ];

    /// <summary>"平均审批时间、……（办件数据）；满意率、……（好差评）", so offices see which measures fit which source.</summary>
    private static string MeasureChoices()
        => string.Join("；", CaseMeasureKinds.All.GroupBy(m => m.Source())
            .Select(g => $"{string.Join("、", g.Select(m => Measures[m]))}（{Sources[g.Key]}）"));

    public static void Add(XLWorkbook workbook)
    {
        var ws = workbook.AddWorksheet(InstructionsSheetName);
        var r = 1;
        ws.Cell(r, 1).SetValue("指标体系导入模板填写说明").Style.Font.SetBold().Font.SetFontSize(14);
        r += 2;
        r = Section(ws, r, "一、填写须知", ["序号", "说明"], GeneralNotes.Select((n, i) => new[] { (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), n }).ToArray());
        r = Section(ws, r, "二、标题区（第1–6行）", ["项目", "填写要求", "示例"], TitleBlock);
        r = Section(ws, r, "三、各列填写要求（第7行表头，第8行起为数据）", ["列名", "填写要求与可选值", "示例"], ColumnRows);
        Section(ws, r, "四、评分规则与规则参数写法", ["评分规则", "规则参数写法", "示例", "含义"], RuleRows);

        var texts = ws.CellsUsed().GroupBy(c => c.Address.ColumnNumber);
        foreach (var column in texts)
            ws.Column(column.Key).Width = ColumnWidths.Fit(column.Where(c => c.Address.RowNumber > 1).Select(c => c.GetString()));
        ws.Columns(1, 4).Style.Alignment.SetWrapText(true).Alignment.SetVertical(XLAlignmentVerticalValues.Top);
        ws.Cell(1, 1).Style.Alignment.SetWrapText(false);
        ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        ws.PageSetup.FitToPages(1, 0);
    }

    private static int Section(IXLWorksheet ws, int r, string title, string[] headers, string[][] rows)
    {
        ws.Cell(r, 1).SetValue(title).Style.Font.SetBold();
        r++;
        for (var c = 0; c < headers.Length; c++)
            ws.Cell(r, c + 1).SetValue(headers[c]);
        ws.Range(r, 1, r, headers.Length).Style.Font.SetBold().Fill.SetBackgroundColor(HeaderFill);
        var first = r;
        foreach (var row in rows)
        {
            r++;
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c].Length > 0)
                    ws.Cell(r, c + 1).SetValue(row[c]);
            }
        }

        ws.Range(first, 1, r, headers.Length).Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
        return r + 2;
    }
}
