using System.Text.RegularExpressions;
using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Organization;

/// <summary>部门: a government department or public utility that is evaluated and submits data.</summary>
public sealed partial class Department
{
    private Department() { Code = Name = string.Empty; }

    public Department(string code, string name, DepartmentKind kind)
    {
        if (code is null || !CodePattern().IsMatch(code))
            throw new DomainException($"部门代码只能包含大写字母、数字和连字符（2–20位），收到「{code}」。");
        Id = Guid.CreateVersion7();
        Code = code;
        Name = Guard.Required(name, "部门名称", 50);
        Kind = kind;
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public DepartmentKind Kind { get; private set; }

    public void Rename(string name) => Name = Guard.Required(name, "部门名称", 50);

    [GeneratedRegex("^[A-Z0-9-]{2,20}$")]
    private static partial Regex CodePattern();
}

public enum DepartmentKind
{
    /// <summary>政府部门</summary>
    Government = 1,
    /// <summary>公共服务企业 (e.g. 供电公司)</summary>
    PublicUtility = 2,
}
