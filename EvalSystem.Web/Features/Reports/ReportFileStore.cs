using System.Globalization;
using System.Security.Cryptography;
using EvalSystem.Web.Data;

namespace EvalSystem.Web.Features.Reports;

/// <summary>What a generation wrote: its size and SHA-256 (64 lower-case hex digits).</summary>
public sealed record StoredReport(long SizeBytes, string Sha256);

/// <summary>
/// Keeps the bytes of generated reports in one folder outside the web root, one file per job named by the job's id. A file is
/// written to a temporary name while its SHA-256 is computed and renamed only when complete, so a download never sees half a file.
/// </summary>
public sealed class ReportFileStore
{
    private const string Extension = ".xlsx";
    private const string TempPrefix = ".writing-";

    public ReportFileStore(ReportOptions options, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRootPath);
        if (string.IsNullOrWhiteSpace(options.StorePath))
            throw new StartupException("配置项 Reports:StorePath 不能为空。 Reports:StorePath must not be empty.");
        if (options.MaxConcurrentGenerations is < 1 or > 16)
            throw new StartupException($"配置项 Reports:MaxConcurrentGenerations 必须在 1 到 16 之间（当前为 {options.MaxConcurrentGenerations}）。 Reports:MaxConcurrentGenerations must be 1–16.");
        if (options.RetentionDays is < 0 or > 3650)
            throw new StartupException($"配置项 Reports:RetentionDays 必须在 0 到 3650 之间（当前为 {options.RetentionDays}；0 表示永久保留）。 Reports:RetentionDays must be 0–3650.");
        FolderPath = Path.GetFullPath(Path.IsPathRooted(options.StorePath) ? options.StorePath : Path.Combine(contentRootPath, options.StorePath));
        Directory.CreateDirectory(FolderPath);
    }

    public string FolderPath { get; }

    /// <summary>Lets <paramref name="write"/> fill the job's file, then records its size and hash.</summary>
    public async Task<StoredReport> SaveAsync(Guid jobId, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        var temp = Path.Combine(FolderPath, TempPrefix + jobId.ToString("N", CultureInfo.InvariantCulture));
        try
        {
            await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
                await write(file, ct);
            string hash;
            long size;
            await using (var file = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous))
            {
                size = file.Length;
                hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
            }

            File.Move(temp, PathOf(jobId), overwrite: true);
            return new StoredReport(size, hash);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    /// <summary>The stored file of a completed job; null when it is missing (e.g. removed by an operator).</summary>
    public Stream? OpenRead(Guid jobId)
    {
        var path = PathOf(jobId);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous) : null;
    }

    /// <summary>Removes a job's file; false when there was none.</summary>
    public bool Delete(Guid jobId)
    {
        var path = PathOf(jobId);
        if (!File.Exists(path))
            return false;
        File.Delete(path);
        return true;
    }

    /// <summary>
    /// Files last written before <paramref name="beforeUtc"/>: stored reports with their job id, and half-written files a stopped
    /// server left behind (job id null).
    /// </summary>
    public IEnumerable<(Guid? JobId, string Path)> FilesOlderThan(DateTime beforeUtc)
    {
        foreach (var path in Directory.EnumerateFiles(FolderPath))
        {
            if (File.GetLastWriteTimeUtc(path) >= beforeUtc)
                continue;
            var name = Path.GetFileName(path);
            if (name.StartsWith(TempPrefix, StringComparison.Ordinal))
                yield return (null, path);
            else if (name.EndsWith(Extension, StringComparison.Ordinal) && Guid.TryParseExact(Path.GetFileNameWithoutExtension(name), "N", out var id))
                yield return (id, path);
        }
    }

    private string PathOf(Guid jobId) => Path.Combine(FolderPath, jobId.ToString("N", CultureInfo.InvariantCulture) + Extension);
}
