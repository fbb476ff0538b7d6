using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EvalSystem.Web.Data;

/// <summary>
/// SQLite compares text by code point, which puts 中心区 before 南湖区 for no reason a reader knows. <see cref="Name"/> is a
/// collation with the ICU rules of zh-CN (拼音 order, as SQL Server's Chinese_PRC collations), registered on every connection
/// the SQLite context opens, so <c>EF.Functions.Collate(name, db.ChineseCollation)</c> sorts names as Chinese users expect.
/// </summary>
internal sealed class PinyinCollation : DbConnectionInterceptor
{
    public const string Name = "ZH_PINYIN";

    public static readonly PinyinCollation Instance = new();

    private static readonly CompareInfo Chinese = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;

    /// <summary>Pinyin order, then the code points, so that two different names never compare equal.</summary>
    public static int Compare(string? x, string? y)
    {
        var order = Chinese.Compare(x, y, CompareOptions.None);
        return order != 0 ? order : string.CompareOrdinal(x, y);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
            sqlite.CreateCollation(Name, Compare);
    }
}
