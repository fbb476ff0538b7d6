namespace EvalSystem.Reports.CaseFiles;

/// <summary>
/// Hands out one string instance per distinct text for the columns that repeat (codes, names, items), so a
/// million rows of 部门编码 "AMR" allocate one "AMR". Bounded, so a column of unique values cannot grow it without end.
/// </summary>
internal sealed class StringCache(int capacity = 4096)
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);

    public string Get(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
            return string.Empty;
        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var known))
            return known;
        var created = text.ToString();
        if (_strings.Count < capacity)
            _strings.Add(created);
        return created;
    }
}
