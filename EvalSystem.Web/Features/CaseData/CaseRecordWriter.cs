using System.Data;
using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Ratings;
using EvalSystem.Web.Data;
using EvalSystem.Web.Data.Configurations;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EvalSystem.Web.Features.CaseData;

/// <summary>
/// Writes imported cases or ratings inside the caller's transaction, idempotent by business key: a case number or rating id
/// already stored is updated in place, a new one inserted; a key repeated later in the same batch wins (the platform sends a
/// case again as it progresses). Rows stream through: SQLite gets a prepared insert per row (and a prepared update when the
/// key is stored already), SQL Server a bulk copy into a temporary table merged at the end. See docs/adr/006-bulk-case-import.md.
/// </summary>
internal abstract class CaseRecordWriter<T> : IAsyncDisposable
{
    public static async Task<CaseRecordWriter<T>> OpenAsync(EvalDbContext db, IDbContextTransaction transaction, CancellationToken ct)
    {
        CaseRecordWriter<T> writer = db.Database.IsSqlite()
            ? new SqliteWriter((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)transaction.GetDbTransaction())
            : new SqlServerWriter((SqlConnection)db.Database.GetDbConnection(), (SqlTransaction)transaction.GetDbTransaction());
        await writer.StartAsync(ct);
        return writer;
    }

    /// <summary>Rows already stored under this table before the import began.</summary>
    protected long Before { get; set; }

    public abstract Task WriteAsync(T record, CancellationToken ct);

    /// <summary>Finishes the batch; returns how many records are new and how many existed (and were updated).</summary>
    public abstract Task<(int Inserted, int Updated)> CompleteAsync(int written, CancellationToken ct);

    protected abstract Task StartAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    private static bool IsCase => typeof(T) == typeof(ServiceCase);
    private static string Table => IsCase ? "ServiceCases" : "Ratings";
    private static string Key => IsCase ? "CaseNumber" : "RatingId";

    private static readonly string[] CaseColumns =
        ["Id", "CaseNumber", "ItemCode", "ItemName", "DepartmentId", "RegionCode", "Channel", "ReceivedAt", "CompletedAt", "PromisedWorkingDays", "Status", "IsBusinessStartup", "StartupStages"];

    private static readonly string[] RatingColumns =
        ["Id", "RatingId", "CaseNumber", "DepartmentId", "RegionCode", "Channel", "RatedAt", "Level", "Items", "Comment"];

    private static string[] Columns => IsCase ? CaseColumns : RatingColumns;

    /// <summary>The column values of a record, in <see cref="Columns"/> order, as the provider stores them.</summary>
    /// <param name="guid">How the provider stores the record's own id.</param>
    /// <param name="department">How the provider stores the department id (few distinct values: the SQLite writer caches them).</param>
    private static object?[] ValuesOf(T record, Func<Guid, object> guid, Func<Guid, object> department) => record switch
    {
        ServiceCase c => [guid(c.Id), c.CaseNumber, c.ItemCode, c.ItemName, department(c.DepartmentId), c.RegionCode, c.Channel.ToString(), c.ReceivedAt,
            c.CompletedAt, c.PromisedWorkingDays, c.Status.ToString(), c.IsBusinessStartup, Json(c.StartupStages)],
        Rating r => [guid(r.Id), r.RatingId, r.CaseNumber, department(r.DepartmentId), r.RegionCode, r.Channel.ToString(), r.RatedAt, (int)r.Level,
            Json(r.Items), r.Comment],
        _ => throw new InvalidOperationException($"Cannot write {typeof(T).Name}."),
    };

    // Most cases have no start-up stages and most ratings no items: the text EF Core writes for an empty list, without the serializer.
    private static string Json<TItem>(IReadOnlyList<TItem> items) => items.Count == 0 ? "[]" : JsonColumn.Write(items.ToList());

    /// <summary>A GUID as EF Core stores it on SQLite: upper-case text, built in one string.</summary>
    private static string SqliteText(Guid id) => string.Create(36, id, static (chars, value) =>
    {
        value.TryFormat(chars, out _);
        System.Text.Ascii.ToUpperInPlace(chars, out _);
    });

    private sealed class SqliteWriter(SqliteConnection connection, SqliteTransaction transaction) : CaseRecordWriter<T>
    {
        private SqliteCommand? _insert;
        private SqliteCommand? _update;
        private SqliteParameter[] _insertParameters = [];
        private SqliteParameter?[] _updateParameters = [];
        private readonly Dictionary<Guid, object> _departments = [];
        private Func<Guid, object> _departmentText = null!;

        protected override async Task StartAsync(CancellationToken ct)
        {
            Before = await CountAsync(ct);
            _departmentText = DepartmentText;
            var names = Columns.Select(c => "$" + c).ToArray();
            // Insert, and only when the key exists update it: SQLite's ON CONFLICT … DO UPDATE costs 1.7–1.8 times a plain insert
            // per row even when nothing conflicts (docs/performance.md), and most imported records are new.
            _insert = connection.CreateCommand();
            _insert.Transaction = transaction;
            _insert.CommandText = $"INSERT INTO {Table} ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", names)}) ON CONFLICT({Key}) DO NOTHING";
            _insertParameters = names.Select(n => _insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
            _insert.Prepare();
            // Id is kept on update: a case keeps its identity however often it is re-imported.
            _update = connection.CreateCommand();
            _update.Transaction = transaction;
            _update.CommandText = $"UPDATE {Table} SET {string.Join(", ", Columns.Where(c => c is not "Id" && c != Key).Select(c => $"{c} = ${c}"))} WHERE {Key} = ${Key}";
            _updateParameters = names.Select(n => n == "$Id" ? null : _update.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
            _update.Prepare();
        }

        public override async Task WriteAsync(T record, CancellationToken ct)
        {
            // EF Core stores GUIDs on SQLite as upper-case text; raw parameters must match.
            var values = ValuesOf(record, static id => SqliteText(id), _departmentText);
            for (var i = 0; i < values.Length; i++)
                _insertParameters[i].Value = values[i] ?? DBNull.Value;
            if (await _insert!.ExecuteNonQueryAsync(ct) > 0)
                return;
            // The key is stored already (earlier import, or earlier in this one): the later record wins.
            for (var i = 0; i < values.Length; i++)
            {
                if (_updateParameters[i] is { } parameter)
                    parameter.Value = values[i] ?? DBNull.Value;
            }
            await _update!.ExecuteNonQueryAsync(ct);
        }

        private object DepartmentText(Guid id)
        {
            if (!_departments.TryGetValue(id, out var text))
                _departments[id] = text = SqliteText(id);
            return text;
        }

        public override async Task<(int Inserted, int Updated)> CompleteAsync(int written, CancellationToken ct)
        {
            var inserted = (int)(await CountAsync(ct) - Before);
            return (inserted, written - inserted);
        }

        private async Task<long> CountAsync(CancellationToken ct)
        {
            await using var count = connection.CreateCommand();
            count.Transaction = transaction;
            count.CommandText = $"SELECT COUNT(*) FROM {Table}";
            return (long)(await count.ExecuteScalarAsync(ct))!;
        }

        public override async ValueTask DisposeAsync()
        {
            if (_insert is not null)
                await _insert.DisposeAsync();
            if (_update is not null)
                await _update.DisposeAsync();
        }
    }

    /// <summary>The SQL Server statements, for checking them with Microsoft's T-SQL parser without a server.</summary>
    internal static IReadOnlyList<string> SqlServerStatements => [SqlServerWriter.CreateStaging(), SqlServerWriter.Merge(), "DROP TABLE #Staging;"];

    private sealed class SqlServerWriter(SqlConnection connection, SqlTransaction transaction) : CaseRecordWriter<T>
    {
        private const int BatchSize = 10_000;
        private readonly DataTable _batch = new();
        private int _sequence;

        /// <summary>The staging table keeps a sequence so that, within one import, the last row of a repeated key wins.</summary>
        public static string CreateStaging() =>
            $"SELECT TOP 0 {string.Join(", ", Columns)}, CAST(0 AS int) AS Seq INTO #Staging FROM {Table};";

        public static string Merge() =>
            $"""
            MERGE {Table} WITH (HOLDLOCK) AS t
            USING (SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY {Key} ORDER BY Seq DESC) AS Latest FROM #Staging) AS s WHERE s.Latest = 1) AS s
            ON t.{Key} = s.{Key}
            WHEN MATCHED THEN UPDATE SET {string.Join(", ", Columns.Where(c => c is not "Id" && c != Key).Select(c => $"t.{c} = s.{c}"))}
            WHEN NOT MATCHED THEN INSERT ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "s." + c))})
            OUTPUT $action;
            """;

        protected override async Task StartAsync(CancellationToken ct)
        {
            await using var create = new SqlCommand(CreateStaging(), connection, transaction);
            await create.ExecuteNonQueryAsync(ct);
            foreach (var column in Columns)
                _batch.Columns.Add(column, typeof(object));
            _batch.Columns.Add("Seq", typeof(int));
        }

        public override async Task WriteAsync(T record, CancellationToken ct)
        {
            var values = ValuesOf(record, static id => id, static id => id);
            _batch.Rows.Add([.. values.Select(v => v ?? DBNull.Value), ++_sequence]);
            if (_batch.Rows.Count >= BatchSize)
                await FlushAsync(ct);
        }

        private async Task FlushAsync(CancellationToken ct)
        {
            using var copy = new SqlBulkCopy(connection, SqlBulkCopyOptions.Default, transaction) { DestinationTableName = "#Staging", BatchSize = BatchSize };
            foreach (DataColumn column in _batch.Columns)
                copy.ColumnMappings.Add(column.ColumnName, column.ColumnName);
            await copy.WriteToServerAsync(_batch, ct);
            _batch.Clear();
        }

        public override async Task<(int Inserted, int Updated)> CompleteAsync(int written, CancellationToken ct)
        {
            await FlushAsync(ct);
            var inserted = 0;
            await using (var merge = new SqlCommand(Merge(), connection, transaction) { CommandTimeout = 600 })
            await using (var reader = await merge.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    if (reader.GetString(0) == "INSERT")
                        inserted++;
                }
            }
            await using var drop = new SqlCommand("DROP TABLE #Staging;", connection, transaction);
            await drop.ExecuteNonQueryAsync(ct);
            // A key repeated in the batch counts once in the merge; report the rows as the user sent them.
            return (inserted, written - inserted);
        }

        public override ValueTask DisposeAsync()
        {
            _batch.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
