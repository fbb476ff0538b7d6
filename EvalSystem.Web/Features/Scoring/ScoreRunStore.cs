using System.Data;
using EvalSystem.Domain.ScoreRuns;
using EvalSystem.Web.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EvalSystem.Web.Features.Scoring;

/// <summary>
/// Saves a run and its results in one transaction. The run row goes through EF (and so through the
/// audit interceptor); the result rows — up to hundreds of thousands — go in bulk: a prepared insert
/// on SQLite, SqlBulkCopy on SQL Server. See docs/adr/004-bulk-score-results.md. The run's per-node city averages
/// are then computed from the stored rows in the same transaction.
/// </summary>
public static class ScoreRunStore
{
    public static async Task SaveAsync(EvalDbContext db, ScoreRun run, IReadOnlyList<TargetScoreRecord> targets,
        IReadOnlyList<IndicatorScoreRecord> indicators, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.ScoreRuns.Add(run);
            await db.SaveChangesAsync(ct);
            if (db.Database.IsSqlite())
                await SqliteInsertAsync(db, transaction, targets, indicators, ct);
            else
                await SqlServerBulkCopyAsync(db, transaction, targets, indicators, ct);
            await StoreNodeAveragesAsync(db, run.Id, ct);
            await transaction.CommitAsync(ct);
        });
    }

    /// <summary>
    /// Stores the run's city average of every node (<see cref="RunNodeAverage"/>) from its stored scores, in SQL, so that the
    /// averages are by definition those of the stored rows. The migration that added the table ran the same statement
    /// over every earlier run.
    /// </summary>
    public static Task<int> StoreNodeAveragesAsync(EvalDbContext db, Guid runId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO RunNodeAverages (RunId, IndicatorNodeId, Average, Scored)
            SELECT RunId, IndicatorNodeId, AVG(Score), COUNT(Score) FROM IndicatorScores WHERE RunId = {runId} GROUP BY RunId, IndicatorNodeId
            """, ct);

    // EF Core stores GUIDs on SQLite as upper-case text; raw parameters must match or joins find nothing.
    private static string SqliteGuid(Guid id) => id.ToString().ToUpperInvariant();

    private static async Task SqliteInsertAsync(EvalDbContext db, IDbContextTransaction transaction,
        IReadOnlyList<TargetScoreRecord> targets, IReadOnlyList<IndicatorScoreRecord> indicators, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var tx = (SqliteTransaction)transaction.GetDbTransaction();

        await using (var command = connection.CreateCommand())
        {
            command.Transaction = tx;
            command.CommandText = """
                INSERT INTO TargetScores (RunId, TargetId, Composite, Rank, CompositeChange, RankChange, AggregateScore, AdjustmentPoints, MedianRank, Rank5, Rank95)
                VALUES ($run, $target, $composite, $rank, $compositeChange, $rankChange, $aggregate, $adjustment, $median, $rank5, $rank95)
                """;
            var p = Parameters(command, "$run", "$target", "$composite", "$rank", "$compositeChange", "$rankChange", "$aggregate", "$adjustment", "$median", "$rank5", "$rank95");
            command.Prepare();
            foreach (var s in targets)
            {
                p[0].Value = SqliteGuid(s.RunId);
                p[1].Value = SqliteGuid(s.TargetId);
                p[2].Value = s.Composite;
                p[3].Value = s.Rank;
                p[4].Value = (object?)s.CompositeChange ?? DBNull.Value;
                p[5].Value = (object?)s.RankChange ?? DBNull.Value;
                p[6].Value = s.AggregateScore;
                p[7].Value = s.AdjustmentPoints;
                p[8].Value = s.MedianRank;
                p[9].Value = s.Rank5;
                p[10].Value = s.Rank95;
                await command.ExecuteNonQueryAsync(ct);
            }
        }

        await using (var command = connection.CreateCommand())
        {
            command.Transaction = tx;
            command.CommandText = """
                INSERT INTO IndicatorScores (RunId, TargetId, IndicatorNodeId, IsLeaf, RawValue, Imputation, Score, EffectiveWeight, Contribution)
                VALUES ($run, $target, $node, $leaf, $raw, $imputation, $score, $weight, $contribution)
                """;
            var p = Parameters(command, "$run", "$target", "$node", "$leaf", "$raw", "$imputation", "$score", "$weight", "$contribution");
            command.Prepare();
            // Run and target ids repeat row after row: format each once.
            string? runText = null, targetText = null;
            Guid lastRun = Guid.Empty, lastTarget = Guid.Empty;
            foreach (var s in indicators)
            {
                if (runText is null || s.RunId != lastRun)
                    (lastRun, runText) = (s.RunId, SqliteGuid(s.RunId));
                if (targetText is null || s.TargetId != lastTarget)
                    (lastTarget, targetText) = (s.TargetId, SqliteGuid(s.TargetId));
                p[0].Value = runText;
                p[1].Value = targetText;
                p[2].Value = SqliteGuid(s.IndicatorNodeId);
                p[3].Value = s.IsLeaf;
                p[4].Value = (object?)s.RawValue ?? DBNull.Value;
                p[5].Value = (byte)s.Imputation;
                p[6].Value = (object?)s.Score ?? DBNull.Value;
                p[7].Value = s.EffectiveWeight;
                p[8].Value = (object?)s.Contribution ?? DBNull.Value;
                await command.ExecuteNonQueryAsync(ct);
            }
        }
    }

    private static SqliteParameter[] Parameters(SqliteCommand command, params string[] names) =>
        names.Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();

    private static async Task SqlServerBulkCopyAsync(EvalDbContext db, IDbContextTransaction transaction,
        IReadOnlyList<TargetScoreRecord> targets, IReadOnlyList<IndicatorScoreRecord> indicators, CancellationToken ct)
    {
        var connection = (SqlConnection)db.Database.GetDbConnection();
        var tx = (SqlTransaction)transaction.GetDbTransaction();

        var targetTable = new DataTable();
        foreach (var (name, type) in new[]
        {
            ("RunId", typeof(Guid)), ("TargetId", typeof(Guid)), ("Composite", typeof(double)), ("Rank", typeof(int)),
            ("CompositeChange", typeof(double)), ("RankChange", typeof(int)), ("AggregateScore", typeof(double)),
            ("AdjustmentPoints", typeof(double)), ("MedianRank", typeof(double)), ("Rank5", typeof(double)), ("Rank95", typeof(double)),
        })
            targetTable.Columns.Add(name, type);
        foreach (var s in targets)
            targetTable.Rows.Add(s.RunId, s.TargetId, s.Composite, s.Rank, (object?)s.CompositeChange ?? DBNull.Value,
                (object?)s.RankChange ?? DBNull.Value, s.AggregateScore, s.AdjustmentPoints, s.MedianRank, s.Rank5, s.Rank95);
        await CopyAsync(connection, tx, "TargetScores", targetTable, ct);

        var indicatorTable = new DataTable();
        foreach (var (name, type) in new[]
        {
            ("RunId", typeof(Guid)), ("TargetId", typeof(Guid)), ("IndicatorNodeId", typeof(Guid)), ("IsLeaf", typeof(bool)),
            ("RawValue", typeof(double)), ("Imputation", typeof(byte)), ("Score", typeof(double)),
            ("EffectiveWeight", typeof(double)), ("Contribution", typeof(double)),
        })
            indicatorTable.Columns.Add(name, type);
        foreach (var s in indicators)
            indicatorTable.Rows.Add(s.RunId, s.TargetId, s.IndicatorNodeId, s.IsLeaf, (object?)s.RawValue ?? DBNull.Value,
                (byte)s.Imputation, (object?)s.Score ?? DBNull.Value, s.EffectiveWeight, (object?)s.Contribution ?? DBNull.Value);
        await CopyAsync(connection, tx, "IndicatorScores", indicatorTable, ct);
    }

    private static async Task CopyAsync(SqlConnection connection, SqlTransaction tx, string table, DataTable data, CancellationToken ct)
    {
        using var copy = new SqlBulkCopy(connection, SqlBulkCopyOptions.CheckConstraints, tx) { DestinationTableName = table, BatchSize = 10_000 };
        foreach (DataColumn column in data.Columns)
            copy.ColumnMappings.Add(column.ColumnName, column.ColumnName);
        await copy.WriteToServerAsync(data, ct);
    }
}
