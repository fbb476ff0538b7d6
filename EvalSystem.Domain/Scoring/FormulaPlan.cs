using System.Globalization;
using System.Text.RegularExpressions;
using NCalc;

namespace EvalSystem.Domain.Scoring;

/// <summary>
/// A leaf's formula (派生指标公式) resolved against the model: which leaves it reads, in dependency order.
/// Expressions are parsed per computation rather than stored, because NCalc expressions carry mutable parameters.
/// </summary>
internal sealed class FormulaPlan
{
    private FormulaPlan(int leafIndex, string formula, string[] parameters, int[] parameterLeaf)
    {
        LeafIndex = leafIndex;
        Formula = formula;
        Parameters = parameters;
        ParameterLeaf = parameterLeaf;
    }

    public int LeafIndex { get; }

    public string Formula { get; }

    public string[] Parameters { get; }

    /// <summary>Leaf index a parameter reads, or −1 for a base measure read from the input columns.</summary>
    public int[] ParameterLeaf { get; }

    /// <summary>Plans in topological order (a formula after the formulas it reads); the model is already validated.</summary>
    public static FormulaPlan[] Create(IReadOnlyList<ScoringLeaf> leaves, Dictionary<string, int> leafIndex)
    {
        var plans = new Dictionary<int, FormulaPlan>();
        for (var i = 0; i < leaves.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(leaves[i].Formula))
                continue;
            var names = new Expression(leaves[i].Formula).GetParameterNames().Distinct(StringComparer.Ordinal).ToArray();
            var sources = names.Select(n => leafIndex.TryGetValue(n, out var li) ? li : -1).ToArray();
            plans[i] = new FormulaPlan(i, leaves[i].Formula!, names, sources);
        }

        var ordered = new List<FormulaPlan>();
        var done = new HashSet<int>();

        void Add(FormulaPlan plan)
        {
            if (!done.Add(plan.LeafIndex))
                return;
            foreach (var dep in plan.ParameterLeaf)
            {
                if (dep >= 0 && plans.TryGetValue(dep, out var p))
                    Add(p);
            }

            ordered.Add(plan);
        }

        foreach (var plan in plans.Values.OrderBy(p => p.LeafIndex))
            Add(plan);
        return ordered.ToArray();
    }

    /// <summary>Evaluates to a finite double, or NaN when an input is missing or the result is not finite (e.g. 0/0).</summary>
    public static double Evaluate(Expression expression, FormulaPlan plan, ReadOnlySpan<double> parameterValues)
    {
        for (var p = 0; p < plan.Parameters.Length; p++)
        {
            if (double.IsNaN(parameterValues[p]))
                return double.NaN;
            expression.Parameters[plan.Parameters[p]] = parameterValues[p];
        }

        try
        {
            var value = Convert.ToDouble(expression.Evaluate(), CultureInfo.InvariantCulture);
            return double.IsFinite(value) ? value : double.NaN;
        }
        catch (Exception ex) when (ex is ArithmeticException or InvalidCastException or FormatException or NCalc.Exceptions.NCalcException)
        {
            return double.NaN;
        }
    }

    /// <summary>
    /// NCalc reports "Error parsing the expression." with the detail in the inner exception, e.g.
    /// "Parenthesis not closed. at position (1:24)"; this turns it into a Chinese sentence with the character position.
    /// </summary>
    public static string DescribeSyntaxError(string formula, Exception? error)
    {
        var detail = (error?.InnerException ?? error)?.Message ?? string.Empty;
        var position = Regex.Match(detail, @"at position \((\d+):(\d+)\)");
        var what = detail switch
        {
            _ when detail.StartsWith("Parenthesis not closed", StringComparison.Ordinal) => "括号未闭合",
            _ when detail.StartsWith("Invalid token", StringComparison.Ordinal) => "无法识别的内容",
            _ when detail.StartsWith("Unknown operator sequence", StringComparison.Ordinal) => "运算符组合无效",
            _ => $"无法解析（{detail}）",
        };
        return position.Success
            ? $"「{formula}」在第{position.Groups[2].Value}个字符附近{what}。"
            : $"「{formula}」{what}。";
    }
}
