using EvalSystem.Domain.Common;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Organization;
using EvalSystem.Reports.IndicatorSystems;
using EvalSystem.Web.Data;
using EvalSystem.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Features.Indicators;

public sealed record ImportOutcome(Guid? SystemId, string? SystemLabel, IReadOnlyList<ImportError> Errors);

/// <summary>
/// Excel export and import of a whole indicator system in the layout offices use (one row per node).
/// An import is all or nothing: it becomes a new draft version only when every row is valid.
/// </summary>
public sealed class IndicatorSystemExcel(IDbContextFactory<EvalDbContext> dbFactory, AccessGuard access, TimeProvider clock)
{
    public const long MaxFileBytes = 5 * 1024 * 1024;
    private const string Sheet = "指标体系";

    public async Task<(string FileName, byte[] Content)> ExportAsync(Guid systemId, CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ExportIndicators, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var system = await db.IndicatorSystems.AsNoTracking().Include(s => s.Nodes).SingleOrDefaultAsync(s => s.Id == systemId, ct)
            ?? throw new DomainException("指标体系不存在或已被删除。");
        var codes = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Code, ct);
        var rows = IndicatorSystemQueries.PreOrder(system, null)
            .Select(n => new IndicatorRow(0, n.Level, n.Code, n.NameZh, n.NameEn, n.Weight, n.IsIndicator, n.Unit, n.Direction, n.Source,
                n.ResponsibleDepartmentId is { } d ? codes[d] : null, n.SupportingDepartmentIds.Select(id => codes[id]).ToList(),
                n.WarningValue, n.AdvancedValue, n.RuleJson, n.Formula, n.Measure))
            .ToList();
        var sheet = new IndicatorSystemSheet(system.Name, system.TargetKind == TargetKind.Region ? "地区" : "部门",
            system.Aggregation, system.MissingData, system.Version, rows, system.OverduePenaltyPerTask, system.OverduePenaltyCap);
        return ($"{system.Name}-v{system.Version}.xlsx", IndicatorSystemWorkbook.Export(sheet));
    }

    /// <summary>
    /// Imports a workbook as the next draft version of the system with the same name (or as a new system).
    /// Returns every problem with sheet, row and column; stores nothing unless there is none.
    /// </summary>
    public async Task<ImportOutcome> ImportAsync(Stream file, CancellationToken ct = default)
    {
        await access.RequireAsync(Policies.ManageIndicators, ct);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxFileBytes)
            return Fail($"文件超过{MaxFileBytes / 1024 / 1024} MB，指标体系文件通常只有几十 KB，请确认选择了正确的文件。");
        buffer.Position = 0;
        var result = IndicatorSystemWorkbook.Import(buffer);
        if (!result.Succeeded)
            return new(null, null, result.Errors);
        var sheet = result.Sheet!;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Id, StringComparer.OrdinalIgnoreCase, ct);
        var errors = new List<ImportError>();
        foreach (var row in sheet.Rows)
        {
            foreach (var code in row.SupportingDepartmentCodes.Prepend(row.ResponsibleDepartmentCode).OfType<string>())
            {
                if (!departments.ContainsKey(code))
                    errors.Add(new(Sheet, row.SourceRow, code == row.ResponsibleDepartmentCode ? "主责单位" : "配合单位", $"部门代码「{code}」不存在，请使用系统管理中登记的部门代码。"));
            }
        }
        if (errors.Count > 0)
            return new(null, null, errors);

        var kind = sheet.TargetKind == "部门" ? TargetKind.Department : TargetKind.Region;
        var lineage = await db.IndicatorSystems.Where(s => s.Name == sheet.Name && s.TargetKind == kind)
            .Include(s => s.Nodes).OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);
        if (lineage is { Status: SystemStatus.Draft })
            return Fail($"「{lineage.DisplayName}」还是草稿。请先发布或在页面上继续编辑它，再导入新版本。");

        var now = clock.GetUtcNow().UtcDateTime;
        var system = lineage?.CreateNextDraft(now) ?? new IndicatorSystem(sheet.Name, kind, now, sheet.Aggregation, sheet.MissingData);
        system.SetScoringMethod(sheet.Aggregation, sheet.MissingData);
        system.SetOverduePenalty(sheet.OverduePenaltyPerTask, sheet.OverduePenaltyCap);
        foreach (var node in system.Nodes.ToList().Where(n => n.ParentId is null))
            RemoveSubtree(system, node);
        var parents = new Stack<(int Level, IndicatorNode Node)>();
        foreach (var row in sheet.Rows)
        {
            while (parents.Count > 0 && parents.Peek().Level >= row.Level)
                parents.Pop();
            var parent = parents.Count > 0 ? parents.Peek().Node : null;
            try
            {
                var node = row.IsIndicator
                    ? system.AddIndicator(parent!, row.Code, row.NameZh, row.NameEn, row.Weight, new IndicatorDefinition(
                        row.Unit ?? "", row.Direction ?? Domain.Scoring.IndicatorDirection.HigherIsBetter, row.Source ?? IndicatorSource.DepartmentSubmission,
                        row.ResponsibleDepartmentCode is { } r ? departments[r] : null, row.SupportingDepartmentCodes.Select(c => departments[c]).ToList(),
                        row.WarningValue, row.AdvancedValue, row.RuleJson, row.Formula, Measure: row.Measure))
                    : system.AddGroup(row.Code, row.NameZh, row.NameEn, row.Weight, parent);
                parents.Push((row.Level, node));
            }
            catch (DomainException ex)
            {
                errors.Add(new(Sheet, row.SourceRow, "", ex.Message));
            }
        }
        if (errors.Count > 0)
            return new(null, null, errors);
        db.IndicatorSystems.Add(system);
        await db.SaveChangesAsync(ct);
        return new(system.Id, system.DisplayName, []);
    }

    private static void RemoveSubtree(IndicatorSystem system, IndicatorNode node)
    {
        foreach (var child in system.ChildrenOf(node).ToList())
            RemoveSubtree(system, child);
        system.Remove(node);
    }

    private static ImportOutcome Fail(string message) => new(null, null, [new ImportError(Sheet, 0, "", message)]);
}
