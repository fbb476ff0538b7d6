using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Organization;

/// <summary>评价对象: a region or a department that is scored and ranked.</summary>
public sealed class EvaluationTarget
{
    private EvaluationTarget() { Name = string.Empty; }

    private EvaluationTarget(TargetKind kind, string name, Guid? regionId, Guid? departmentId)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        Name = Guard.Required(name, "评价对象名称", 50);
        RegionId = regionId;
        DepartmentId = departmentId;
    }

    public Guid Id { get; private set; }
    public TargetKind Kind { get; private set; }
    public string Name { get; private set; }
    public Guid? RegionId { get; private set; }
    public Guid? DepartmentId { get; private set; }

    public static EvaluationTarget ForRegion(Region region) =>
        new(TargetKind.Region, region.Name, region.Id, null);

    public static EvaluationTarget ForDepartment(Department department) =>
        new(TargetKind.Department, department.Name, null, department.Id);
}

public enum TargetKind
{
    /// <summary>地区</summary>
    Region = 1,
    /// <summary>部门</summary>
    Department = 2,
}
