using EvalSystem.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace EvalSystem.Web.Tests.Data;

/// <summary>SQLite sorts Chinese names by 拼音 through the collation the SQLite context registers on its connections.</summary>
public sealed class PinyinCollationTests : IAsyncDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public void Compare_PutsNamesInPinyinOrder()
    {
        string[] names = ["中心区", "石桥县", "南湖区", "北山区", "东城区"];
        Assert.Equal(["北山区", "东城区", "南湖区", "石桥县", "中心区"], names.Order(Comparer<string>.Create(PinyinCollation.Compare)));
        Assert.NotEqual(0, PinyinCollation.Compare("石桥县", "时桥县")); // same pinyin, different names: never equal
    }

    [Fact]
    public async Task AnEfQuery_OrdersByTheCollationOnARealSqliteFile()
    {
        await using var db = _database.CreateContext();
        var ordered = await db.Database.SqlQueryRaw<string>(
                $"SELECT value AS Value FROM json_each('[\"中心区\",\"石桥县\",\"南湖区\",\"北山区\"]') ORDER BY value COLLATE {PinyinCollation.Name}")
            .ToListAsync();
        Assert.Equal(["北山区", "南湖区", "石桥县", "中心区"], ordered);
    }
}
